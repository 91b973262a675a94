import type Database from 'better-sqlite3';
import type { OrderStatus } from '../../../domain/enums';
import type { AccountBook } from '../account/accountBook';
import type { SyncTrigger } from '../connection/connectionManager';
import type { SessionScope } from '../connection/sessionScope';
import type { RequestIds } from '../orders/idAllocator';
import type { OrderBook } from '../orders/orderBook';
import { ibUtcDateTime } from '../parsing/ibTime';
import { expectedPositions, lastFillRow, recordBaseline, recordDifferences } from '../store/differences';
import { lastPositionsSnapshot, recordAction, snapshotPositions, type LiveMode } from '../store/ibStore';
import type { IbLogEntry, ReconciliationReport } from '../types';
import { differencesOf } from './differencesOf';
import {
  externalOrders,
  orderChanges,
  positionChanges,
  seenInCompleted,
  seenInExecutions,
  seenInOpen,
  unresolvedOrders,
} from './reconcileOrders';

export interface SyncDeps {
  db: Database.Database;
  mode: LiveMode;
  book: OrderBook;
  accounts: AccountBook;
  reqIds: RequestIds;
  timeoutMs: number;
  now: () => number;
  account: () => string | null;
  log: (level: IbLogEntry['level'], text: string) => void;
}

/**
 * Executions are fetched from this long before the last one stored: TWS writes execution times in
 * its local time but reads the filter as UTC, so a day covers any time zone; replays are de-duplicated.
 */
const EXECUTION_OVERLAP_MS = 86_400_000;

/**
 * One reconciliation, as ib_insync and NautilusTrader do it on every connect: positions, open
 * orders, completed orders and account values, then the executions since the last one stored
 * (after the orders, so every fill finds its order). The live handlers apply each message as it
 * arrives; this adds what only the whole picture shows: orders TWS does not know (marked unknown,
 * never re-sent), positions that differ from the app's own record (last snapshot plus the fills
 * since), and a report of every difference, logged to executed_actions and stored in ib_differences
 * until the trader acknowledges it.
 */
