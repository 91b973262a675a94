import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BarSeries } from '../../data/BarSeries';
import { getBars } from '../../data/barStore/loadBars';
import { barSizeRank, listSeries } from '../../data/barStore/seriesRepo';
import { IRREGULAR_BAR_SIZE } from '../../data/barStore/barSizeOf';
import type { FinerBars } from '../../sim/BacktestBroker';
import { defaultDbPath } from '../../store/db';
import type { StoreSelection } from './loadStoreSeries';

/** The first index of `ts` at or after `t` (binary search; ts ascends). */
function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For intrabar_policy finer_bars: each run symbol's finest stored bar size below the run's (ticks
 * excluded), read once from the store the run's bars come from, and served by stamp range. A symbol
 * with none has no finer bars: the simulator then decides worst_case and counts it.
 */
export function finerBarsOf(selection: StoreSelection, runDb: Database.Database | undefined, series: readonly BarSeries[]): FinerBars {
  const ownDb = selection.db !== null || runDb === undefined;
  const file = selection.db ?? defaultDbPath();
  const db = ownDb ? (existsSync(file) ? new Database(file, { readonly: true, fileMustExist: true }) : null) : (runDb as Database.Database);
  const rank = barSizeRank(selection.barSize);
  const finer: (BarSeries | null)[] = [];
  try {
    for (const s of series) {
      const below = db === null ? [] : listSeries(db, s.symbol).filter((i) => i.barSize !== IRREGULAR_BAR_SIZE && barSizeRank(i.barSize) < rank);
      // listSeries sorts by bar size, finest first: the bar is replayed at the finest resolution stored.
      finer.push(db !== null && below.length > 0 ? getBars(db, s.symbol, below[0].barSize) : null);
    }
  } finally {
    if (ownDb) db?.close();
  }
  return (inst, from, to) => {
    const f = finer[inst];
    if (f === null || f === undefined) return [];
    const out = [];
    for (let i = lowerBound(f.ts, from); i < f.length && f.ts[i] < to; i++) {
      out.push({ open: f.open[i], high: f.high[i], low: f.low[i], close: f.close[i], volume: f.volume[i] });
    }
    return out;
  };
}
