import { isTrailing } from '../../../domain/enums';
import type { EventHub, IbEvents, IbNotice } from '../connection/eventHub';
import { codeMeaning } from '../connection/messageCodes';
import { parseExecutionTime } from '../parsing/ibTime';
import type { IbCompletedOrderMsg, IbExecutionMsg, IbOpenOrderMsg, IbOrderStatusMsg } from '../parsing/schemas';
import type { IbLogEntry } from '../types';
import { heldByParent } from './attachedOrders';
import { isRequestId, type OrderIdAllocator } from './idAllocator';
import type { OrderBook } from './orderBook';
import { applyTerms, reportedTerms, sameTerms, termsOf } from './orderTerms';
import { isIbAcknowledgement, statusTarget } from './statusMapping';
import type { TrackedOrder } from './trackedOrder';

const EPS = 1e-9;

/** Cancel refusals that mean TWS does not know the order (the others: it knows it and cannot cancel it). */
const CANCEL_NOT_FOUND = new Set([135, 10147]);

export interface OrderEventDeps {
  book: OrderBook;
  allocator: OrderIdAllocator;
  clientId: () => number | null;
  /** Asks TWS for its next valid order id (reqIds). */
  requestIds: () => void;
  now: () => number;
  log: (level: IbLogEntry['level'], text: string, id?: number) => void;
}

/**
 * Applies what TWS reports about orders to the book: openOrder and orderStatus (statuses, permId,
 * confirmed terms), completed orders, executions and commission reports, and the error codes that
 * name an order (202 cancelled, 201/203/... rejected, cancel and modify refusals).
 */
export function routeOrderEvents(hub: EventHub<IbEvents>, d: OrderEventDeps): void {
  hub.on('nextValidId', (id) => d.allocator.observeNextValidId(id));
  hub.on('openOrder', (m) => onOpenOrder(d, m));
  hub.on('orderStatus', (m) => onOrderStatus(d, m));
  hub.on('completedOrder', (m) => onCompletedOrder(d, m));
  hub.on('execution', (m) => onExecution(d, m));
  hub.on('commission', (m) => d.book.applyCommission(m.execId, m.commission));
  hub.on('notice', (n) => onOrderNotice(d, n));
}

/** Marks what any report from TWS tells about the link; returns true when it changed. */
function learn(d: OrderEventDeps, t: TrackedOrder, permId: number | undefined, ibStatus: string | undefined): boolean {
  const l = t.link;
  const before = JSON.stringify(l);
  if (permId !== undefined && permId > 0 && l.permId !== permId) {
    l.permId = permId;
    d.book.reindex(t);
  }
  if (ibStatus && isIbAcknowledgement(ibStatus)) l.ibStatus = ibStatus;
  l.acknowledged = true;
  if (l.unknown) {
    l.unknown = false;
    d.log('info', `order ${t.order.id} (IB ${l.ibOrderId}) found at TWS after all`);
  }
  if (ibStatus === 'PendingCancel') l.cancelRequested = true;
  return JSON.stringify(l) !== before;
}

function applyIbStatus(d: OrderEventDeps, t: TrackedOrder, ibStatus: string, whyHeld: string | undefined, linkChanged: boolean, reason?: string): void {
  const mapped = statusTarget(ibStatus, whyHeld, t.rejection);
  // TWS reports a child it holds for its parent's fill as working: it is accepted once the parent fills.
  const target = mapped?.status === 'ACCEPTED' && heldByParent(d.book, t) ? null : mapped;
  if (target?.status === 'ACCEPTED' && (t.order.status === 'CANCELLED' || t.order.status === 'REJECTED')) {
    d.log('error', `order ${t.order.id} (IB ${t.link.ibOrderId}) is ${t.order.status} here but TWS reports it ${ibStatus}: check it in TWS`, t.link.ibOrderId ?? undefined);
  }
  const moved = target !== null && d.book.applyStatus(t, reason && target.status === 'CANCELLED' ? { ...target, reason } : target) !== null;
  if (!moved && linkChanged) d.book.touch(t);
}