export async function synchronize(scope: SessionScope, trigger: SyncTrigger, d: SyncDeps): Promise<ReconciliationReport> {
  const account = d.account();
  if (account === null) throw new Error('no account to reconcile');
  const statusesBefore = new Map<string, OrderStatus>();
  for (const t of d.book.all()) statusesBefore.set(t.order.id, t.order.status);
  const execsBefore = new Set(d.book.fills().map((f) => f.id));
  const timeoutMs = d.timeoutMs;

  const positions = await scope.collect({
    what: 'fetching positions',
    send: (api) => api.reqPositions(),
    row: 'position',
    rowMatch: (p) => p.account === account,
    end: 'positionEnd',
    endMatch: () => true,
    timeoutMs,
  });
  const open = await scope.collect({
    what: 'fetching open orders',
    send: (api) => api.reqOpenOrders(),
    row: 'openOrder',
    rowMatch: () => true,
    end: 'openOrderEnd',
    endMatch: () => true,
    timeoutMs,
  });
  const completed = await scope.collect({
    what: 'fetching completed orders',
    send: (api) => api.reqCompletedOrders(true),
    row: 'completedOrder',
    rowMatch: () => true,
    end: 'completedOrdersEnd',
    endMatch: () => true,
    timeoutMs,
  });
  const values = await scope.collect({
    what: 'fetching account values',
    send: (api) => api.reqAccountUpdates(true, account),
    row: 'accountValue',
    rowMatch: (v) => v.account === account,
    end: 'accountDownloadEnd',
    endMatch: () => true,
    timeoutMs,
  });
  const since = d.book.lastFillTime();
  const execReq = d.reqIds.take();
  const executions = await scope.collect({
    what: 'fetching executions',
    send: (api) => api.reqExecutions(execReq, { acctCode: account, time: since > 0 ? ibUtcDateTime(since - EXECUTION_OVERLAP_MS) : '' }),
    row: 'execution',
    rowMatch: (x) => x.reqId === execReq,
    end: 'executionsEnd',
    endMatch: (id) => id === execReq,
    failOn: (n) => n.id === execReq,
    timeoutMs,
  });

  const now = d.now();
  d.accounts.replacePositions(positions);
  const seenOpen = seenInOpen(open);
  const seenCompleted = seenInCompleted(completed);
  const unknown = unresolvedOrders(d.book.all(), seenOpen, seenCompleted, seenInExecutions(executions));
  const newlyUnknown = unknown.filter((t) => !t.link.unknown);
  for (const t of newlyUnknown) {
    t.link.unknown = true;
    d.book.touch(t);
    d.log('warning', `order ${t.order.id} (IB ${t.link.ibOrderId}, ${t.order.side} ${t.order.quantity} ${t.order.instrument}) is unknown at TWS: not re-sent, the trader must decide`);
  }
  const before = lastPositionsSnapshot(d.db, d.mode);
  const newFills = d.book.fills().filter((f) => !execsBefore.has(f.id));
  // The app's own record, without what this reconciliation just learnt: those fills are differences too.
  const ours = expectedPositions(d.db, d.mode, new Set(newFills.map((f) => f.id)));
  const report: ReconciliationReport = {
    at: now,
    trigger,
    account,
    orders: [
      ...orderChanges(statusesBefore, d.book.all(), seenOpen, seenCompleted),
      ...unknown.map((t) => ({
        orderId: t.order.id,
        clientOrderRef: t.order.clientOrderRef,
        ibOrderId: t.link.ibOrderId ?? 0,
        permId: t.link.permId,
        before: t.order.status,
        after: t.order.status,
        source: 'unknown' as const,
      })),
    ],
    fills: newFills.map((f) => ({ execId: f.id, orderId: f.orderId, instrument: f.instrument, side: f.side, quantity: f.quantity, price: f.price })),
    positions: positionChanges(ours ?? new Map(), positions),
    unknownOrders: unknown.map((t) => t.order.id),
    externalOrders: externalOrders(open, (m) => d.book.find(m.order.orderRef, m.order.permId, m.order.clientId, m.orderId) !== undefined),
    accountValues: Object.fromEntries(values.map((v) => [v.key, v.value])),
  };
  record(d, report, before);
  recordDifferences(d.db, d.mode, now, differencesOf(report, ours !== null, newlyUnknown.map((t) => t.order)));
  return report;
}

/** Every difference as an executed_actions row, then the positions as a snapshot, in one transaction. */
function record(d: SyncDeps, r: ReconciliationReport, before: ReadonlyMap<string, number>): void {
  const { db, mode } = d;
  db.transaction(() => {
    for (const o of r.orders) recordAction(db, mode, r.at, o.source === 'unknown' ? 'IB_ORDER_UNKNOWN' : 'IB_ORDER_RECONCILED', d.book.get(o.orderId)?.order.instrument ?? null, o);
    for (const f of r.fills) recordAction(db, mode, r.at, 'IB_FILL_RECONCILED', f.instrument, f);
    for (const p of r.positions) recordAction(db, mode, r.at, 'IB_POSITION_RECONCILED', p.instrument, p);
    for (const x of r.externalOrders) recordAction(db, mode, r.at, 'IB_EXTERNAL_ORDER', x.instrument, x);
    recordAction(db, mode, r.at, 'IB_RECONCILED', null, {
      trigger: r.trigger,
      account: r.account,
      orders: r.orders.length,
      fills: r.fills.length,
      positions: r.positions.length,
      unknownOrders: r.unknownOrders.length,
      externalOrders: r.externalOrders.length,
      accountValues: r.accountValues,
    });
    // Instruments that went flat get a 0 row, so the next reconciliation compares with them too.
    const held = d.accounts.allPositions();
    const flat = [...before.keys()].filter((i) => !held.some((p) => p.instrument === i));
    snapshotPositions(db, mode, r.at, [
      ...held,
      ...flat.map((instrument) => ({ instrument, quantity: 0, avgCost: 0, marketPrice: 0, marketValue: 0, unrealizedPnl: 0, realizedPnl: 0 })),
    ]);
    recordBaseline(db, mode, r.at, lastFillRow(db, mode));
  }).immediate();
}
