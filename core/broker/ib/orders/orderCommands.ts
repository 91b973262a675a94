import { randomUUID } from 'node:crypto';
import type { CancelAck, OrderListAck, SubmitAck } from '../../BrokerInterface';
import { newOrder } from '../../../domain/newOrder';
import type { Order, OrderChanges, OrderRequest } from '../../../domain/order';
import type { OrderListRequest } from '../../../domain/orderList';
import { isTerminal, transition } from '../../../domain/orderState';
import { invalidOrderReason } from '../../../domain/orderValidation';
import type { SessionScope } from '../connection/sessionScope';
import { ibOrder, ibRefusal, stockContract, type IbInstrument, type IbPlacement } from '../parsing/ibOrders';
import { insertIbOrder, orderRefExists } from '../store/ibStore';
import { NO_LINK, QUEUED_REASON, type CommandDeps } from './commandDeps';
import { submitOrderList } from './orderListCommand';
import { referencePriceOf } from './referencePrice';
import { tracked, type OrderTerms, type TrackedOrder } from './trackedOrder';

const WITHDRAWN_REASON = 'withdrawn while queued: it never left the app, TWS never saw it';

/**
 * Order commands. Each returns an acknowledgement at once; outcomes arrive as events. An order is
 * stored before it is handed to the client library, is only ever sent while the connection is
 * ready, and is never sent twice: a send that may not have reached TWS is resolved by reconciliation.
 */
export class OrderCommands {
  /** Orders refused for reusing a ref: kept in memory only (the ref belongs to another stored order). */
  private readonly refused = new Map<string, Order>();
  /** IB ids of orders cancelled while still queued: the outgoing gate drops them. */
  private readonly withdrawn = new Set<number>();

  constructor(private readonly d: CommandDeps) {}

  order(id: string): Order | undefined {
    return this.d.book.get(id)?.order ?? this.refused.get(id);
  }

