import type Database from 'better-sqlite3';
import type { Timestamp } from '../domain/order';
import {
  EQUITY_FIELDS,
  FILL_FIELDS,
  ORDER_FIELDS,
  POSITION_FIELDS,
  TRADE_FIELDS,
  type FieldMap,
  selectList,
} from './columns';
import type { EquityRow, FillRow, OrderRow, PositionSnapshotRow, TradeRow } from './rows';

export interface PageOptions<R> {
  limit: number;
  offset: number;
  /** A row field; checked at run time too, because it may come from the UI. Default: insertion order. */
  orderBy?: keyof R & string;
  desc?: boolean;
}

/** Tables a run owns rows in, the only names countRunRows accepts. */
export const RUN_TABLES = [
  'orders',
  'fills',
  'backtest_trades',
  'positions_snapshots',
  'executed_actions',
  'target_portfolios',
  'backtest_daily_equity',
] as const;
export type RunTable = (typeof RUN_TABLES)[number];

const MAX_PAGE = 10_000;

function pageSql<R>(table: string, fields: FieldMap<R>, options: PageOptions<R>, caller: string): string {
  const { limit, offset, orderBy, desc } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new Error(`${caller}: limit must be an integer from 1 to ${MAX_PAGE}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new Error(`${caller}: offset must be a non-negative integer, got ${offset}`);
  }
  const direction = desc ? 'DESC' : 'ASC';
  let order = `row ${direction}`;
  if (orderBy !== undefined) {
    // Only a column from the table's own field list ever reaches the SQL text.
    const column = fields.find(([field]) => field === orderBy)?.[1];
    if (column === undefined) {
      const allowed = fields.map(([field]) => field).join(', ');
      throw new Error(`${caller}: cannot sort by "${String(orderBy)}"; sortable columns are ${allowed}`);
    }
    // row breaks ties so pages never overlap or skip rows.
    order = `${column} ${direction}, row ${direction}`;
  }
  return `SELECT ${selectList(fields)} FROM ${table} WHERE run_id = ? ORDER BY ${order} LIMIT ? OFFSET ?`;
}

function page<R>(
  db: Database.Database,
  table: string,
  fields: FieldMap<R>,
  runId: string,
  options: PageOptions<R>,
  caller: string,
): R[] {
  return db.prepare(pageSql(table, fields, options, caller)).all(runId, options.limit, options.offset) as R[];
}

/** The run's daily equity curve in time order. */
export function getRunEquity(db: Database.Database, runId: string): EquityRow[] {
  return db
    .prepare(`SELECT ${selectList(EQUITY_FIELDS)} FROM backtest_daily_equity WHERE run_id = ? ORDER BY ts`)
    .all(runId) as EquityRow[];
}

export function getRunOrders(db: Database.Database, runId: string, options: PageOptions<OrderRow>): OrderRow[] {
  return page(db, 'orders', ORDER_FIELDS, runId, options, 'getRunOrders');
}

export function getRunFills(db: Database.Database, runId: string, options: PageOptions<FillRow>): FillRow[] {
  return page(db, 'fills', FILL_FIELDS, runId, options, 'getRunFills');
}

export function getRunTrades(db: Database.Database, runId: string, options: PageOptions<TradeRow>): TradeRow[] {
  return page(db, 'backtest_trades', TRADE_FIELDS, runId, options, 'getRunTrades');
}

export function countRunRows(db: Database.Database, runId: string, table: RunTable): number {
  if (!(RUN_TABLES as readonly string[]).includes(table)) {
    throw new Error(`countRunRows: unknown table "${table}"; expected one of ${RUN_TABLES.join(', ')}`);
  }
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE run_id = ?`).get(runId) as { n: number }).n;
}

/** Each instrument's latest snapshot at or before `ts` (the last written wins a tie), by instrument. */
export function getPositionsAt(db: Database.Database, runId: string, ts: Timestamp): PositionSnapshotRow[] {
  return db
    .prepare(
      `SELECT ${selectList(POSITION_FIELDS)} FROM (
         SELECT *, row_number() OVER (PARTITION BY instrument ORDER BY ts DESC, row DESC) AS rank
         FROM positions_snapshots WHERE run_id = ? AND ts <= ?
       ) WHERE rank = 1 ORDER BY instrument`,
    )
    .all(runId, ts) as PositionSnapshotRow[];
}
