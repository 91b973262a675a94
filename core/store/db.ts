import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, loadMigrations } from './migrations';
import { recoverInterruptedRuns } from './runs';

export { defaultDataDir, defaultDbPath } from './dataDir';
export { UnknownMigrationError } from './migrations';

const BUSY_TIMEOUT_MS = 5000;
/** Negative means KiB: 64 MiB keeps the b-tree pages a big flush touches in memory. */
const CACHE_SIZE_KIB = 65536;

/**
 * Settings every connection to the database needs, including a writer thread's own.
 * NORMAL is durable across app crashes in WAL (only an OS crash can lose the last commits), and much
 * faster than FULL for bulk writes.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  'synchronous = NORMAL',
  `cache_size = -${CACHE_SIZE_KIB}`,
  'foreign_keys = ON',
  `busy_timeout = ${BUSY_TIMEOUT_MS}`,
];

/**
 * Opens (creating if needed) the app database at `file` or ':memory:', brings its schema up to date
 * and marks runs left 'running' by dead processes as failed.
 * Throws UnknownMigrationError, without changing anything, if the file's history is not this app's.
 */
export function openDatabase(file: string): Database.Database {
  const inMemory = file === ':memory:';
  const location = inMemory ? file : resolve(file);
  if (!inMemory) mkdirSync(dirname(location), { recursive: true });
  const db = new Database(location);
  try {
    // WAL lets the UI read while a backtest writes; it is a property of the file, set once here.
    // Takes effect only on a new file; larger pages cut a bulk backtest write by about a tenth.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    for (const p of CONNECTION_PRAGMAS) db.pragma(p);
    applyMigrations(db, location, loadMigrations());
    recoverInterruptedRuns(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
