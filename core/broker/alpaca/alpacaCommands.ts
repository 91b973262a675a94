import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CancelAck, OrderListAck, SubmitAck } from '../BrokerInterface';
import type { BrokerEvent } from '../events';
import { newOrder } from '../../domain/newOrder';
import type { Order, OrderChanges, OrderRequest } from '../../domain/order';
import { invalidOrderListReason, orderListMembers, type OrderListRequest } from '../../domain/orderList';
import { isTerminal, transition } from '../../domain/orderState';
import { invalidOrderReason } from '../../domain/orderValidation';
import type { BrokerQuote } from '../../service/trading/tradingBroker';
import { referencePriceOf } from '../ib/orders/referencePrice';
import { recordAction, orderRefExists, type LiveMode } from '../ib/store/ibStore';
import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import { AlpacaRequestError, type AlpacaRest } from './alpacaRest';
import { IcebergWorker } from './icebergWorker';
import { isAlpacaLeg, linkOf } from './listMembers';
import { modification } from './modification';
import { alpacaOrderBody } from './orderMapping';
import { alpacaListPlan } from './orderListMapping';
import { alpacaRefusal } from './orderRefusal';
import { Placer } from './placement';
import type { AlpacaAsset } from './schemas';
import { insertAlpacaOrder, NO_LINK } from './store/alpacaStore';

export interface CommandDeps {
  db: Database.Database;
  mode: LiveMode;
  book: AlpacaBook;
  now: () => number;
  emit: (e: BrokerEvent) => void;
  log: (level: 'info' | 'warning' | 'error', text: string) => void;
  /** The REST client of the current session; null when not connected. */
  rest: () => AlpacaRest | null;
  /** Null when orders may go; else why not (not connected, reconciling). */
  notReady: () => string | null;
  asset: (symbol: string) => AlpacaAsset | undefined;
  quote: (symbol: string) => BrokerQuote | null;
  /** The held quantity of an instrument at Alpaca (signed), as last read: an OCO must close it. */
  position: (instrument: string) => number;
  /** How often a 429 on placing an order is waited out (each time checked by client_order_id first). */
  rateLimitedAttempts: number;
  /** Ends the current session so that it reconnects and reconciles (a question that must be answered could not be asked). */
  restartSession: (why: string) => void;
  /** Tracks a background request so callers can wait for quiet (tests, sync). */
  track: <T>(p: Promise<T>) => Promise<T>;
  /** Applies the trade updates kept for orders just linked (a list's legs). */
  adoptOrphans: () => void;
}

/** statusReason of an order waiting in the client-side rate limit. */
export const QUEUED_REASON = 'queued: waiting in the client-side rate limit, not yet sent to Alpaca';
const WITHDRAWN_REASON = 'withdrawn while queued: it never left the app, Alpaca never saw it';

const EPS = 1e-9;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Order commands. Each answers at once; outcomes arrive as events. An order is stored (with its
 * client_order_id) before its POST leaves (see Placer: never sent twice). A list goes as one request
 * of Alpaca's order class; an iceberg as slices, the next sent once the previous has filled.
 */
export class AlpacaCommands {
  /** Orders refused for reusing a ref: kept in memory only (the ref belongs to another stored order). */
  private readonly refused = new Map<string, Order>();
  private readonly placer: Placer;
  private readonly icebergs: IcebergWorker;

  constructor(private readonly d: CommandDeps) {
    this.placer = new Placer({
      ...d,
      answered: (ts) => {
        d.adoptOrphans();
        for (const t of ts) this.afterReport(t);
      },
    });
    this.icebergs = new IcebergWorker({ ...d, placer: this.placer });
  }

  order(id: string): Order | undefined {
    return this.d.book.get(id)?.order ?? this.refused.get(id);
  }

