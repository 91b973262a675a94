import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';

/** Rows deleted per transaction: a few tens of milliseconds of work, so the event loop and other writers get in between. */
export const DELETE_BATCH_ROWS = 10_000;

interface ChildTable {
  table: string;
  /** The column referencing backtest_runs (row). */
  runColumn: string;
  /** The key column after the run in a WITHOUT ROWID table keyed by run first; null: delete by rowid. */
  next: string | null;
  /** Rows of this table per transaction, as a share of the batch: a table of packed rows (BLOB) holds kilobytes a row. */
  share: number;
}

/** A packed row (a session's positions) weighs about what a hundred plain rows do. */
const PACKED_ROW_WEIGHT = 100;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Every table whose rows belong to a run (a foreign key to backtest_runs), read from the schema so new ones are included. */
function childTables(db: Database.Database): ChildTable[] {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
  const out: ChildTable[] = [];
  for (const { name, sql } of tables) {
    const fks = db.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`).all(name) as { from: string; table: string }[];
    const fk = fks.find((f) => f.table === 'backtest_runs');
    if (!fk) continue;
    const pk = (db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(name) as { name: string }[]).map((c) => c.name);
    const keyedByRun = /WITHOUT\s+ROWID/i.test(sql) && pk[0] === fk.from && pk.length > 1;
    out.push({ table: name, runColumn: fk.from, next: keyedByRun ? pk[1] : null, share: /\bBLOB\b/i.test(sql) ? 1 / PACKED_ROW_WEIGHT : 1 });
  }
  return out;
}

/** Deletes up to about `rows` of the run's rows from one table in one IMMEDIATE transaction; returns how many went. */
function deleteBatch(db: Database.Database, t: ChildTable, run: number, rows: number): number {
  const table = quote(t.table);
  const runCol = quote(t.runColumn);
  return db
    .transaction((): number => {
      if (t.next === null) {
        return db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${runCol} = ? LIMIT ?)`).run(run, rows).changes;
      }
      const next = quote(t.next);
      // A key range from the start of the run's part of the b-tree: no scan, and whole pages go at once.
      const bound = db.prepare(`SELECT ${next} FROM ${table} WHERE ${runCol} = ? ORDER BY ${next} LIMIT 1 OFFSET ?`).pluck().get(run, rows - 1);
      if (bound === undefined) return db.prepare(`DELETE FROM ${table} WHERE ${runCol} = ?`).run(run).changes;
      return db.prepare(`DELETE FROM ${table} WHERE ${runCol} = ? AND ${next} <= ?`).run(run, bound).changes;
    })
    .immediate();
}

/**
 * Deletes a run and everything recorded for it in many short transactions, yielding to the event loop
 * between them: a 500-symbol x 20-year run holds millions of rows, and one cascading DELETE would
 * block the engine (and every other writer) for seconds. The run's own row goes last, so until then it
 * is still listed; its cascade removes whatever a writer added meanwhile. Returns false if there was no such run.
 */
export async function deleteRunInBatches(db: Database.Database, runId: string, batchRows: number = DELETE_BATCH_ROWS): Promise<boolean> {
  const found = db.prepare('SELECT row FROM backtest_runs WHERE id = ?').pluck().get(runId) as number | undefined;
  if (found === undefined) return false;
  for (const t of childTables(db)) {
    const rows = Math.max(1, Math.floor(batchRows * t.share));
    while (deleteBatch(db, t, found, rows) > 0) await nextTurn();
  }
  return db.prepare('DELETE FROM backtest_runs WHERE id = ?').run(runId).changes > 0;
}
