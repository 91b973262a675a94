import type { BarSeries } from '../../data/BarSeries';
import type { Timestamp } from '../../domain/order';

/** What replacing a stored series with a download would do, bar by bar (matched by stamp). */
export interface HistoryChanges {
  /** Stamps the download has and the stored series does not. */
  added: number;
  /** Stamps both have, with a different open, high, low, close or volume. */
  changed: number;
  /** Stamps the stored series has and the download does not: replacing drops them. */
  removed: number;
  unchanged: number;
  /** The first and last stamp added, changed or removed; null when nothing would change. */
  firstChangeTs: Timestamp | null;
  lastChangeTs: Timestamp | null;
}

function sameBar(a: BarSeries, i: number, b: BarSeries, j: number): boolean {
  return a.open[i] === b.open[j] && a.high[i] === b.high[j] && a.low[i] === b.low[j] && a.close[i] === b.close[j] && a.volume[i] === b.volume[j];
}

/** Walks both ascending series once, as a merge. */
export function historyChanges(stored: BarSeries, download: BarSeries): HistoryChanges {
  const out: HistoryChanges = { added: 0, changed: 0, removed: 0, unchanged: 0, firstChangeTs: null, lastChangeTs: null };
  const mark = (ts: number): void => {
    out.firstChangeTs = out.firstChangeTs === null ? ts : Math.min(out.firstChangeTs, ts);
    out.lastChangeTs = out.lastChangeTs === null ? ts : Math.max(out.lastChangeTs, ts);
  };
  let i = 0;
  let j = 0;
  while (i < stored.length || j < download.length) {
    const s = i < stored.length ? stored.ts[i] : Infinity;
    const d = j < download.length ? download.ts[j] : Infinity;
    if (s < d) {
      out.removed++;
      mark(s);
      i++;
    } else if (d < s) {
      out.added++;
      mark(d);
      j++;
    } else {
      if (sameBar(stored, i, download, j)) out.unchanged++;
      else {
        out.changed++;
        mark(s);
      }
      i++;
      j++;
    }
  }
  return out;
}
