import type { OrderStatus } from '../../../domain/enums';
import { isTerminal } from '../../../domain/orderState';
import type { TrackedOrder } from '../orders/trackedOrder';
import type { IbCompletedOrderMsg, IbExecutionMsg, IbOpenOrderMsg, IbPositionMsg } from '../parsing/schemas';
import type { OrderStatusReportEntry, PositionReportEntry, ReconciliationReport } from '../types';

/** The orders TWS reported in one place (open orders, completed orders, executions), by every key it uses. */
export interface SeenAtBroker {
  refs: Set<string>;
  permIds: Set<number>;
  /** `clientId:orderId`. */
  ibIds: Set<string>;
}

function emptySeen(): SeenAtBroker {
  return { refs: new Set(), permIds: new Set(), ibIds: new Set() };
}

function note(seen: SeenAtBroker, ref: string | undefined, permId: number | undefined, clientId: number | undefined, orderId: number | undefined): void {
  if (ref) seen.refs.add(ref);
  if (permId !== undefined && permId > 0) seen.permIds.add(permId);
  if (clientId !== undefined && orderId !== undefined && orderId > 0) seen.ibIds.add(`${clientId}:${orderId}`);
}

export function seenInOpen(open: readonly IbOpenOrderMsg[]): SeenAtBroker {
  const s = emptySeen();
  for (const m of open) note(s, m.order.orderRef, m.order.permId, m.order.clientId, m.orderId);
  return s;
}

export function seenInCompleted(completed: readonly IbCompletedOrderMsg[]): SeenAtBroker {
  const s = emptySeen();
  for (const m of completed) note(s, m.order.orderRef, m.order.permId, undefined, undefined);
  return s;
}

export function seenInExecutions(execs: readonly IbExecutionMsg[]): SeenAtBroker {
  const s = emptySeen();
  for (const m of execs) note(s, m.execution.orderRef, m.execution.permId, m.execution.clientId, m.execution.orderId);
  return s;
}

/** Whether TWS reported `t` in `seen`: by permId (stable across sessions), our order ref, or client and order id. */
function wasSeen(t: TrackedOrder, seen: SeenAtBroker): boolean {
  const l = t.link;
  return (
    seen.refs.has(t.order.clientOrderRef) ||
    (l.permId !== null && seen.permIds.has(l.permId)) ||
    (l.clientId !== null && l.ibOrderId !== null && seen.ibIds.has(`${l.clientId}:${l.ibOrderId}`))
  );
}

/**
 * Orders sent to TWS that are still open here but that TWS reported nowhere: never received (the
 * connection dropped while sending) or lost. They are never re-sent; the trader decides.
 */
export function unresolvedOrders(orders: Iterable<TrackedOrder>, ...places: SeenAtBroker[]): TrackedOrder[] {
  const out: TrackedOrder[] = [];
  for (const t of orders) {
    if (t.link.ibOrderId === null || isTerminal(t.order.status)) continue;
    if (!places.some((p) => wasSeen(t, p))) out.push(t);
  }
  return out;
}

/** Status changes since `before`, with where TWS reported the order. */
export function orderChanges(
  before: ReadonlyMap<string, OrderStatus>,
  orders: Iterable<TrackedOrder>,
  open: SeenAtBroker,
  completed: SeenAtBroker,
): OrderStatusReportEntry[] {
  const out: OrderStatusReportEntry[] = [];
  for (const t of orders) {
    const was = before.get(t.order.id);
    if (was === undefined || was === t.order.status) continue;
    out.push({
      orderId: t.order.id,
      clientOrderRef: t.order.clientOrderRef,
      ibOrderId: t.link.ibOrderId ?? 0,
      permId: t.link.permId,
      before: was,
      after: t.order.status,
      source: wasSeen(t, open) ? 'open' : wasSeen(t, completed) ? 'completed' : 'live',
    });
  }
  return out;
}

const QTY_EPS = 1e-9;

/** Positions that differ between the last snapshot and TWS's report (new, changed or closed). */
export function positionChanges(before: ReadonlyMap<string, number>, report: readonly IbPositionMsg[]): PositionReportEntry[] {
  const now = new Map<string, number>();
  for (const p of report) now.set(p.contract.symbol, p.pos);
  const out: PositionReportEntry[] = [];
  for (const [instrument, after] of now) {
    const was = before.get(instrument) ?? null;
    // Summed fills carry float noise (0.1 + 0.2): a difference below a billionth of a share is none.
    if (Math.abs((was ?? 0) - after) > QTY_EPS || (was === null && after !== 0)) out.push({ instrument, before: was, after });
  }
  for (const [instrument, was] of before) if (!now.has(instrument) && Math.abs(was) > QTY_EPS) out.push({ instrument, before: was, after: 0 });
  return out.sort((a, b) => a.instrument.localeCompare(b.instrument));
}

/** Working orders at TWS that are not this app's. */
export function externalOrders(open: readonly IbOpenOrderMsg[], ours: (m: IbOpenOrderMsg) => boolean): ReconciliationReport['externalOrders'] {
  return open
    .filter((m) => !ours(m))
    .map((m) => ({
      permId: m.order.permId ?? 0,
      instrument: m.contract.symbol ?? '?',
      side: m.order.action ?? '?',
      quantity: m.order.totalQuantity ?? 0,
      status: m.orderState.status ?? '?',
    }));
}
