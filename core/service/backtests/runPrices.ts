import type Database from 'better-sqlite3';
import { parseSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import type { PriceChart } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import { loadSpecData } from '../loadSpecData';
import { lttbIndices, pick } from './lttb';
import { requireRun } from './runReads';
import { recordedConfig } from './runSummary';
import { specInputOf } from './specInputOf';

/** Most fills marked on one symbol's chart; beyond it the latest are shown. */
const MAX_MARKERS = 5000;

/** Keeps the series of the last few runs looked at, since a trader flips between symbols of one run. */
export class RunPriceCache {
  private readonly cache = new Map<string, BarSeries[]>();

  constructor(
    private readonly baseDir: string,
    private readonly size = 3,
  ) {}

  series(db: Database.Database, runId: string): BarSeries[] {
    const hit = this.cache.get(runId);
    if (hit) return hit;
    const row = requireRun(db, runId);
    const spec = parseSpec(specInputOf(recordedConfig(row), row.name), `run ${runId}`, this.baseDir);
    let series: BarSeries[];
    try {
      series = loadSpecData(spec.data, db).series;
    } catch (err) {
      throw new ApiError('UNAVAILABLE', `the run's data cannot be loaded again: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.cache.set(runId, series);
    if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value as string);
    return series;
  }

  chart(db: Database.Database, runId: string, symbol: string, maxPoints: number): PriceChart {
    const s = this.series(db, runId).find((x) => x.symbol === symbol);
    if (!s) throw new ApiError('NOT_FOUND', `run ${runId} has no symbol ${symbol}`);
    const row = requireRun(db, runId);
    const inPeriod: number[] = [];
    for (let i = 0; i < s.length; i++) if (s.ts[i] >= row.periodStart && s.ts[i] <= row.periodEnd) inPeriod.push(i);
    const ts = pick(s.ts, inPeriod);
    const close = pick(s.close, inPeriod);
    const idx = lttbIndices(ts, close, maxPoints);
    const markers = db
      .prepare(
        `SELECT ts, side, price, quantity FROM (
           SELECT ts, side, price, quantity, seq FROM backtest_fills_view
           WHERE run = (SELECT row FROM backtest_runs WHERE id = ?) AND instrument = ? ORDER BY seq DESC LIMIT ?
         ) ORDER BY seq`,
      )
      .all(runId, symbol, MAX_MARKERS) as PriceChart['markers'];
    return { symbol, ts: pick(ts, idx), close: pick(close, idx), markers };
  }
}
