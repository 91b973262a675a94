import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CancelAck, SubmitAck } from '../BrokerInterface';
import type { BrokerEvent } from '../events';
import { newOrder } from '../../domain/newOrder';
import type { Order, OrderRequest } from '../../domain/order';
import { isTerminal, transition } from '../../domain/orderState';
import { invalidOrderReason } from '../../domain/orderValidation';
import type { BrokerQuote, OrderChanges } from '../../service/trading/tradingBroker';
import { referencePriceOf } from '../ib/orders/referencePrice';
import { recordDifferences } from '../ib/store/differences';
import { orderRefExists, recordAction, type LiveMode } from '../ib/store/ibStore';
import type { AlpacaBook, AlpacaTracked } from './alpacaBook';
import { AlpacaRequestError, type AlpacaRest } from './alpacaRest';
import { alpacaOrderBody, alpacaRefusal, decimalString } from './orderMapping';
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
  /** How often a 429 on placing an order is waited out (each time checked by client_order_id first). */
  rateLimitedAttempts: number;
  /** Ends the current session so that it reconnects and reconciles (a question that must be answered could not be asked). */
  restartSession: (why: string) => void;
  /** Tracks a background request so callers can wait for quiet (tests, sync). */
  track: <T>(p: Promise<T>) => Promise<T>;
}

/** statusReason of an order waiting in the client-side rate limit. */
export const QUEUED_REASON = 'queued: waiting in the client-side rate limit, not yet sent to Alpaca';
const WITHDRAWN_REASON = 'withdrawn while queued: it never left the app, Alpaca never saw it';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Order commands. Each answers at once; outcomes arrive as events. An order is stored (with its
 * client_order_id) before the POST leaves, and the POST is never repeated blindly: an order whose
 * POST got no answer is looked up by client_order_id, and one Alpaca does not know stays unknown
 * for the trader to decide. Only a 429, a definite "not taken", is retried, after Retry-After and a
 * look-up that confirms Alpaca does not have it.
 */
export class AlpacaCommands {
  /** Orders refused for reusing a ref: kept in memory only (the ref belongs to another stored order). */
  private readonly refused = new Map<string, Order>();
  /** Aborts the POST of an order still queued in this process (by order id). */
  private readonly queued = new Map<string, AbortController>();

  constructor(private readonly d: CommandDeps) {}

  order(id: string): Order | undefined {
    return this.d.book.get(id)?.order ?? this.refused.get(id);
  }

