import { type ColumnSpec, type TableSpec, storedColumns } from './columns';

/**
 * One column of buffered rows. Numbers sit in a Float64Array (transferable to a worker without a
 * copy), with a null mask only where the column allows null; text and bytes sit in plain arrays.
 */
export type ColumnData =
  | { readonly kind: 'num'; readonly values: Float64Array; readonly nulls: Uint8Array | null }
  | { readonly kind: 'text'; readonly values: (string | null)[] }
  | { readonly kind: 'bytes'; readonly values: Uint8Array[] };

/** Rows of one table in columns: what a flush writes and what crosses to the writer thread. */
export interface TableBatch {
  readonly table: string;
  readonly rows: number;
  readonly columns: readonly ColumnData[];
}

const INITIAL_CAPACITY = 256;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** The number of a canonical domain id such as "O123", or -1 if `id` is not one. */
export function seqOf(id: unknown, prefix: string): number {
  if (typeof id !== 'string' || id.length < 2 || id.length > 16 || !id.startsWith(prefix)) return -1;
  if (id.length > 2 && id.charCodeAt(1) === DIGIT_0) return -1;
  // At most 15 digits: exact in a double.
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

function emptyColumn<R>(c: ColumnSpec<R>, capacity: number): ColumnData {
  if (c.kind === 'text' || c.kind === 'text?') return { kind: 'text', values: [] };
  if (c.kind === 'blob') return { kind: 'bytes', values: [] };
  // Numbers, id numbers and an enum value's position in its list.
  return { kind: 'num', values: new Float64Array(capacity), nulls: c.kind === 'num?' ? new Uint8Array(capacity) : null };
}

type RowWriter<R> = (cols: ColumnData[], at: number, row: R) => void;

/**
 * A row writer made for one table: each field is read by name at its own site, so the engine's
 * millions of pushes stay monomorphic instead of looking fields up through a shared loop. The
 * generated code only ever names the spec's own fields and columns, which are identifiers.
 */
function compileRowWriter<R>(spec: TableSpec<R>, columns: readonly ColumnSpec<R>[]): RowWriter<R> {
  const lines = columns.map((c, i) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.field)) throw new Error(`${spec.table}: field name ${c.field} is not an identifier`);
    const v = `row.${c.field}`;
    switch (c.kind) {
      case 'text':
      case 'text?':
      case 'blob':
        // Every column of the slot is written, null flags too: a row rejected by a later column
        // must leave nothing behind for the next row, which takes the same slot.
        return `cols[${i}].values[at] = ${v};`;
      case 'num':
        return `cols[${i}].values[at] = ${v};`;
      case 'num?':
        return `{ const v = ${v}; if (v === null) cols[${i}].nulls[at] = 1; else { cols[${i}].nulls[at] = 0; cols[${i}].values[at] = v; } }`;
      case 'enum': {
        const values = c.values ?? [];
        const cases = values.map((s, k) => `case ${JSON.stringify(s)}: cols[${i}].values[at] = ${k}; break;`).join(' ');
        return `switch (${v}) { ${cases} default: badEnum(${JSON.stringify(c.field)}, ${JSON.stringify(values)}, ${v}); }`;
      }
      case 'seq':
        return `{ const v = ${v}; const n = seqOf(v, ${JSON.stringify(c.prefix)}); if (n < 0) bad(${JSON.stringify(c.field)}, ${JSON.stringify(c.prefix)}, v); cols[${i}].values[at] = n; }`;
    }
  });
  const bad = (field: string, prefix: string, v: unknown): never => {
    throw new Error(`${spec.table}: ${field} ${JSON.stringify(v)} is not an id like "${prefix}123"`);
  };
  const badEnum = (field: string, values: readonly string[], v: unknown): never => {
    throw new Error(`${spec.table}: ${field} ${JSON.stringify(v)} is not one of ${values.join(', ')}`);
  };
  return new Function('seqOf', 'bad', 'badEnum', `return function write(cols, at, row) {\n${lines.join('\n')}\n};`)(
    seqOf,
    bad,
    badEnum,
  ) as RowWriter<R>;
}

/** Buffers the stored columns of one table's rows; no row objects are retained. */
export class TableBuffer<R> {
  private cols: ColumnData[];
  private capacity = INITIAL_CAPACITY;
  private count = 0;

  private readonly stored: readonly ColumnSpec<R>[];
  private readonly write: RowWriter<R>;

  constructor(readonly spec: TableSpec<R>) {
    this.stored = storedColumns(spec);
    this.cols = this.stored.map((c) => emptyColumn(c, this.capacity));
    this.write = compileRowWriter(spec, this.stored);
  }

  get rows(): number {
    return this.count;
  }

  push(row: R): void {
    if (this.count === this.capacity) this.grow();
    this.write(this.cols, this.count, row);
    this.count++;
  }

  /** The buffered rows, still owned by this buffer (valid until the next push or clear). */
  peek(): TableBatch {
    return { table: this.spec.table, rows: this.count, columns: this.cols };
  }

  /** Hands the buffered rows over (e.g. to another thread) and starts empty. */
  take(): TableBatch {
    const batch = this.peek();
    this.cols = this.stored.map((c) => emptyColumn(c, this.capacity));
    this.count = 0;
    return batch;
  }

  clear(): void {
    this.take();
  }

  private grow(): void {
    this.capacity *= 2;
    this.cols = this.cols.map((data): ColumnData => {
      if (data.kind !== 'num') return data;
      const values = new Float64Array(this.capacity);
      values.set(data.values);
      let nulls: Uint8Array | null = null;
      if (data.nulls) {
        nulls = new Uint8Array(this.capacity);
        nulls.set(data.nulls);
      }
      return { kind: 'num', values, nulls };
    });
  }
}

/** The transferable memory of a batch, for postMessage's transfer list. */
export function transferablesOf(batch: TableBatch): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of batch.columns) {
    if (c.kind !== 'num') continue;
    out.push(c.values.buffer as ArrayBuffer);
    if (c.nulls) out.push(c.nulls.buffer as ArrayBuffer);
  }
  return out;
}
