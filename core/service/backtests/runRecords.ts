import type Database from 'better-sqlite3';
import { countRunRows, getRunFills, getRunOrders, getRunTrades, type PageOptions } from '../../store/queries';
import type { FillRow, OrderRow, TradeRow } from '../../store/rows';
import { requireRun } from './runReads';

export interface PageRequest<F extends string> {
  runId: string;
  offset: number;
  limit: number;
  sortBy?: F;
  sortDir: 'asc' | 'desc';
  instrument?: string;
}

/**
 * `inKeyOrder`: a field that only grows with the table's key (fills' ts, orders' createdAt), whose
 * sort is the key order itself, which pages fast however deep.
 */
function options<R, F extends keyof R & string>(req: PageRequest<F>, inKeyOrder?: F): PageOptions<R> {
  const orderBy = req.sortBy === inKeyOrder ? undefined : req.sortBy;
  return { offset: req.offset, limit: req.limit, orderBy, desc: req.sortDir === 'desc', instrument: req.instrument };
}

export function ordersPage<F extends keyof OrderRow & string>(db: Database.Database, req: PageRequest<F>) {
  requireRun(db, req.runId);
  return { rows: getRunOrders(db, req.runId, options<OrderRow, F>(req, 'createdAt' as F)), total: countRunRows(db, req.runId, 'orders', req.instrument) };
}

export function fillsPage<F extends keyof FillRow & string>(db: Database.Database, req: PageRequest<F>) {
  requireRun(db, req.runId);
  return { rows: getRunFills(db, req.runId, options<FillRow, F>(req, 'ts' as F)), total: countRunRows(db, req.runId, 'fills', req.instrument) };
}

export function tradesPage<F extends keyof TradeRow & string>(db: Database.Database, req: PageRequest<F>) {
  requireRun(db, req.runId);
  return { rows: getRunTrades(db, req.runId, options<TradeRow, F>(req)), total: countRunRows(db, req.runId, 'trades', req.instrument) };
}