  submit(request: OrderRequest): SubmitAck {
    const d = this.d;
    const ref = request.clientOrderRef ?? randomUUID();
    const order = newOrder(randomUUID(), ref, request, d.mode, d.now());
    if (d.book.hasRef(ref) || orderRefExists(d.db, ref)) {
      const reason = `duplicate client order ref ${ref}`;
      this.refused.set(order.id, order);
      this.reject(order, reason, false);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason };
    }
    const asset = d.asset(request.instrument);
    const reason =
      (asset ? null : `unknown instrument "${request.instrument}": it has not been looked up at Alpaca, or Alpaca does not trade it`) ??
      invalidOrderReason(request, true) ??
      alpacaRefusal(order, asset?.fractionable === true) ??
      d.notReady();
    if (reason !== null) {
      this.reject(order, reason, true);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason };
    }
    const link = { ...NO_LINK, sentAt: d.now(), referencePrice: referencePriceOf(order.side, d.quote(order.instrument)) };
    transition(order, 'SUBMITTED');
    order.statusReason = QUEUED_REASON;
    // Stored before it leaves: if the app dies after sending, the next start finds it by its ref.
    try {
      insertAlpacaOrder(d.db, d.mode, order, link);
    } catch (err) {
      const why = `not sent: the order could not be recorded (${message(err)})`;
      this.refused.set(order.id, order);
      this.reject(order, why, false);
      return { accepted: false, orderId: order.id, clientOrderRef: ref, reason: why };
    }
    const t = d.book.add(order, link);
    d.emit({ type: 'OrderSubmitted', order: { ...order }, at: order.updatedAt });
    void d.track(this.send(t));
    return { accepted: true, orderId: order.id, clientOrderRef: ref };
  }

  /**
   * The POST of the order with this client_order_id is leaving the process now: stamped (and written)
   * first, so a stored order without a stamp surely never reached Alpaca.
   */
  leaving(ref: string): void {
    const t = this.d.book.find(ref, null);
    if (!t || t.link.leftAt !== null) return;
    t.link.leftAt = this.d.now();
    if (t.order.statusReason === QUEUED_REASON) t.order.statusReason = null;
    this.d.book.touch(t);
  }

  /** Whether the order's POST is still waiting in this process (it can be withdrawn, and it is not lost). */
  isQueued(orderId: string): boolean {
    return this.queued.has(orderId);
  }

  cancel(orderId: string): CancelAck {
    const t = this.d.book.get(orderId);
    const queued = this.queued.get(orderId);
    if (t && queued && t.link.leftAt === null && !isTerminal(t.order.status)) {
      // Still in this process: held back here instead of chasing it with a cancel.
      queued.abort();
      t.link.cancelRequested = true;
      t.cancel = { state: 'never_sent', detail: WITHDRAWN_REASON };
      this.d.book.applyStatus(t, { status: 'CANCELLED', reason: WITHDRAWN_REASON });
      this.d.log('info', `order ${orderId} withdrawn before it left the app`);
      return { accepted: true, orderId, reason: WITHDRAWN_REASON };
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

  /** Replaces the working order at Alpaca (PATCH); Alpaca answers with the replacement, under a new id. */
  modify(orderId: string, changes: OrderChanges): CancelAck {
    const d = this.d;
    const t = d.book.get(orderId);
    const refusal = this.workingRefusal(orderId, t);
    if (refusal !== null || !t) return { accepted: false, orderId, reason: refusal ?? `unknown order ${orderId}` };
    const o = t.order;
    const terms = { quantity: changes.quantity ?? o.quantity, limitPrice: changes.limitPrice ?? o.limitPrice, stopPrice: changes.stopPrice ?? o.stopPrice };
    const invalid =
      (t.link.cancelRequested ? 'a cancel is under way' : null) ??
      (t.link.alpacaOrderId === null ? 'Alpaca has not acknowledged the order yet' : null) ??
      (terms.quantity <= o.filledQuantity ? `the new quantity ${terms.quantity} is not above the ${o.filledQuantity} already filled` : null) ??
      invalidOrderReason(
        { instrument: o.instrument, side: o.side, type: o.type, timeInForce: o.timeInForce, quantity: terms.quantity, limitPrice: terms.limitPrice ?? undefined, stopPrice: terms.stopPrice ?? undefined },
        true,
      );
    const rest = d.rest();
    if (invalid !== null || !rest || t.link.alpacaOrderId === null) return { accepted: false, orderId, reason: invalid ?? 'not connected to Alpaca' };
    const oldId = t.link.alpacaOrderId;
    const patch = {
      // Alpaca's replacement is a new order for what is still to fill: our new total less the fills so far.
      qty: changes.quantity === undefined ? undefined : decimalString(terms.quantity - o.filledQuantity),
      limit_price: changes.limitPrice === undefined ? undefined : decimalString(changes.limitPrice),
      stop_price: changes.stopPrice === undefined ? undefined : decimalString(changes.stopPrice),
    };
    void d.track(
      rest.replaceOrder(oldId, patch).then(
        (a) => {
          o.quantity = terms.quantity;
          o.limitPrice = terms.limitPrice;
          o.stopPrice = terms.stopPrice;
          d.book.applyReport(t, a);
          d.log('info', `order ${orderId} replaced at Alpaca (${oldId} -> ${a.id}): ${o.quantity} @ ${o.limitPrice ?? o.stopPrice ?? 'market'}`);
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

  private async send(t: AlpacaTracked): Promise<void> {
    const controller = new AbortController();
    this.queued.set(t.order.id, controller);
    try {
      await this.place(t, controller.signal);
    } finally {
      this.queued.delete(t.order.id);
    }
  }

  private async place(t: AlpacaTracked, signal: AbortSignal): Promise<void> {
    const d = this.d;
    const o = t.order;
    for (let attempt = 0; ; attempt++) {
      const rest = d.rest();
      if (!rest) return this.fateUnknown(t, 'the connection closed before the order was sent');
      try {
        const a = await rest.placeOrder(alpacaOrderBody(o), signal);
        d.log('info', `order ${o.id} taken by Alpaca as ${a.id}: ${o.side} ${o.quantity} ${o.instrument} ${o.type}`);
        d.book.applyReport(t, a);
        this.sendCancelIfDue(t);
        return;
      } catch (err) {
        const e = err instanceof AlpacaRequestError ? err : new AlpacaRequestError('network', null, null, message(err));
        if (signal.aborted) return;
        if (t.link.leftAt === null) {
          // It never left the process (e.g. its deadline passed in the rate limit): surely not at Alpaca.
          d.book.applyStatus(t, { status: 'REJECTED', reason: `not sent: ${e.message}` });
          return;
        }
        if (e.ambiguous) return this.resolveByRef(t, e.message);
        if (e.kind !== 'rate_limited' || attempt + 1 >= d.rateLimitedAttempts) {
          d.book.applyStatus(t, { status: 'REJECTED', reason: e.message });
          return;
        }
        const wait = e.retryAfterMs ?? 1_000;
        d.log('warning', `order ${o.id} was not taken (429, rate limited): checking it by client_order_id after ${wait} ms, then sending it again`);
        await sleep(wait);
        // A 429 says the order was not taken; the look-up makes sure before it goes again.
        const found = await this.lookUp(t);
        if (found === 'found' || found === 'failed') return;
        if (t.link.cancelRequested) {
          d.book.applyStatus(t, { status: 'CANCELLED', reason: 'cancelled before Alpaca took it (it answered 429 and does not have the order)' });
          return;
        }
      }
    }
  }

  /** The POST got no answer: its fate is recorded as unknown, then settled by client_order_id. */
  private async resolveByRef(t: AlpacaTracked, why: string): Promise<void> {
    this.fateUnknown(t, why);
    const found = await this.lookUp(t);
    if (found === 'absent' && !isTerminal(t.order.status)) {
      // Never sent again: a look-up miss is no proof that Alpaca did not take it; the trader decides.
      t.link.unknown = true;
      t.link.fateUnknown = false;
      this.d.book.touch(t);
      const o = t.order;
      recordDifferences(this.d.db, this.d.mode, this.d.now(), [
        {
          kind: 'unknown_order',
          key: o.id,
          instrument: o.instrument,
          ours: null,
          broker: null,
          detail: `order ${o.id} (${o.side} ${o.quantity}) got no answer and is not known at Alpaca by its client_order_id: not sent again`,
        },
      ]);
      this.d.log('warning', `order ${t.order.id} is not known at Alpaca by its client_order_id after a lost answer: not sent again, the trader must decide`);
    }
  }

  private fateUnknown(t: AlpacaTracked, why: string): void {
    t.link.fateUnknown = true;
    this.d.book.touch(t);
    this.d.log('warning', `order ${t.order.id}: ${why}; its fate is unknown until Alpaca is asked by client_order_id (it is never sent twice)`);
  }

  private async lookUp(t: AlpacaTracked): Promise<'found' | 'absent' | 'failed'> {
    const rest = this.d.rest();
    if (!rest) return 'failed';
    try {
      const a = await rest.orderByClientId(t.order.clientOrderRef);
      if (!a) return 'absent';
      this.d.book.applyReport(t, a);
      this.sendCancelIfDue(t);
      return 'found';
    } catch (err) {
      const why = `order ${t.order.id} could not be looked up by client_order_id: ${message(err)}`;
      // The reconciliation of the next session asks again; the session restarts so that one comes,
      // unless a trade update settled the order meanwhile.
      if (t.link.fateUnknown) this.d.restartSession(why);
      else this.d.log('warning', why);
      return 'failed';
    }
  }

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
