import type Database from 'better-sqlite3';
import type { Timestamp } from '../domain/order';
import { BACKTEST_TABLES, LEGACY_BACKTEST_POSITIONS, type BacktestTable, type TableSpec, selectList, sourceOf } from './columns';
import { unpackPositionSet } from './positionSets';
import type { EquityRow, FillRow, OrderRow, PositionSetRow, PositionSnapshotRow, TradeRow } from './rows';

export interface PageOptions<R> {
  limit: number;
  offset: number;
  /** A row field; checked at run time too, because it may come from the UI. Default: the table's key order. */
  orderBy?: keyof R & string;
  desc?: boolean;
  /** Only this instrument's rows. */
  instrument?: string;
}

/** Kinds of records a run owns, the only names countRunRows accepts: its positions, not the sets that hold them. */
export type RunTable = Exclude<BacktestTable, 'positionSets'> | 'positions';
const ROW_TABLES = (Object.keys(BACKTEST_TABLES) as BacktestTable[]).filter((t): t is Exclude<BacktestTable, 'positionSets'> => t !== 'positionSets');
export const RUN_TABLES: readonly RunTable[] = [...ROW_TABLES, 'positions'];

const MAX_PAGE = 10_000;
const RUN_OF = '(SELECT row FROM backtest_runs WHERE id = ?)';

