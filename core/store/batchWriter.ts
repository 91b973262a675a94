import type Database from 'better-sqlite3';
import type { TableBatch } from './tableBuffer';

type Value = string | number | null;

/** One table as the batch writer sees it: plain data, so it can be sent to the writer thread. */
export interface TablePlan {
  table: string;
  columns: string[];
  /** Per column: for an enum column its values, bound as positions in this list; otherwise null. */
  enums: (string[] | null)[];
  /** Column the writer fills with `scopeValue` on every row: the run's INTEGER row, or the mode. */
  scopeColumn: string;
  scopeValue: string | number;
  replace: boolean;
}

export interface BatchWriter {
  /** Inserts every row of the batches; the caller owns the transaction. Throws naming the table and row range. */
  write(batches: readonly TableBatch[]): void;
}

/**
 * Writes columnar batches with cached multi-row INSERTs plus a single-row one for the remainder.
 *
 * SELF-CONTAINED: the writer thread runs this function from its source text (the app ships as one
 * bundle, so there is no separate worker module to load). It must use nothing from outside its body.
 */
export function createBatchWriter(db: Database.Database, plans: readonly TablePlan[], rowsPerStatement: number): BatchWriter {
  const byTable = new Map(
    plans.map((plan) => {
      const width = plan.columns.length;
      const names = [plan.scopeColumn, ...plan.columns].join(', ');
      // Enum values are bound as numbers and turned back into text here; anything else yields NULL.
      const param = (i: number): string => {
        const values = plan.enums[i];
        if (!values) return '?';
        return `CASE ? ${values.map((v, k) => `WHEN ${k} THEN '${v.replaceAll("'", "''")}'`).join(' ')} END`;
      };
      const tuple = `(@${plan.scopeColumn}, ${plan.columns.map((_, i) => param(i)).join(', ')})`;
      const verb = plan.replace ? 'INSERT OR REPLACE' : 'INSERT';
      const sql = (rows: number) => `${verb} INTO ${plan.table} (${names}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
      const state = {
        plan,
        width,
        sql,
        bound: { [plan.scopeColumn]: plan.scopeValue },
        chunk: new Array<Value>(width * rowsPerStatement),
        one: new Array<Value>(width),
        multi: undefined as Database.Statement | undefined,
        single: undefined as Database.Statement | undefined,
      };
      return [plan.table, state] as const;
    }),
  );

  /** Lays rows [from, from + rows) out row-major in `out`, the order the statement's parameters take. */
  function lay(batch: TableBatch, width: number, from: number, rows: number, out: Value[]): void {
    for (let c = 0; c < width; c++) {
      const data = batch.columns[c];
      if (data.kind === 'text') {
        const values = data.values;
        for (let r = 0; r < rows; r++) out[r * width + c] = values[from + r];
      } else {
        const { values, nulls } = data;
        for (let r = 0; r < rows; r++) out[r * width + c] = nulls && nulls[from + r] ? null : values[from + r];
      }
    }
  }

  function writeOne(batch: TableBatch): void {
    const t = byTable.get(batch.table);
    if (!t) throw new Error(`no writer for table "${batch.table}"`);
    const total = batch.rows;
    const full = total - (total % rowsPerStatement);
    let row = 0;
    try {
      if (full > 0) {
        t.multi ??= db.prepare(t.sql(rowsPerStatement));
        for (; row < full; row += rowsPerStatement) {
          lay(batch, t.width, row, rowsPerStatement, t.chunk);
          t.multi.run(t.chunk, t.bound);
        }
      }
      if (row < total) {
        t.single ??= db.prepare(t.sql(1));
        for (; row < total; row++) {
          lay(batch, t.width, row, 1, t.one);
          t.single.run(t.one, t.bound);
        }
      }
    } catch (err) {
      const last = Math.min(row + (row < full ? rowsPerStatement : 1), total) - 1;
      throw new Error(
        `writing ${batch.table} failed in buffered rows ${row}..${last} of ${total}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  return {
    write(batches) {
      for (const batch of batches) writeOne(batch);
    },
  };
}