  submit(request: OrderRequest): SubmitAck {
    const d = this.d;
    const ref = request.clientOrderRef ?? randomUUID();
    const order = newOrder(randomUUID(), ref, request, d.mode, d.now());
    const refuse = (reason: string, store: boolean): SubmitAck => {
      this.reject(order, reason, store);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason };
    };
    if (this.refUsed(ref)) return refuse(`duplicate client order ref ${ref}`, false);
    const asset = d.asset(request.instrument);
    const reason =
      (asset ? null : unknownInstrument(request.instrument)) ??
      invalidOrderReason(request, true) ??
      alpacaRefusal(order, asset?.fractionable === true) ??
      d.notReady();
    if (reason !== null) return refuse(reason, true);
    const admitted = this.admit([order]);
    if (typeof admitted === 'string') return refuse(admitted, false);
    const [t] = admitted;
    if (t.slice) this.icebergs.start(t, t.slice);
    else this.placer.send({ t, ref, body: alpacaOrderBody(order), legs: [] });
    return { accepted: true, orderId: order.id, clientOrderRef: ref };
  }

  /** A bracket, OCO or OTO as one request of Alpaca's order class (alpacaListPlan), taken or refused whole. */
  submitList(list: OrderListRequest): OrderListAck {
    const d = this.d;
    const listId = randomUUID();
    const members = orderListMembers(list);
    const ids = members.map(() => randomUUID());
    const orders = members.map((m, i) =>
      newOrder(ids[i], m.request.clientOrderRef ?? randomUUID(), m.request, d.mode, d.now(), {
        listId,
        kind: list.kind,
        role: m.role,
        parentId: m.parent === null ? null : ids[m.parent],
      }),
    );
    const refuse = (reason: string, store: boolean): OrderListAck => {
      for (const o of orders) this.reject(o, reason, store);
      return { accepted: false, listId, orders: orders.map((o) => ({ accepted: false, orderId: o.id, clientOrderRef: o.clientOrderRef, reason })), reason };
    };
    const refs = orders.map((o) => o.clientOrderRef);
    const dup = refs.find((r, i) => refs.indexOf(r) !== i || this.refUsed(r));
    if (dup !== undefined) return refuse(`duplicate client order ref ${dup}`, false);
    const invalid = invalidOrderListReason(list, (s) => d.asset(s) !== undefined);
    if (invalid !== null) return refuse(invalid, true);
    const plan = alpacaListPlan(list, orders, d.position(orders[0].instrument));
    if ('refusal' in plan) return refuse(plan.refusal, true);
    const notReady = d.notReady();
    if (notReady !== null) return refuse(notReady, true);
    const admitted = this.admit(orders);
    if (typeof admitted === 'string') return refuse(admitted, false);
    const parent = admitted[plan.parent];
    this.placer.send({ t: parent, ref: parent.order.clientOrderRef, body: plan.body, legs: admitted.filter((t) => t !== parent) });
    return { accepted: true, listId, orders: orders.map((o) => ({ accepted: true, orderId: o.id, clientOrderRef: o.clientOrderRef })) };
  }

  /**
   * The POST with this client_order_id is leaving the process now: its order (and the legs that go
   * with it) stamped and written first, so a stored order without a stamp surely never reached Alpaca.
   */
  leaving(ref: string): void {
    const t = this.d.book.find(ref, null);
    if (!t) return;
    for (const x of [t, ...this.legsOf(t)]) {
      if (x.link.leftAt !== null) continue;
      x.link.leftAt = this.d.now();
      if (x.order.statusReason === QUEUED_REASON) x.order.statusReason = null;
      this.d.book.touch(x);
    }
  }

  /** Whether the order's POST (a leg's: its parent's) is still waiting in this process (it can be withdrawn, and it is not lost). */
  isQueued(orderId: string): boolean {
    const t = this.d.book.get(orderId);
    const main = t && isAlpacaLeg(t.order) ? this.d.book.alpacaParentOf(t) : t;
    return this.placer.isQueued(main?.order.id ?? orderId);
  }

  cancel(orderId: string): CancelAck {
    const t = this.d.book.get(orderId);
    if (t && t.link.leftAt === null && !isTerminal(t.order.status) && this.placer.withdraw(orderId)) {
      // Still in this process: held back here instead of chasing it with a cancel (with the legs it carries).
      const o = t.order;
      const reason = o.filledQuantity > EPS ? `its next slice was withdrawn while queued, after ${o.filledQuantity} of ${o.quantity} filled` : WITHDRAWN_REASON;
      // The legs first: a parent's end would otherwise end them with its own reason.
      for (const x of [...this.legsOf(t), t]) {
        x.link.cancelRequested = true;
        x.cancel = { state: 'never_sent', detail: reason };
        this.d.book.applyStatus(x, { status: 'CANCELLED', reason });
      }
      this.d.log('info', `order ${orderId} withdrawn before it left the app`);
      return { accepted: true, orderId, reason };
    }
    const refusal = this.workingRefusal(orderId, t) ?? (t?.link.cancelRequested ? `a cancel of order ${orderId} is already under way` : null);
    if (refusal !== null || !t) return { accepted: false, orderId, reason: refusal ?? `unknown order ${orderId}` };
    t.link.cancelRequested = true;
    t.cancel = { state: 'pending', detail: null };
    this.d.book.touch(t);
    this.d.log('info', `cancel requested for order ${orderId}${t.link.alpacaOrderId ? ` (Alpaca ${t.link.alpacaOrderId})` : ': it goes out once Alpaca has answered the order'}`);
    this.sendCancelIfDue(t);
    return { accepted: true, orderId };
  }

  /** After a report of the order: a cancel waiting for its Alpaca id goes out, an iceberg's next slice. */
  afterReport(t: AlpacaTracked): void {
    this.sendCancelIfDue(t);
    this.icebergs.continue(t);
  }

  /** Once orders may go again (after a reconciliation): icebergs without a live slice get their next one. */
  resume(): void {
    for (const t of [...this.d.book.all()]) this.icebergs.continue(t);
  }

  /** Sends a requested cancel once the order's Alpaca id is known (at once, or when the POST answers). */
  sendCancelIfDue(t: AlpacaTracked): void {
    const rest = this.d.rest();
    const id = t.link.alpacaOrderId;
    if (!t.link.cancelRequested || t.cancelSent || id === null || isTerminal(t.order.status) || !rest) return;
    t.cancelSent = true;
    void this.d.track(
      rest.cancelOrder(id).catch((err: unknown) => {
        t.cancelSent = false;
        const e = err instanceof AlpacaRequestError ? err : null;
        if (e?.ambiguous) {
          // The cancel may have been carried out: the order's next report (stream or reconciliation) tells.
          t.cancel = { state: 'pending', detail: e.message };
        } else {
          // 422: not cancelable any more (filled meanwhile); 404: Alpaca does not know it.
          t.cancel = { state: e?.kind === 'not_found' ? 'not_found' : 'refused', detail: message(err) };
          t.link.cancelRequested = false;
          this.d.book.touch(t);
        }
        this.d.log('warning', `cancel of order ${t.order.id} failed: ${message(err)}`);
      }),
    );
  }

  /**
   * Replaces the working order at Alpaca (PATCH; a trailing stop's trail too); Alpaca answers with the
   * replacement, under a new id. An iceberg's change goes to its live slice (see icebergChange), or
   * only to the slices to come.
   */
  modify(orderId: string, changes: OrderChanges): CancelAck {
    const d = this.d;
    const t = d.book.get(orderId);
    const refusal = this.workingRefusal(orderId, t);
    if (refusal !== null || !t) return { accepted: false, orderId, reason: refusal ?? `unknown order ${orderId}` };
    const m = modification(t, changes);
    const rest = d.rest();
    if ('refusal' in m) return { accepted: false, orderId, reason: m.refusal };
    const oldId = t.link.alpacaOrderId;
    if (m.patch !== null && (!rest || oldId === null)) return { accepted: false, orderId, reason: 'not connected to Alpaca' };
    // An iceberg's terms are the adapter's own: the slices to come take them at once, whatever becomes
    // of the live slice's replacement (which may fill before Alpaca answers). Any other order takes
    // them once Alpaca has replaced it.
    if (t.slice) {
      m.apply();
      d.book.touch(t);
      d.log('info', `iceberg ${orderId} changed: ${t.order.quantity} @ ${t.order.limitPrice ?? 'market'}${m.patch ? ', its live slice replaced at Alpaca' : ', for the slices to come'}`);
    }
    if (m.patch === null || !rest || oldId === null) return { accepted: true, orderId };
    const iceberg = t.slice !== null;
    void d.track(
      rest.replaceOrder(oldId, m.patch).then(
        (a) => {
          if (!iceberg) m.apply();
          d.book.applyReport(t, a);
          d.log('info', `order ${orderId} replaced at Alpaca (${oldId} -> ${a.id}): ${t.order.quantity} @ ${t.order.limitPrice ?? t.order.stopPrice ?? 'market'}`);
        },
        (err: unknown) => d.log('warning', `modification of order ${orderId} was not taken: ${message(err)}`),
      ),
    );
    return { accepted: true, orderId };
  }

  /** The trader's decision on an unknown order: it did not reach Alpaca, so it is closed here as cancelled. */
  dismissUnknown(orderId: string): CancelAck {
    const t = this.d.book.get(orderId);
    if (!t || !t.link.unknown || isTerminal(t.order.status)) return { accepted: false, orderId, reason: `order ${orderId} is not an unknown open order` };
    this.d.book.applyStatus(t, { status: 'CANCELLED', reason: 'not found at Alpaca after a reconnect; dismissed by the trader' });
    recordAction(this.d.db, this.d.mode, this.d.now(), 'ALPACA_ORDER_UNKNOWN_DISMISSED', t.order.instrument, { orderId, clientOrderRef: t.order.clientOrderRef });
    return { accepted: true, orderId };
  }

  /** The list members sent as legs of this order's request (none unless it is a list's parent). */
  private legsOf(t: AlpacaTracked): AlpacaTracked[] {
    const link = linkOf(t.order);
    if (!link || isAlpacaLeg(t.order)) return [];
    return this.d.book.members(link.listId).filter((m) => isAlpacaLeg(m.order));
  }

  /**
   * Marks new orders SUBMITTED and stores them with their links in one transaction, before anything is
   * sent; returns them tracked, or why they could not be recorded.
   */
  private admit(orders: Order[]): AlpacaTracked[] | string {
    const d = this.d;
    const links = orders.map((o) => ({ ...NO_LINK, sentAt: d.now(), referencePrice: referencePriceOf(o.side, d.quote(o.instrument)) }));
    for (const o of orders) {
      transition(o, 'SUBMITTED');
      o.statusReason = QUEUED_REASON;
    }
    try {
      d.db.transaction(() => orders.forEach((o, i) => insertAlpacaOrder(d.db, d.mode, o, links[i]))).immediate();
    } catch (err) {
      return `not sent: the order could not be recorded (${message(err)})`;
    }
    const ts = orders.map((o, i) => d.book.add(o, links[i]));
    for (const o of orders) d.emit({ type: 'OrderSubmitted', order: { ...o }, at: o.updatedAt });
    return ts;
  }

  private refUsed(ref: string): boolean {
    return this.d.book.hasRef(ref) || orderRefExists(this.d.db, ref);
  }

  /** Refuses a new order: REJECTED with the reason, stored unless `store` is false (its ref is another's, or the store failed). */
  private reject(order: Order, reason: string, store: boolean): void {
    transition(order, 'REJECTED');
    order.statusReason = reason;
    if (store) {
      try {
        insertAlpacaOrder(this.d.db, this.d.mode, order, { ...NO_LINK });
        this.d.book.add(order, { ...NO_LINK });
      } catch (err) {
        // Nothing was sent; the refusal still reaches the trader, only its record is missing.
        this.refused.set(order.id, order);
        this.d.log('error', `refused order ${order.id} could not be recorded: ${message(err)}`);
      }
    } else {
      this.refused.set(order.id, order);
    }
    this.d.emit({ type: 'OrderRejected', order: { ...order }, reason, at: order.updatedAt });
  }

  /** Why a cancel or modify of `orderId` cannot go out now, or null. */
  private workingRefusal(orderId: string, t: AlpacaTracked | undefined): string | null {
    if (!t) return this.refused.has(orderId) ? `order ${orderId} is already REJECTED` : `unknown order ${orderId}`;
    if (isTerminal(t.order.status)) return `order ${orderId} is already ${t.order.status}`;
    if (t.link.sentAt === null) return `order ${orderId} was never sent`;
    return this.d.notReady();
  }
}

function unknownInstrument(instrument: string): string {
  return `unknown instrument "${instrument}": it has not been looked up at Alpaca, or Alpaca does not trade it`;
}
