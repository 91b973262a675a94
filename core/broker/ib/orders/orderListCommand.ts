import { randomUUID } from 'node:crypto';
import type { OrderListAck, SubmitAck } from '../../BrokerInterface';
import { ORDER_LIST_KINDS } from '../../../domain/enums';
import { newOrder } from '../../../domain/newOrder';
import type { Order } from '../../../domain/order';
import { invalidOrderListReason, orderListMembers, type OrderListRequest } from '../../../domain/orderList';
import { transition } from '../../../domain/orderState';
import type { SessionScope } from '../connection/sessionScope';
import { ibOrder, ibRefusal, stockContract, type IbInstrument } from '../parsing/ibOrders';
import { insertIbOrders, orderRefExists } from '../store/ibStore';
import { NO_LINK, QUEUED_REASON, type CommandDeps } from './commandDeps';
import { memberLinks, memberPlacements } from './orderListPlan';
import { referencePriceOf } from './referencePrice';
import { tracked, type TrackedOrder } from './trackedOrder';

/** What the list command uses of OrderCommands. */
export interface ListCommandContext {
  deps: CommandDeps;
  /** Why nothing can be sent now (not ready, no account or client id), or null. */
  unavailable(): string | null;
  /** Refuses an order before sending: REJECTED with its event; recorded unless `store` is false (its ref belongs to another order). */
  refuse(order: Order, reason: string, store: boolean): void;
  scope(): SessionScope;
  /** Withdraws an order handed to the client library (or cancels it at TWS if it already left). */
  takeBack(t: TrackedOrder): void;
}

const refusedAcks = (orders: readonly Order[], reason: string): SubmitAck[] =>
  orders.map((o) => ({ accepted: false, orderId: o.id, clientOrderRef: o.clientOrderRef, reason }));

/** Why the refs cannot be used: one used before (here or in the store), or twice in the list; `taken` marks them. */
function refReason(c: ListCommandContext, orders: readonly Order[], taken: boolean[]): string | null {
  const { book, db } = c.deps;
  let reason: string | null = null;
  orders.forEach((o, i) => {
    const ref = o.clientOrderRef;
    taken[i] = book.hasRef(ref) || orderRefExists(db, ref) || orders.slice(0, i).some((x) => x.clientOrderRef === ref);
    if (taken[i]) reason ??= `duplicate client order ref ${ref} (order ${i + 1} of the list)`;
  });
  return reason;
}

/**
 * Submits a bracket, OCO or OTO list through TWS: validated whole (the domain's list rules, IB's own
 * limits, the connection), then every member is given an IB id, recorded in one transaction with its
 * list link, and sent in the list's order with its placement (memberPlacements). Refused whole: every
 * member still gets an order id and is REJECTED with the list's reason.
 */
export function submitOrderList(c: ListCommandContext, list: OrderListRequest): OrderListAck {
  const d = c.deps;
  const listId = randomUUID();
  const known = (instrument: string): boolean => d.contracts.known(instrument) !== undefined;
  if (!(ORDER_LIST_KINDS as readonly string[]).includes(list.kind)) {
    return { accepted: false, listId, orders: [], reason: invalidOrderListReason(list, known) ?? `unknown order list kind "${String(list.kind)}"` };
  }
  const now = d.now();
  const members = orderListMembers(list);
  const ids = members.map(() => randomUUID());
  const links = memberLinks(list, listId, ids);
  const orders = members.map((m, i) => newOrder(ids[i], m.request.clientOrderRef ?? randomUUID(), m.request, d.mode, now, links[i]));
  const taken = orders.map(() => false);
  const reason =
    refReason(c, orders, taken) ??
    invalidOrderListReason(list, known) ??
    members.map((m) => ibRefusal(m.request)).find((r) => r !== null) ??
    c.unavailable();
  if (reason !== null) {
    orders.forEach((o, i) => c.refuse(o, reason, !taken[i]));
    return { accepted: false, listId, orders: refusedAcks(orders, reason), reason };
  }
  const account = d.connection.account() as string;
  const clientId = d.connection.clientId() as number;
  const insts = orders.map((o) => d.contracts.known(o.instrument) as IbInstrument);
  const ibIds = orders.map(() => d.allocator.take());
  const placements = memberPlacements(list, listId, ibIds);
  const ts = orders.map((o, i) => {
    const t = tracked(o, { ...NO_LINK, account, clientId, ibOrderId: ibIds[i], conId: insts[i].conId, referencePrice: referencePriceOf(o.side, d.quote(o.instrument)) });
    const { ocaGroup, ocaType } = placements[i];
    t.oca = ocaGroup === undefined ? null : { group: ocaGroup, type: ocaType ?? 1 };
    o.statusReason = QUEUED_REASON;
    transition(o, 'SUBMITTED');
    return t;
  });
  // Stored before anything leaves, all or none: if the app dies after sending, the next start finds them by their refs.
  try {
    insertIbOrders(d.db, d.mode, ts);
  } catch (err) {
    const why = `not sent: the list could not be recorded (${err instanceof Error ? err.message : String(err)})`;
    for (const o of orders) c.refuse(o, why, false);
    return { accepted: false, listId, orders: refusedAcks(orders, why), reason: why };
  }
  for (const t of ts) d.book.add(t);
  for (let i = 0; i < ts.length; i++) {
    const o = ts[i].order;
    try {
      c.scope().request(`placing order ${o.id}`, (api) => api.placeOrder(ibIds[i], stockContract(insts[i]), ibOrder(o, o.clientOrderRef, account, placements[i])));
    } catch (err) {
      // request() runs synchronously or not at all: this member and the rest never reached the client library.
      const why = `not sent: ${err instanceof Error ? err.message : String(err)}`;
      for (const t of ts.slice(i)) d.book.applyStatus(t, { status: 'REJECTED', reason: why });
      for (const t of ts.slice(0, i)) c.takeBack(t);
      return { accepted: false, listId, orders: refusedAcks(orders, why), reason: why };
    }
  }
  d.log('info', `${list.kind} list ${listId} sent as IB ${ibIds.join(', ')}: ${orders.map((o) => `${o.side} ${o.quantity} ${o.instrument} ${o.type}`).join('; ')}`);
  for (const o of orders) d.emit({ type: 'OrderSubmitted', order: o, at: o.updatedAt });
  return { accepted: true, listId, orders: orders.map((o) => ({ accepted: true, orderId: o.id, clientOrderRef: o.clientOrderRef })) };
}
