import type Database from 'better-sqlite3';
import type { FieldMap } from './columns';

/** Rows per multi-row INSERT: big enough to amortise statement overhead, far below SQLite's parameter limit. */
export const ROWS_PER_STATEMENT = 64;

type Value = string | number | null;

/** What a flush needs from a buffer, whatever its row type. */
export interface BufferedTable {
  readonly rows: number;
  write(): void;
  clear(): void;
}

/**
 * Buffers rows of one table as a flat array of column values (no row objects are retained) and
 * inserts them with a cached multi-row statement plus a single-row one for the remainder.
 * Columns in `fixed` (run id, mode) are the same for every row, so they are bound once by name.
 */
export class TableBuffer<R> implements BufferedTable {
  private values: Value[] = [];
  private readonly keys: readonly (keyof R & string)[];
  private readonly width: number;
  private readonly chunk: Value[];
  private multi: Database.Statement | undefined;
  private single: Database.Statement | undefined;
  private readonly sql: (rows: number) => string;

  constructor(
    private readonly db: Database.Database,
    readonly table: string,
    fields: FieldMap<R>,
    private readonly fixed: Readonly<Record<string, Value>>,
  ) {
    this.keys = fields.map(([key]) => key);
    this.width = fields.length;
    this.chunk = new Array<Value>(this.width * ROWS_PER_STATEMENT);
    const fixedColumns = Object.keys(fixed);
    const columns = [...fixedColumns, ...fields.map(([, column]) => column)].join(', ');
    const tuple = `(${[...fixedColumns.map((c) => `@${c}`), ...fields.map(() => '?')].join(', ')})`;
    this.sql = (rows: number) => `INSERT INTO ${table} (${columns}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
  }

  get rows(): number {
    return this.values.length / this.width;
  }

  push(row: R): void {
    const { keys, values } = this;
    for (let i = 0; i < keys.length; i++) values.push(row[keys[i]] as Value);
  }

  /** Inserts every buffered row; the caller owns the transaction. Throws naming the table and row range. */
  write(): void {
    const { values, width, chunk } = this;
    const total = this.rows;
    const full = total - (total % ROWS_PER_STATEMENT);
    let row = 0;
    try {
      if (full > 0) {
        this.multi ??= this.db.prepare(this.sql(ROWS_PER_STATEMENT));
        for (; row < full; row += ROWS_PER_STATEMENT) {
          const base = row * width;
          for (let i = 0; i < chunk.length; i++) chunk[i] = values[base + i];
          this.multi.run(chunk, this.fixed);
        }
      }
      if (row < total) {
        this.single ??= this.db.prepare(this.sql(1));
        for (; row < total; row++) this.single.run(values.slice(row * width, (row + 1) * width), this.fixed);
      }
    } catch (err) {
      const last = Math.min(row + (row < full ? ROWS_PER_STATEMENT : 1), total) - 1;
      throw new Error(
        `writing ${this.table} failed in buffered rows ${row}..${last} of ${total}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  clear(): void {
    this.values = [];
  }
}
