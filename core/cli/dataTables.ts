import Table from 'cli-table3';
import type { Bar } from '../data/BarSeries';
import { isoStamp } from '../data/barStore/isoStamp';
import type { SeriesInfo } from '../data/barStore/seriesInfo';
import { priceDecimals } from './pricePrecision';

/** `list --json`: one object per series, stamps as ISO 8601 UTC. */
export function seriesJson(s: SeriesInfo): Record<string, unknown> {
  return {
    symbol: s.symbol,
    bar_size: s.barSize,
    first: new Date(s.firstTs).toISOString(),
    last: new Date(s.lastTs).toISOString(),
    bars: s.bars,
    gaps: s.gaps,
    source: s.source,
    file: s.fileName,
    imported_at: new Date(s.importedAt).toISOString(),
    has_adj_close: s.hasAdjClose,
    fingerprint: s.fingerprint,
  };
}

/** The coverage table `list` prints on a terminal. */
export function seriesTable(series: readonly SeriesInfo[]): string {
  const t = new Table({
    head: ['symbol', 'bar size', 'first', 'last', 'bars', 'gaps', 'source', 'file', 'imported'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const s of series) {
    t.push([
      s.symbol,
      s.barSize,
      isoStamp(s.firstTs),
      isoStamp(s.lastTs),
      s.bars.toLocaleString('en-US'),
      s.gaps.toLocaleString('en-US'),
      s.source + (s.hasAdjClose ? ' (adj close)' : ''),
      s.fileName ?? '',
      new Date(s.importedAt).toISOString().slice(0, 16).replace('T', ' '),
    ]);
  }
  return t.toString();
}

/** `show`'s bars as aligned plain columns (no box: a series can have a million rows), prices at the series' precision. */
export function barsText(bars: readonly Bar[]): string {
  const d = priceDecimals(bars);
  const rows = bars.map((b) => [isoStamp(b.ts), b.open.toFixed(d), b.high.toFixed(d), b.low.toFixed(d), b.close.toFixed(d), String(b.volume)]);
  const head = ['ts', 'open', 'high', 'low', 'close', 'volume'];
  const widths = head.map((h, c) => rows.reduce((w, r) => Math.max(w, r[c].length), h.length));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
