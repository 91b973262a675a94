import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { PriceChart } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import type { BarSeries } from '../../data/BarSeries';
import { sliceSeries } from '../../data/calendar';
import { barsPerCandle, downsampleBars } from '../data/downsampleBars';
import { requireRun } from './runReads';
import { recordedConfig } from './runSummary';
import { specInputOf } from './specInputOf';
import type { ExecutionAnalytics } from '../execution/executionAnalytics';
import type { ExecutionTaskInput, PriceSeries, SeriesTaskInput, SeriesTaskResult } from './worker/messages';
import { runTask } from './worker/runTask';
import { loadPrices, runExecutionWith } from './worker/seriesTask';

/** Most fills marked on one symbol's chart; beyond it the latest are shown. */
const MAX_MARKERS = 5000;
/** Fills scanned per turn of the event loop when collecting a symbol's markers: about 10 ms of work. */
const MARKER_SCAN = 20_000;
const RUN_OF = '(SELECT row FROM backtest_runs WHERE id = ?)';

/**
 * The latest MAX_MARKERS fills of `symbol` in the run, in fill order. A fill's instrument is its
 * order's and nothing indexes it, so this scans all of the run's fills: in key ranges, with a turn of
 * the event loop between them, since a 500-symbol run has millions.
 */
async function markersOf(db: Database.Database, runId: string, symbol: string): Promise<PriceChart['markers']> {
  const rangeEnd = db
    .prepare(`SELECT max(seq) FROM (SELECT seq FROM backtest_fills WHERE run = ${RUN_OF} AND seq > ? ORDER BY seq LIMIT ?)`)
    .pluck();
  const read = db.prepare(
    `SELECT ts, side, price, quantity FROM backtest_fills_view
     WHERE run = ${RUN_OF} AND seq > ? AND seq <= ? AND instrument = ? ORDER BY seq`,
  );
  let markers: PriceChart['markers'] = [];
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const last = rangeEnd.get(runId, after, MARKER_SCAN) as number | null;
    if (last === null) break;
    markers.push(...(read.all(runId, after, last, symbol) as PriceChart['markers']));
    if (markers.length > 2 * MAX_MARKERS) markers = markers.slice(-MAX_MARKERS);
    after = last;
    await nextTurn();
  }
  return markers.slice(-MAX_MARKERS);
}

/** A loaded series as the bar columns downsampleBars and sliceSeries read. */
function asBarSeries(s: PriceSeries): BarSeries {
  return { symbol: s.symbol, barSeconds: 0, length: s.ts.length, ts: s.ts, open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume };
}

/**
 * Keeps the bars of the last few runs looked at, since a trader flips between symbols of one run.
 * Loading them again (regenerating a 500-symbol synthetic market takes most of a second) happens in a
 * worker thread, so the engine's event loop stays free meanwhile.
 */
export class RunPriceCache {
  private readonly cache = new Map<string, Promise<PriceSeries[]>>();

  constructor(
    private readonly baseDir: string,
    private readonly size = 3,
  ) {}

  private series(db: Database.Database, runId: string): Promise<PriceSeries[]> {
    const hit = this.cache.get(runId);
    if (hit) return hit;
    const row = requireRun(db, runId);
    const input: SeriesTaskInput = {
      task: 'series',
      spec: specInputOf(recordedConfig(row), row.name),
      what: `run ${runId}`,
      baseDir: this.baseDir,
      dbPath: db.name,
    };
    // Another thread cannot open an in-memory database: its runs (tests) load here.
    const loading = (db.memory ? Promise.resolve().then(() => loadPrices(input, db)) : runTask<SeriesTaskResult>(input)).catch((err: unknown) => {
      this.cache.delete(runId);
      throw new ApiError('UNAVAILABLE', `the run's data cannot be loaded again: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.cache.set(runId, loading);
    if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value as string);
    return loading;
  }

  /** The run's execution analytics, computed off the event loop (a run may hold millions of orders). */
  execution(db: Database.Database, runId: string): Promise<ExecutionAnalytics> {
    const row = requireRun(db, runId);
    const input: ExecutionTaskInput = { task: 'execution', runId, spec: specInputOf(recordedConfig(row), row.name), what: `run ${runId}`, baseDir: this.baseDir, dbPath: db.name };
    const work = db.memory ? Promise.resolve().then(() => runExecutionWith(input, db)) : runTask<ExecutionAnalytics>(input);
    return work.catch((err: unknown) => {
      throw new ApiError('UNAVAILABLE', `the run's execution cannot be analysed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  async chart(db: Database.Database, runId: string, symbol: string, maxPoints: number): Promise<PriceChart> {
    const s = (await this.series(db, runId)).find((x) => x.symbol === symbol);
    if (!s) throw new ApiError('NOT_FOUND', `run ${runId} has no symbol ${symbol}`);
    const row = requireRun(db, runId);
    const inPeriod = sliceSeries(asBarSeries(s), row.periodStart, row.periodEnd);
    // Merged as candles are, so a long run keeps every high and low; stamped at each run of bars' last.
    const bars = downsampleBars(inPeriod, maxPoints);
    const markers = await markersOf(db, runId, symbol);
    return {
      symbol,
      ts: bars.map((b) => b.ts),
      open: bars.map((b) => b.open),
      high: bars.map((b) => b.high),
      low: bars.map((b) => b.low),
      close: bars.map((b) => b.close),
      volume: bars.map((b) => b.volume),
      barsPerCandle: barsPerCandle(inPeriod.length, maxPoints),
      markers,
    };
  }
}
