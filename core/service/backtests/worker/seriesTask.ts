import type Database from 'better-sqlite3';
import { parseSpec } from '../../../config/loadSpec';
import { openDatabase } from '../../../store/db';
import { loadSpecData } from '../../loadSpecData';
import type { SeriesTaskInput, SeriesTaskResult } from './messages';

/**
 * Loads a run's data as its spec says (a synthetic market is generated again) and keeps each series'
 * closes. `db` is the run's database (a store source reads it); the worker opens its own.
 */
export function loadCloses(input: SeriesTaskInput, db: Database.Database): SeriesTaskResult {
  const spec = parseSpec(input.spec, input.what, input.baseDir);
  return loadSpecData(spec.data, db).series.map((s) => ({ symbol: s.symbol, ts: s.ts, close: s.close }));
}

/** The worker's side: its own connection to the run's database file. */
export function loadClosesFromFile(input: SeriesTaskInput): SeriesTaskResult {
  const db = openDatabase(input.dbPath);
  try {
    return loadCloses(input, db);
  } finally {
    db.close();
  }
}

/** The buffers to move (not copy) to the engine thread, each once even when several arrays share one. */
export function closeBuffers(series: SeriesTaskResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const s of series) {
    for (const a of [s.ts, s.close]) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  }
  return [...buffers];
}
