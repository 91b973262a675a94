import type Database from 'better-sqlite3';
import { parseSpec } from '../../../config/loadSpec';
import { openDatabase } from '../../../store/db';
import { loadSpecData } from '../../loadSpecData';
import { runExecution } from '../../execution/runExecution';
import type { ExecutionAnalytics } from '../../execution/executionAnalytics';
import type { ExecutionTaskInput, SeriesTaskInput, SeriesTaskResult } from './messages';

/**
 * Loads a run's data as its spec says (a synthetic market is generated again) and keeps each series'
 * bars. `db` is the run's database (a store source reads it); the worker opens its own.
 */
export function loadPrices(input: SeriesTaskInput, db: Database.Database): SeriesTaskResult {
  const spec = parseSpec(input.spec, input.what, input.baseDir);
  return loadSpecData(spec.data, db).series.map((s) => ({ symbol: s.symbol, ts: s.ts, open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume }));
}

/** The worker's side: its own connection to the run's database file. */
export function loadPricesFromFile(input: SeriesTaskInput): SeriesTaskResult {
  const db = openDatabase(input.dbPath);
  try {
    return loadPrices(input, db);
  } finally {
    db.close();
  }
}

/** A run's execution analytics over its data loaded again (for the decision closes). */
export function runExecutionWith(input: ExecutionTaskInput, db: Database.Database): ExecutionAnalytics {
  const spec = parseSpec(input.spec, input.what, input.baseDir);
  const plannedAtOpen = spec.simulator.fill_timing !== 'same_close' && spec.planner.size_at !== 'decision';
  return runExecution(db, input.runId, loadPrices({ ...input, task: 'series' }, db), plannedAtOpen);
}

/** The worker's side of runExecutionWith: its own connection to the run's database file. */
export function executionFromFile(input: ExecutionTaskInput): ExecutionAnalytics {
  const db = openDatabase(input.dbPath);
  try {
    return runExecutionWith(input, db);
  } finally {
    db.close();
  }
}

/** The buffers to move (not copy) to the engine thread, each once even when several arrays share one. */
export function priceBuffers(series: SeriesTaskResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const s of series) {
    for (const a of [s.ts, s.open, s.high, s.low, s.close, s.volume]) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  }
  return [...buffers];
}
