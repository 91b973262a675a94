import type Database from 'better-sqlite3';
import { orderRefFor, seqOfRef } from '../domain/ids';
import type { TableSpec } from './columns';
import type { OrderRow } from './rows';
import { seqOf } from './tableBuffer';

/** An order row as a backtest stores it: NULL stands for the run's generated ref for the order's number. */
export type StoredOrderRow = Omit<OrderRow, 'clientOrderRef'> & { clientOrderRef: string | null };

/** An orders table as a buffer of stored rows sees it: the same fields, only the ref's type wider. */
export function storedOrders(spec: TableSpec<OrderRow>): TableSpec<StoredOrderRow> {
  return spec as TableSpec<StoredOrderRow>;
}

/** What orderRefFor appends to the prefix: 3 hex digits, '-', 12 hex digits. */
const SEQ_PART_LENGTH = 16;

/**
 * Stores a backtest's generated client order refs as NULL: a 36-character text per order is a
 * large share of writing it, and the run's prefix plus the order number give it back exactly.
 * The prefix is learned from the first order whose ref is the prefix and its own number; refs a
 * caller chose are stored as given, and so is everything before a prefix is known.
 */
export class OrderRefCompactor {
  private unrecorded = false;

  /** `prefix`: the one the run already records, if any; it is then the only one used. */
  constructor(private prefix: string | null) {}

  compact(row: OrderRow): StoredOrderRow {
    const ref = row.clientOrderRef;
    // A malformed id is left for the table buffer to reject with its own message.
    const seq = seqOf(row.id, 'O');
    if (seq < 0 || ref.length <= SEQ_PART_LENGTH) return row;
    if (this.prefix === null) {
      const candidate = ref.slice(0, -SEQ_PART_LENGTH);
      if (orderRefFor(candidate, seq) !== ref) return row;
      this.prefix = candidate;
      this.unrecorded = true;
    }
    return seqOfRef(ref, this.prefix) === seq ? { ...row, clientOrderRef: null } : row;
  }

  /**
   * The learned prefix while the run's row does not have it yet: it must be recorded in the same
   * transaction as the first NULL refs, or before. Call recorded() once that committed.
   */
  unrecordedPrefix(): string | null {
    return this.unrecorded ? this.prefix : null;
  }

  recorded(): void {
    this.unrecorded = false;
  }
}

/**
 * Records a run's prefix by the run's INTEGER row. Only once: rows already stored depend on it, so a
 * statement changing no row means the run is gone or has another prefix, and must fail the flush.
 */
export const RECORD_PREFIX_SQL = 'UPDATE backtest_runs SET order_ref_prefix = ? WHERE row = ? AND order_ref_prefix IS NULL';

/** The prefix the run already records (a later writer of the same run must keep to it). */
export function recordedPrefix(db: Database.Database, runRow: number): string | null {
  const found = db.prepare('SELECT order_ref_prefix AS prefix FROM backtest_runs WHERE row = ?').get(runRow) as
    | { prefix: string | null }
    | undefined;
  return found?.prefix ?? null;
}
