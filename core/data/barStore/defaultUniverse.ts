import type Database from 'better-sqlite3';
import { generateSyntheticMarket } from '../synthetic';
import { DEFAULT_SYNTHETIC_WORLD } from '../syntheticDefaults';
import { findSeries, writeSeries } from './seriesRepo';

/** The universe a new user starts with: the default synthetic world, the very series a spec without data runs on. */
export const DEFAULT_UNIVERSE = DEFAULT_SYNTHETIC_WORLD;

const MARKER = 'default_universe_written';

/**
 * On a store's first start, writes DEFAULT_UNIVERSE (SYN000..SYN019, daily) so a new user can backtest at
 * once. Idempotent: a marker written in the same transaction makes every later call a no-op, so series the
 * trader deleted do not come back. A symbol already stored at 1d is left as it is. Returns whether it wrote.
 */
export function ensureDefaultUniverse(db: Database.Database, now: number = Date.now()): boolean {
  return db.transaction((): boolean => {
    if (db.prepare('SELECT 1 FROM bar_store_meta WHERE key = ?').get(MARKER) !== undefined) return false;
    for (const series of generateSyntheticMarket(DEFAULT_UNIVERSE)) {
      if (findSeries(db, series.symbol, '1d') !== null) continue;
      writeSeries(db, series, { barSize: '1d', source: 'synthetic', fileName: null, onExisting: 'refuse', importedAt: now });
    }
    db.prepare('INSERT INTO bar_store_meta (key, value) VALUES (?, ?)').run(MARKER, new Date(now).toISOString());
    return true;
  }).immediate();
}