/** Pages rows of a run. `key` is the table's unique order (creation order): the default sort and the tie-breaker. */
function page<R>(
  db: Database.Database,
  spec: TableSpec<R>,
  key: string,
  runId: string,
  options: PageOptions<R>,
  caller: string,
): R[] {
  const { limit, offset, orderBy, desc, instrument } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new Error(`${caller}: limit must be an integer from 1 to ${MAX_PAGE}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new Error(`${caller}: offset must be a non-negative integer, got ${offset}`);
  }
  const direction = desc ? 'DESC' : 'ASC';
  let order = `${key} ${direction}`;
  if (orderBy !== undefined) {
    // Only a column from the table's own spec ever reaches the SQL text.
    const column = spec.columns.find((c) => c.field === orderBy);
    if (column === undefined) {
      const allowed = spec.columns.map((c) => c.field).join(', ');
      throw new Error(`${caller}: cannot sort by "${String(orderBy)}"; sortable columns are ${allowed}`);
    }
    // Sequence ids sort by number, and the key breaks ties so pages never overlap or skip rows.
    order = column.column === key ? order : `${column.column} ${direction}, ${key} ${direction}`;
  }
  if (orderBy === undefined && instrument === undefined) {
    // Key order: find the page's first key on the table's narrow primary key, then read just the
    // page through the view. OFFSET on the view would build (and join) every skipped row.
    const op = desc ? '<=' : '>=';
    const first = `(SELECT ${key} FROM ${spec.table} WHERE run = ${RUN_OF} ORDER BY ${key} ${direction} LIMIT 1 OFFSET ?)`;
    const sql = `SELECT ${selectList(spec.columns)} FROM ${sourceOf(spec)} WHERE run = ${RUN_OF} AND ${key} ${op} ${first} ORDER BY ${order} LIMIT ?`;
    return db.prepare(sql).all(runId, runId, offset, limit) as R[];
  }
  const where = instrument === undefined ? '' : ' AND instrument = ?';
  const sql = `SELECT ${selectList(spec.columns)} FROM ${sourceOf(spec)} WHERE run = ${RUN_OF}${where} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const params = instrument === undefined ? [runId, limit, offset] : [runId, instrument, limit, offset];
  return db.prepare(sql).all(...params) as R[];
}

/** The run's daily equity curve in time order. */
export function getRunEquity(db: Database.Database, runId: string): EquityRow[] {
  const spec = BACKTEST_TABLES.equity;
  return db
    .prepare(`SELECT ${selectList(spec.columns)} FROM ${sourceOf(spec)} WHERE run = ${RUN_OF} ORDER BY ts`)
    .all(runId) as EquityRow[];
}

/** Orders by default in id order (the order they were placed). */
export function getRunOrders(db: Database.Database, runId: string, options: PageOptions<OrderRow>): OrderRow[] {
  return page(db, BACKTEST_TABLES.orders, 'seq', runId, options, 'getRunOrders');
}

/** Fills by default in id order (time order). */
export function getRunFills(db: Database.Database, runId: string, options: PageOptions<FillRow>): FillRow[] {
  return page(db, BACKTEST_TABLES.fills, 'seq', runId, options, 'getRunFills');
}

/** Round trips by default in the order they were recorded. */
export function getRunTrades(db: Database.Database, runId: string, options: PageOptions<TradeRow>): TradeRow[] {
  return page(db, BACKTEST_TABLES.trades, 'row', runId, options, 'getRunTrades');
}

/** One page of a run's rows read in key order, and the last key on it (null: there were no more rows). */
export interface KeyedPage<R> {
  rows: R[];
  last: number | null;
}

/**
 * The run's rows with a key above `after`, at most `limit` of them, in key order: for reading a whole
 * table page by page (exports), where each page costs the same however deep, unlike an OFFSET.
 */
function pageAfter<R>(db: Database.Database, spec: TableSpec<R>, key: string, runId: string, after: number, limit: number): KeyedPage<R> {
  const last = db
    .prepare(`SELECT max(${key}) FROM (SELECT ${key} FROM ${spec.table} WHERE run = ${RUN_OF} AND ${key} > ? ORDER BY ${key} LIMIT ?)`)
    .pluck()
    .get(runId, after, limit) as number | null;
  if (last === null) return { rows: [], last: null };
  const rows = db
    .prepare(`SELECT ${selectList(spec.columns)} FROM ${sourceOf(spec)} WHERE run = ${RUN_OF} AND ${key} > ? AND ${key} <= ? ORDER BY ${key}`)
    .all(runId, after, last) as R[];
  return { rows, last };
}

/** Keyed pages of a run's orders, fills or round trips (see pageAfter); start with `after` = FIRST_KEY. */
export function getRunRowsAfter(db: Database.Database, runId: string, table: 'orders' | 'fills' | 'trades', after: number, limit: number): KeyedPage<object> {
  const key = table === 'trades' ? 'row' : 'seq';
  return pageAfter<object>(db, BACKTEST_TABLES[table] as TableSpec<object>, key, runId, after, limit);
}

/**
 * The run's positions of the sessions after `after` (a session's stamp), whole sessions in time order,
 * stopping at the first session that brings the positions read to `limit` or more: keyed pages for an
 * export, `last` the last session read.
 */
export function getRunPositionsAfter(db: Database.Database, runId: string, after: number, limit: number): KeyedPage<PositionSnapshotRow> {
  const rows: PositionSnapshotRow[] = [];
  let last: number | null = null;
  const sets = db.prepare(`SELECT ts, held, instruments, data FROM backtest_position_sets WHERE run = ${RUN_OF} AND ts > ? ORDER BY ts`);
  for (const set of sets.iterate(runId, after) as IterableIterator<PositionSetRow>) {
    for (const p of unpackPositionSet(set)) rows.push(p);
    last = set.ts;
    if (rows.length >= limit) break;
  }
  if (last !== null) return { rows, last };
  // A run recorded before position sets.
  const legacy = LEGACY_BACKTEST_POSITIONS;
  const read = db.prepare(`SELECT ${selectList(legacy.columns)} FROM ${sourceOf(legacy)} WHERE run = ${RUN_OF} AND ts > ? ORDER BY ts, instrument`);
  for (const p of read.iterate(runId, after) as IterableIterator<PositionSnapshotRow>) {
    if (rows.length >= limit && p.ts !== last) break;
    rows.push(p);
    last = p.ts;
  }
  return { rows, last };
}

/** Below every key: where a keyed read starts. */
export const FIRST_KEY = Number.MIN_SAFE_INTEGER;

/**
 * Rows stored; a fill whose order is not stored yet (mid-run) is counted but not yet listed.
 * With `instrument`, the rows a page query with that filter can list.
 */
export function countRunRows(db: Database.Database, runId: string, table: RunTable, instrument?: string): number {
  if (!RUN_TABLES.includes(table)) {
    throw new Error(`countRunRows: unknown table "${table}"; expected one of ${RUN_TABLES.join(', ')}`);
  }
  if (table === 'positions') return countPositions(db, runId, instrument);
  const spec = BACKTEST_TABLES[table];
  if (instrument === undefined) {
    const sql = `SELECT count(*) AS n FROM ${spec.table} WHERE run = ${RUN_OF}`;
    return (db.prepare(sql).get(runId) as { n: number }).n;
  }
  const sql = `SELECT count(*) AS n FROM ${sourceOf(spec)} WHERE run = ${RUN_OF} AND instrument = ?`;
  return (db.prepare(sql).get(runId, instrument) as { n: number }).n;
}

/** Distinct instruments the run traded or held, sorted. */
export function getRunInstruments(db: Database.Database, runId: string): string[] {
  const rows = db
    .prepare(`SELECT DISTINCT instrument FROM backtest_orders WHERE run = ${RUN_OF} ORDER BY instrument`)
    .all(runId) as { instrument: string }[];
  return rows.map((r) => r.instrument);
}

/** Orders created during the session stamped `ts` (from `from`, exclusive, to `ts`, inclusive). */
export function getOrdersCreatedBetween(db: Database.Database, runId: string, from: Timestamp, ts: Timestamp): OrderRow[] {
  const spec = BACKTEST_TABLES.orders;
  return db
    .prepare(`SELECT ${selectList(spec.columns)} FROM ${sourceOf(spec)} WHERE run = ${RUN_OF} AND created_at > ? AND created_at <= ? ORDER BY seq`)
    .all(runId, from, ts) as OrderRow[];
}

/** Positions stored: those of the run's sets, and the rows of a run recorded before sets. */
function countPositions(db: Database.Database, runId: string, instrument?: string): number {
  const legacy = LEGACY_BACKTEST_POSITIONS.table;
  if (instrument === undefined) {
    return db
      .prepare(`SELECT (SELECT coalesce(sum(held), 0) FROM backtest_position_sets WHERE run = ${RUN_OF}) + (SELECT count(*) FROM ${legacy} WHERE run = ${RUN_OF})`)
      .pluck()
      .get(runId, runId) as number;
  }
  // A set lists an instrument at most once, on a line of its own.
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM backtest_position_sets WHERE run = ${RUN_OF} AND instr(char(10) || instruments || char(10), char(10) || ? || char(10)) > 0)
         + (SELECT count(*) FROM ${legacy} WHERE run = ${RUN_OF} AND instrument = ?)`,
    )
    .pluck()
    .get(runId, instrument, runId, instrument) as number;
}

/** The positions held at the close of the session stamped `ts`, by instrument (every held position is snapshotted each session). */
export function getPositionsOn(db: Database.Database, runId: string, ts: Timestamp): PositionSnapshotRow[] {
  const set = db.prepare(`SELECT ts, held, instruments, data FROM backtest_position_sets WHERE run = ${RUN_OF} AND ts = ?`).get(runId, ts) as PositionSetRow | undefined;
  if (set) return unpackPositionSet(set).sort((a, b) => (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0));
  const legacy = LEGACY_BACKTEST_POSITIONS;
  return db
    .prepare(`SELECT ${selectList(legacy.columns)} FROM ${sourceOf(legacy)} WHERE run = ${RUN_OF} AND ts = ? ORDER BY instrument`)
    .all(runId, ts) as PositionSnapshotRow[];
}