  submit(request: OrderRequest): SubmitAck {
    const d = this.d;
    const now = d.now();
    const ref = request.clientOrderRef ?? randomUUID();
    const order = newOrder(randomUUID(), ref, request, d.mode, now);
    if (d.book.hasRef(ref) || orderRefExists(d.db, ref)) {
      const reason = `duplicate client order ref ${ref}`;
      this.refused.set(order.id, order);
      this.reject(order, reason, null);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason };
    }
    const inst = d.contracts.known(request.instrument);
    const reason =
      (inst ? null : `unknown instrument "${request.instrument}": it has not been looked up at IB, or IB does not know it`) ??
      invalidOrderReason(request, true) ??
      ibRefusal(request) ??
      this.notReadyReason();
    const account = d.connection.account();
    const clientId = d.connection.clientId();
    if (reason !== null || !inst || account === null || clientId === null) {
      const why = reason ?? 'not connected to TWS';
      const t = tracked(order, { ...NO_LINK });
      d.book.add(t);
      this.reject(order, why, t);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason: why };
    }
    return this.send(order, inst, account, clientId);
  }

  /** A bracket, OCO or OTO list: taken whole (every member sent, see orderListPlan) or refused whole. */
  submitList(list: OrderListRequest): OrderListAck {
    return submitOrderList(
      {
        deps: this.d,
        unavailable: () => this.notReadyReason() ?? (this.d.connection.account() === null || this.d.connection.clientId() === null ? 'not connected to TWS' : null),
        refuse: (order, reason, store) => {
          if (store) {
            const t = tracked(order, { ...NO_LINK });
            this.d.book.add(t);
            this.reject(order, reason, t);
          } else {
            this.refused.set(order.id, order);
            this.reject(order, reason, null);
          }
        },
        scope: () => this.scope(),
        takeBack: (t) => this.stop(t),
      },
      list,
    );
  }

  /**
   * The outgoing gate: `ibId` is leaving for the socket now. A withdrawn order is dropped; any other
   * is stamped as sent (its first send; a modification leaves it as it was).
   */
  leaving(ibId: number): boolean {
    if (this.withdrawn.delete(ibId)) return false;
    const t = this.d.book.find(undefined, undefined, this.d.connection.clientId() ?? undefined, ibId);
    if (t && t.link.leftAt === null) {
      t.link.leftAt = this.d.now();
      if (t.order.statusReason === QUEUED_REASON) t.order.statusReason = null;
      try {
        this.d.book.touch(t);
      } catch (err) {
        // This runs inside the client library's send timer: a throw here would stop its queue.
        this.d.log('error', `order ${t.order.id} left for TWS but its record could not be updated: ${err instanceof Error ? err.message : String(err)}`, ibId);
      }
    }
    return true;
  }

  cancel(orderId: string): CancelAck {
    const t = this.d.book.get(orderId);
    const refusal = this.workingRefusal(orderId, t) ?? (t?.link.cancelRequested ? `a cancel of order ${orderId} is already under way` : null);
    if (refusal !== null || !t) return { accepted: false, orderId, reason: refusal ?? `unknown order ${orderId}` };
    const withdrawing = this.unsent(t);
    const error = this.stop(t);
    if (error !== null) return { accepted: false, orderId, reason: error };
    if (!withdrawing) return { accepted: true, orderId };
    // TWS transmits a bracket or OTO chain with its last order: one never sent leaves the rest held there for ever.
    const link = t.order.extras?.link;
    if (link && link.kind !== 'OCO') {
      for (const m of this.d.book.listMembers(link.listId)) if (m !== t && !isTerminal(m.order.status) && !m.link.cancelRequested) this.stop(m);
    }
    return { accepted: true, orderId, reason: WITHDRAWN_REASON };
  }

  /** Still in this process: held back here instead of chased with a cancel. */
  private unsent(t: TrackedOrder): boolean {
    return t.link.leftAt === null && !t.link.acknowledged && !t.link.unknown;
  }

  /** Withdraws an order that has not left, or asks TWS to cancel it; returns why it could not, or null. */
  private stop(t: TrackedOrder): string | null {
    const ibId = t.link.ibOrderId as number;
    const orderId = t.order.id;
    if (this.unsent(t)) {
      this.withdrawn.add(ibId);
      t.cancel = { state: 'never_sent', detail: WITHDRAWN_REASON };
      this.d.book.applyStatus(t, { status: 'CANCELLED', reason: WITHDRAWN_REASON });
      this.d.log('info', `order ${orderId} (IB ${ibId}) withdrawn before it left the app`, ibId);
      return null;
    }
    try {
      this.scope().request(`cancelling order ${orderId}`, (api) => api.cancelOrder(ibId));
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    t.link.cancelRequested = true;
    t.cancel = { state: 'pending', detail: null };
    this.d.book.touch(t);
    this.d.log('info', `cancel requested for order ${orderId} (IB ${ibId})`, ibId);
    return null;
  }

  /**
   * Re-sends the order with its IB id, the new terms (a trailing order's trail too) and its place
   * among others (parent, OCA group) as TWS has it; TWS confirms them with an openOrder.
   */
  modify(orderId: string, changes: OrderChanges): CancelAck {
    const d = this.d;
    const t = d.book.get(orderId);
    const refusal = this.workingRefusal(orderId, t);
    if (refusal !== null || !t) return { accepted: false, orderId, reason: refusal ?? `unknown order ${orderId}` };
    const o = t.order;
    const terms: OrderTerms = {
      quantity: changes.quantity ?? o.quantity,
      limitPrice: changes.limitPrice ?? o.limitPrice,
      stopPrice: changes.stopPrice ?? o.stopPrice,
      trail: changes.trail ?? o.extras?.trail ?? null,
    };
    const extras = terms.trail === null ? o.extras : { ...o.extras, trail: terms.trail };
    const request: OrderRequest = {
      instrument: o.instrument, side: o.side, type: o.type, timeInForce: o.timeInForce, quantity: terms.quantity,
      limitPrice: terms.limitPrice ?? undefined, stopPrice: terms.stopPrice ?? undefined,
      trail: extras?.trail, limitOffset: extras?.limitOffset, displayQuantity: extras?.displayQuantity,
    };
    const invalid =
      (t.link.cancelRequested ? 'a cancel is under way' : null) ??
      (!t.link.acknowledged ? 'TWS has not acknowledged the order yet' : null) ??
      (terms.quantity <= o.filledQuantity ? `the new quantity ${terms.quantity} is not above the ${o.filledQuantity} already filled` : null) ??
      invalidOrderReason(request, true) ??
      ibRefusal(request);
    const inst = d.contracts.known(o.instrument) ?? this.storedInstrument(t);
    if (invalid !== null || !inst || t.link.account === null) return { accepted: false, orderId, reason: invalid ?? `order ${orderId} has no IB contract` };
    const ibId = t.link.ibOrderId as number;
    const parentId = o.extras?.link?.parentId;
    const placement: IbPlacement = {
      transmit: true,
      parentId: parentId ? (d.book.get(parentId)?.link.ibOrderId ?? undefined) : undefined,
      ocaGroup: t.oca?.group,
      ocaType: t.oca?.type,
    };
    try {
      this.scope().request(`modifying order ${orderId}`, (api) =>
        api.placeOrder(ibId, stockContract(inst), ibOrder({ ...o, ...terms, extras }, o.clientOrderRef, t.link.account as string, placement)),
      );
    } catch (err) {
      return { accepted: false, orderId, reason: err instanceof Error ? err.message : String(err) };
    }
    t.pendingModify = terms;
    d.log('info', `modification sent for order ${orderId} (IB ${ibId}): ${terms.quantity} @ ${terms.limitPrice ?? terms.stopPrice ?? 'market'}`, ibId);
    return { accepted: true, orderId };
  }

  /** Orders whose modification went to TWS and was neither confirmed nor refused yet. */
  pendingModifications(): string[] {
    return [...this.d.book.all()].filter((t) => t.pendingModify !== null && !isTerminal(t.order.status)).map((t) => t.order.id);
  }

  private send(order: Order, inst: IbInstrument, account: string, clientId: number): SubmitAck {
    const d = this.d;
    const ibId = d.allocator.take();
    const referencePrice = referencePriceOf(order.side, d.quote(order.instrument));
    const t = tracked(order, { ...NO_LINK, account, clientId, ibOrderId: ibId, conId: inst.conId, referencePrice });
    order.statusReason = QUEUED_REASON;
    transition(order, 'SUBMITTED');
    // Stored before it leaves: if the app dies after sending, the next start finds it by its ref.
    try {
      insertIbOrder(d.db, d.mode, order, t.link);
    } catch (err) {
      const reason = `not sent: the order could not be recorded (${err instanceof Error ? err.message : String(err)})`;
      this.refused.set(order.id, order);
      this.reject(order, reason, null);
      return { accepted: false, orderId: order.id, clientOrderRef: order.clientOrderRef, reason };
    }
    d.book.add(t);
    try {
      this.scope().request(`placing order ${order.id}`, (api) => api.placeOrder(ibId, stockContract(inst), ibOrder(order, order.clientOrderRef, account)));
    } catch (err) {
      // request() runs synchronously or not at all: nothing reached the client library.
      const reason = `not sent: ${err instanceof Error ? err.message : String(err)}`;
      d.book.applyStatus(t, { status: 'REJECTED', reason });
      return { accepted: false, orderId: order.id, clientOrderRef: order.clientOrderRef, reason };
    }
    d.log('info', `order ${order.id} sent as IB ${ibId}: ${order.side} ${order.quantity} ${order.instrument} ${order.type}`, ibId);
    d.emit({ type: 'OrderSubmitted', order, at: order.updatedAt });
    return { accepted: true, orderId: order.id, clientOrderRef: order.clientOrderRef };
  }

  private reject(order: Order, reason: string, t: TrackedOrder | null): void {
    transition(order, 'REJECTED');
    order.statusReason = reason;
    if (t) {
      try {
        insertIbOrder(this.d.db, this.d.mode, order, t.link);
      } catch (err) {
        // Nothing was sent; the refusal still reaches the trader, only its record is missing.
        this.d.log('error', `refused order ${order.id} could not be recorded: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.d.emit({ type: 'OrderRejected', order, reason, at: order.updatedAt });
  }

  private notReadyReason(): string | null {
    const c = this.d.connection;
    const state = c.state();
    if (state === 'ready') return null;
    return `not connected to TWS (${state}${c.reason() ? `: ${c.reason()}` : ''}); orders are sent only while ready`;
  }

  /** Why a cancel or modify of `orderId` cannot go out now, or null. */
  private workingRefusal(orderId: string, t: TrackedOrder | undefined): string | null {
    if (!t) return this.refused.has(orderId) ? `order ${orderId} is already REJECTED` : `unknown order ${orderId}`;
    if (isTerminal(t.order.status)) return `order ${orderId} is already ${t.order.status}`;
    if (t.link.ibOrderId === null) return `order ${orderId} was never sent`;
    // TWS keys orders by (client id, order id): the same id from another client id would be a new order.
    const clientId = this.d.connection.clientId();
    if (clientId !== null && t.link.clientId !== clientId) return `order ${orderId} belongs to client id ${t.link.clientId}; connect with it to change the order`;
    return this.notReadyReason();
  }

  private scope(): SessionScope {
    const s = this.d.connection.scope();
    if (!s) throw new Error('not connected to TWS');
    return s;
  }

  /** The contract of an order placed before a restart, from its stored conId. */
  private storedInstrument(t: TrackedOrder): IbInstrument | undefined {
    return t.link.conId === null ? undefined : { symbol: t.order.instrument, conId: t.link.conId, currency: 'USD', primaryExchange: '' };
  }
}