function onOpenOrder(d: OrderEventDeps, m: IbOpenOrderMsg): void {
  if (m.order.clientId !== undefined && m.order.clientId === d.clientId()) d.allocator.observeUsed(m.orderId);
  const t = d.book.find(m.order.orderRef, m.order.permId, m.order.clientId, m.orderId);
  if (!t) return;
  let changed = learn(d, t, m.order.permId, m.orderState.status);
  // The openOrder echoes the terms TWS works with: a modification is confirmed by it, a trailing stop's moves are reported by it.
  const o = t.order;
  const reported = reportedTerms(o, m.order);
  if (!sameTerms(termsOf(o), reported, false)) {
    applyTerms(o, reported);
    changed = true;
  }
  if (m.order.ocaGroup) t.oca = { group: m.order.ocaGroup, type: m.order.ocaType ?? t.oca?.type ?? 1 };
  const p = t.pendingModify;
  if (p && sameTerms(p, reported, isTrailing(o.type))) {
    t.pendingModify = null;
    d.log('info', `order ${o.id} (IB ${t.link.ibOrderId}) modified: ${reported.quantity} @ ${reported.limitPrice ?? reported.stopPrice ?? 'market'}`);
  }
  applyIbStatus(d, t, m.orderState.status ?? '', undefined, changed);
}

function onOrderStatus(d: OrderEventDeps, m: IbOrderStatusMsg): void {
  const ours = d.clientId();
  const t = d.book.find(undefined, m.permId, m.clientId ?? ours ?? undefined, m.orderId);
  if (!t) return;
  const changed = learn(d, t, m.permId, m.status);
  if (m.filled !== undefined) t.ibFilled = Math.max(t.ibFilled, m.filled);
  applyIbStatus(d, t, m.status, m.whyHeld, changed);
}

function onCompletedOrder(d: OrderEventDeps, m: IbCompletedOrderMsg): void {
  const t = d.book.find(m.order.orderRef, m.order.permId, undefined, undefined);
  if (!t) return;
  const status = m.orderState.status ?? '';
  const changed = learn(d, t, m.order.permId, status);
  if (m.order.filledQuantity !== undefined) t.ibFilled = Math.max(t.ibFilled, m.order.filledQuantity);
  const why = m.orderState.completedStatus || undefined;
  if (status === 'Inactive' && why && t.rejection === null) t.rejection = why;
  applyIbStatus(d, t, status, undefined, changed, why);
}

function onExecution(d: OrderEventDeps, m: IbExecutionMsg): void {
  const x = m.execution;
  if (d.book.hasExecution(x.execId)) return;
  const t = d.book.find(x.orderRef, x.permId, x.clientId, x.orderId) ?? null;
  if (t) learn(d, t, x.permId, undefined);
  const parsed = x.time ? parseExecutionTime(x.time) : Number.NaN;
  const fill = d.book.applyExecution(t, {
    execId: x.execId,
    instrument: m.contract.symbol,
    side: x.side === 'BOT' ? 'BUY' : 'SELL',
    quantity: x.shares,
    price: x.price,
    timestamp: Number.isNaN(parsed) ? d.now() : parsed,
    permId: x.permId ?? null,
    ibOrderId: x.orderId ?? null,
    account: x.acctNumber ?? '',
  });
  if (!fill) return;
  if (!t) d.log('warning', `execution ${x.execId} (${m.contract.symbol} ${x.side} ${x.shares} @ ${x.price}) belongs to no order of this app`);
  else if (t.order.filledQuantity > t.order.quantity + EPS) {
    d.log('error', `order ${t.order.id} (IB ${t.link.ibOrderId}) is filled ${t.order.filledQuantity} of ${t.order.quantity}`);
  }
}

function onOrderNotice(d: OrderEventDeps, n: IbNotice): void {
  if (n.id <= 0 || isRequestId(n.id)) return;
  const ours = d.clientId();
  const t = ours === null ? undefined : d.book.find(undefined, undefined, ours, n.id);
  if (!t) return;
  const text = `${n.text} (${n.code})`;
  const meaning = codeMeaning(n.code, n.text);
  switch (meaning.kind) {
    case 'orderCancelled': {
      const changed = learn(d, t, undefined, undefined);
      applyIbStatus(d, t, 'Cancelled', undefined, changed, text);
      return;
    }
    case 'orderRejected':
      if (t.pendingModify) {
        t.pendingModify = null;
        d.log('warning', `modification of order ${t.order.id} refused: ${text}`, n.id);
        return;
      }
      t.rejection = text;
      // A duplicate id means the allocator is behind TWS: ask TWS for its next valid id.
      if (n.code === 103) d.requestIds();
      // Refused before TWS reported it working: rejected now. Otherwise TWS follows with Inactive/Cancelled.
      if (!t.link.acknowledged) {
        t.link.acknowledged = true;
        if (d.book.applyStatus(t, { status: 'REJECTED', reason: text }) === null) d.book.touch(t);
      }
      return;
    case 'modifyRefused':
      t.pendingModify = null;
      return;
    case 'cancelRefused':
      t.link.cancelRequested = false;
      t.cancel = { state: CANCEL_NOT_FOUND.has(n.code) ? 'not_found' : 'refused', detail: text };
      d.book.touch(t);
      return;
    default:
      return;
  }
}
