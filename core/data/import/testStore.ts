import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';

/** A bar store in a fresh temp file for one test, and its cleanup. */
export function tempStore(): { db: Database.Database; dir: string; close: () => void } {
  const { dir, cleanup } = tempDir();
  const db = openDatabase(join(dir, 'store.db'));
  return {
    db,
    dir,
    close: () => {
      db.close();
      cleanup();
    },
  };
}

/** Everything a write could change: series with fingerprints, chunk bytes and instruments. */
export function storeSnapshot(db: Database.Database): unknown {
  return {
    series: db.prepare('SELECT * FROM bar_series ORDER BY id').all(),
    chunks: db.prepare('SELECT series, first_ts, last_ts, bars, length(data) AS bytes, hex(substr(data, 1, 64)) AS head FROM bar_chunks ORDER BY series, first_ts').all(),
    instruments: db.prepare('SELECT * FROM instruments ORDER BY symbol').all(),
  };
}
