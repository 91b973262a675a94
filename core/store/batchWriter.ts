import type Database from 'better-sqlite3';
import type { TableBatch } from './tableBuffer';

type Value = string | number | Uint8Array | null;

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
 * Binding a value costs more than SQLite's own work on it, so a column that holds one value over a
 * whole statement's rows (an order type, a session's timestamp, a NULL limit price) is bound once,
 * by name, in a statement made for that set of constant columns.
 *
 * SELF-CONTAINED: the writer thread runs this function from its source text (the app ships as one
 * bundle, so there is no separate worker module to load). It must use nothing from outside its body.
 */
export function createBatchWriter(db: Database.Database, plans: readonly TablePlan[], rowsPerStatement: number): BatchWriter {
  /** Statement shapes kept per table; past this, chunks with new shapes bind every value. */
  const MAX_SHAPES = 32;
  /** Columns a shape mask can describe (bits of a 32-bit integer). */
  const MAX_MASK_COLUMNS = 30;

  interface Shape {
    statement: Database.Statement;
    /** Positional values: the varying columns of every row, row-major. */
    values: Value[];
    /** The scope and each constant column's value, by name. */
    named: Record<string, Value>;
    varying: number[];
    constant: number[];
  }

  const byTable = new Map(
    plans.map((plan) => {
      const width = plan.columns.length;
      const names = [plan.scopeColumn, ...plan.columns].join(', ');
      const verb = plan.replace ? 'INSERT OR REPLACE' : 'INSERT';
      // Enum values are bound as numbers and turned back into text here; anything else yields NULL.
      const param = (i: number, placeholder: string): string => {
        const values = plan.enums[i];
        if (!values) return placeholder;
        return `CASE ${placeholder} ${values.map((v, k) => `WHEN ${k} THEN '${v.replaceAll("'", "''")}'`).join(' ')} END`;
      };
      /** A statement for `rows` rows whose columns with a bit set in `mask` are bound once, as @c<i>. */
      const shape = (rows: number, mask: number): Shape => {
        const varying: number[] = [];
        const constant: number[] = [];
        for (let i = 0; i < width; i++) ((mask >>> i) & 1 ? constant : varying).push(i);
        // A constant enum column is bound as its text, once: no CASE to evaluate on every row.
        const tuple = `(@${plan.scopeColumn}, ${plan.columns.map((_, i) => ((mask >>> i) & 1 ? `@c${i}` : param(i, '?'))).join(', ')})`;
        const statement = db.prepare(`${verb} INTO ${plan.table} (${names}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
        const named: Record<string, Value> = { [plan.scopeColumn]: plan.scopeValue };
        for (const i of constant) named[`c${i}`] = null;
        return { statement, values: new Array<Value>(varying.length * rows), named, varying, constant };
      };
      const state = {
        plan,
        width,
        shape,
        multi: new Map<number, Shape>(),
        single: undefined as Shape | undefined,
      };
      return [plan.table, state] as const;
    }),
  );

  function valueAt(batch: TableBatch, c: number, r: number): Value {
    const data = batch.columns[c];
    if (data.kind !== 'num') return data.values[r];
    return data.nulls && data.nulls[r] ? null : data.values[r];
  }

  /** A constant column's value as bound: an enum column's text (its number is a position in the plan's list). */
  function constantAt(batch: TableBatch, c: number, r: number): Value {
    const v = valueAt(batch, c, r);
    const values = byTable.get(batch.table)?.plan.enums[c];
    return values && typeof v === 'number' ? (values[v] ?? null) : v;
  }

  /** Bit i set: column i holds one value (NULL included) over rows [from, from + rows). */
  function constantMask(batch: TableBatch, width: number, from: number, rows: number): number {
    if (width > MAX_MASK_COLUMNS) return 0;
    let mask = 0;
    for (let c = 0; c < width; c++) {
      const data = batch.columns[c];
      let same = true;
      if (data.kind !== 'num') {
        // Text compares by value; bytes by identity, so a bytes column always varies.
        const first = data.values[from];
        for (let r = from + 1; r < from + rows && same; r++) same = data.values[r] === first;
      } else {
        const { values, nulls } = data;
        const firstNull = nulls ? nulls[from] : 0;
        const first = values[from];
        // Object.is: -0 and 0 are different values to store, and NaN (stored as NULL) equals NaN.
        for (let r = from + 1; r < from + rows && same; r++) same = (nulls ? nulls[r] : 0) === firstNull && (firstNull === 1 || Object.is(values[r], first));
      }
      if (same) mask |= 1 << c;
    }
    return mask;
  }

  /** Lays rows [from, from + rows) into the shape: varying columns row-major, constant ones by name. */
  function lay(batch: TableBatch, s: Shape, from: number, rows: number): void {
    const out = s.values;
    const stride = s.varying.length;
    for (let k = 0; k < stride; k++) {
      const data = batch.columns[s.varying[k]];
      if (data.kind !== 'num') {
        const values = data.values;
        for (let r = 0; r < rows; r++) out[r * stride + k] = values[from + r];
      } else {
        const { values, nulls } = data;
        for (let r = 0; r < rows; r++) out[r * stride + k] = nulls && nulls[from + r] ? null : values[from + r];
      }
    }
    for (const c of s.constant) s.named[`c${c}`] = constantAt(batch, c, from);
  }

  function writeOne(batch: TableBatch): void {
    const t = byTable.get(batch.table);
    if (!t) throw new Error(`no writer for table "${batch.table}"`);
    const total = batch.rows;
    const full = total - (total % rowsPerStatement);
    let row = 0;
    try {
      for (; row < full; row += rowsPerStatement) {
        let mask = constantMask(batch, t.width, row, rowsPerStatement);
        let s = t.multi.get(mask);
        if (!s) {
          if (t.multi.size >= MAX_SHAPES) mask = 0;
          s = t.multi.get(mask) ?? t.shape(rowsPerStatement, mask);
          t.multi.set(mask, s);
        }
        lay(batch, s, row, rowsPerStatement);
        s.statement.run(s.values, s.named);
      }
      if (row < total) {
        t.single ??= t.shape(1, 0);
        for (; row < total; row++) {
          lay(batch, t.single, row, 1);
          t.single.statement.run(t.single.values, t.single.named);
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
