import type { SimulatorConfig } from '../../config/simulatorSchema';
import { Portfolio } from '../../engine/portfolio';
import { createCommissionModel, type CommissionModel } from '../../sim/commission';
import { isStopType, isWorking, type FakeExecution, type FakeOrder, type Instrument } from '../model';
import type { WhatIfPreview } from '../wire/orderMessages';
import type { PlaceOrderRequest } from '../wire/requests';
import { BarMatcher } from './barMatcher';
import type { IdSource } from './idSource';
import type { Market } from './market';
import { orderTerms, type OrderTerms, type Refusal } from './orderChecks';
import { OrderLinks } from './orderLinks';
import { StagedOrders, type StagedOrder } from './stagedOrders';
import { ratchet, startTrailing, stopOf } from './trailingOrders';
import { whatIfPreview } from './whatIf';

/** What the exchange tells the server, which turns it into messages for the owning clients. */
export interface ExchangeListener {
  /** Status or terms changed (openOrder + orderStatus). */
  orderChanged(o: FakeOrder): void;
  /** One execution (execDetails, openOrder, orderStatus, commissionReport). */
  filled(e: FakeExecution): void;
  /** An error for an order id (ERR_MSG with that id). */
  orderError(clientId: number, orderId: number, refusal: Refusal): void;
}

export interface ExchangeOptions {
  market: Market;
  sim: SimulatorConfig;
  initialCash: number;
  accountId: string;
  ids: IdSource;
  rng: () => number;
  listener: ExchangeListener;
  /** Wall clock (ms) for execution and completion times. */
  now: () => number;
}

/**
 * The fake's matching engine: orders are matched by the project's simulator rules (BarMatcher)
 * against the market's bars. A new order is first offered the current price (the close of the
 * latest bar, like a trade "now"); whatever remains works on each later bar. Orders sent with
 * transmit=0 are held until their chain is transmitted (StagedOrders); attached orders and OCA
 * groups follow OrderLinks, trailing orders trailingOrders.ts. Cash and positions follow
 * core/engine's Portfolio.
 */
export class Exchange {
  readonly orders: FakeOrder[] = [];
  readonly executions: FakeExecution[] = [];
  readonly portfolio: Portfolio;
  private readonly byKey = new Map<string, FakeOrder>();
  private readonly staged = new StagedOrders();
  private readonly links: OrderLinks;
  private readonly matcher: BarMatcher;
  private readonly commission: CommissionModel;
  private readonly market: Market;
  private readonly sim: SimulatorConfig;
  private monthVolume = 0;
  private month = '';

  constructor(private readonly opts: ExchangeOptions) {
    this.market = opts.market;
    this.sim = opts.sim;
    this.commission = createCommissionModel(opts.sim.commission);
    const symbols = opts.market.instruments.map((i) => i.symbol);
    this.portfolio = new Portfolio(symbols, opts.initialCash, opts.sim.account);
    this.matcher = new BarMatcher(opts.market, opts.sim, opts.rng);
    this.links = new OrderLinks({
      changed: (o) => opts.listener.orderChanged(o),
      cancel: (o, why) => this.finish(o, 'Cancelled', why),
      activate: (o) => {
        // It starts working now: from the next bar, and a trailing stop from the price now.
        o.placedStep = this.market.steps;
        startTrailing(o, this.market.last(o.instrument));
        o.status = isStopType(o.orderType) ? 'PreSubmitted' : 'Submitted';
        opts.listener.orderChanged(o);
      },
    });
    this.markAll();
  }

  find(clientId: number, orderId: number): FakeOrder | undefined {
    return this.byKey.get(`${clientId}:${orderId}`);
  }

  working(): FakeOrder[] {
    return this.orders.filter((o) => isWorking(o.status));
  }

  /**
   * A new order, or a modification when (clientId, orderId) names a working order. One sent with
   * transmit=0 is held silently; one with transmit=1 sends its held chain with it. `rejectAfterAck`
   * acknowledges the order and then rejects it instead of matching it (the rejection fault).
   */
  place(clientId: number, req: PlaceOrderRequest, rejectAfterAck?: Refusal): void {
    const existing = this.find(clientId, req.orderId);
    if (existing && !isWorking(existing.status)) {
      const refusal: Refusal =
        existing.status === 'Filled'
          ? { code: 104, text: "Can't modify a filled order." }
          : { code: 103, text: 'Duplicate order id' };
      this.opts.listener.orderError(clientId, req.orderId, refusal);
      return;
    }
    const terms = orderTerms(this.market, req, this.opts.accountId);
    if ('code' in terms) {
      this.opts.listener.orderError(clientId, req.orderId, terms);
      return;
    }
    if (existing) {
      if (req.transmit) this.modify(existing, terms);
      else this.opts.listener.orderError(clientId, req.orderId, { code: 201, text: 'Order rejected - reason:the fake TWS takes a modification only transmitted (transmit=1)' });
      return;
    }
    if (!req.transmit) {
      this.staged.stage(clientId, { req, terms });
      return;
    }
    const placed: FakeOrder[] = [];
    for (const m of this.staged.transmit(clientId, { req, terms })) {
      const o = this.register(clientId, m);
      if (o) placed.push(o);
    }
    const mine = placed.find((o) => o.orderId === req.orderId);
    if (rejectAfterAck && mine) {
      this.opts.listener.orderError(clientId, mine.orderId, rejectAfterAck);
      this.finish(mine, 'Inactive', `Rejected: ${rejectAfterAck.text}`);
    }
    // Attached orders that wait for their parent get no first chance, even if it fills now.
    const live = placed.filter((o) => !o.awaitingParent);
    for (const o of live) if (isWorking(o.status)) this.matchNow(o);
  }

  /** Registers one transmitted order and reports it (openOrder + orderStatus); null when its parent is not working. */
  private register(clientId: number, m: StagedOrder): FakeOrder | null {
    const { req, terms } = m;
    const parent = req.parentId === 0 ? null : this.find(clientId, req.parentId);
    if (req.parentId !== 0 && (!parent || (!isWorking(parent.status) && parent.filled === 0))) {
      this.opts.listener.orderError(clientId, req.orderId, { code: 201, text: `Order rejected - reason:its parent order ${req.parentId} is not working` });
      return null;
    }
    const o = this.newOrder(clientId, req, terms, this.opts.ids.nextPermId());
    this.orders.push(o);
    this.byKey.set(`${clientId}:${req.orderId}`, o);
    this.links.attach(o, parent ?? null);
    if (o.awaitingParent) o.status = 'PreSubmitted';
    else startTrailing(o, this.market.last(o.instrument));
    this.opts.listener.orderChanged(o);
    this.links.join(o);
    return o;
  }

  /**
   * A what-if order: checked like a real one, then priced (its limit, stop or the last price) for the
   * commission and margin preview. Nothing is registered, matched or executed.
   */
  preview(clientId: number, req: PlaceOrderRequest): { order: FakeOrder; preview: WhatIfPreview } | Refusal {
    const terms = orderTerms(this.market, req, this.opts.accountId);
    if ('code' in terms) return terms;
    const mark = this.market.last(terms.instrument);
    const price = terms.lmtPrice ?? stopOf(terms) ?? mark;
    const fee = this.commission.fee({
      side: terms.action,
      quantity: terms.totalQuantity,
      price,
      orderFilledQty: 0,
      orderFilledValue: 0,
      orderCommission: 0,
      monthVolume: this.monthVolume,
    });
    // IB answers a what-if with the state the order would enter, and gives it no permId.
    const order = this.newOrder(clientId, req, terms, 0);
    return { order, preview: whatIfPreview(this.portfolio, this.sim.account, order, mark, fee) };
  }

  private newOrder(clientId: number, req: PlaceOrderRequest, terms: OrderTerms, permId: number): FakeOrder {
    return {
      clientId,
      orderId: req.orderId,
      permId,
      orderRef: req.orderRef,
      account: this.opts.accountId,
      ...terms,
      parentId: req.parentId,
      awaitingParent: false,
      requestedQuantity: terms.totalQuantity,
      ocaReduced: 0,
      // Stops wait in PreSubmitted until triggered, as at IB.
      status: isStopType(terms.orderType) ? 'PreSubmitted' : 'Submitted',
      filled: 0,
      avgFillPrice: 0,
      lastFillPrice: 0,
      commission: 0,
      triggered: false,
      placedStep: this.market.steps,
      completedAt: Number.NaN,
      completedStatus: '',
    };
  }

  cancel(clientId: number, orderId: number): void {
    const o = this.find(clientId, orderId);
    if (!o && this.staged.has(clientId, orderId)) {
      // Never transmitted: dropped, with the children held with it.
      for (const s of [this.staged.take(clientId, orderId), ...this.staged.takeChildren(clientId, orderId)]) {
        if (s) this.opts.listener.orderError(clientId, s.req.orderId, { code: 202, text: 'Order Canceled - reason:' });
      }
      return;
    }
    if (!o) {
      this.opts.listener.orderError(clientId, orderId, { code: 10147, text: `OrderId ${orderId} that needs to be cancelled is not found.` });
      return;
    }
    if (!isWorking(o.status)) {
      this.opts.listener.orderError(clientId, orderId, {
        code: 10148,
        text: `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${o.status}.`,
      });
      return;
    }
    this.opts.listener.orderError(clientId, orderId, { code: 202, text: 'Order Canceled - reason:' });
    this.finish(o, 'Cancelled', 'Cancelled by Trader');
  }

  /** Every working order (children go with their parents) and every held one. */
  cancelAll(): void {
    this.staged.clear();
    for (const o of this.working()) if (isWorking(o.status)) this.cancel(o.clientId, o.orderId);
  }

  /** The market's series grew (fed live): the matcher's statistics over them are stale. */
  marketGrew(): void {
    this.matcher.marketGrew();
  }

  /** After the market stepped: working orders of the instruments that got a new bar are matched on it. */
  onBars(moved: readonly Instrument[]): void {
    this.markAll();
    for (const inst of moved) {
      this.matcher.newBar(inst);
      const bar = this.market.bar(inst);
      for (const o of this.orders) {
        if (o.instrument !== inst || !isWorking(o.status) || o.awaitingParent || o.placedStep >= this.market.steps) continue;
        this.match(o, 'bar');
        // Not triggered on this bar: a trailing stop follows the bar's favourable extreme.
        if (bar && isWorking(o.status) && !o.triggered && ratchet(o, bar)) this.opts.listener.orderChanged(o);
        // A DAY order works until its session's close: the last bar of the day (every bar of daily data).
        if (isWorking(o.status) && o.tif === 'DAY' && this.market.isSessionClose(inst)) {
          this.finish(o, 'Cancelled', 'Expired: DAY order reached the end of its session');
        }
      }
    }
  }

  /** The account's traded instruments with their positions (held or closed during this run). */
  tradedInstruments(): Instrument[] {
    const seen = new Set<Instrument>();
    for (const e of this.executions) seen.add(e.order.instrument);
    return [...seen];
  }

  private modify(o: FakeOrder, t: OrderTerms): void {
    if (t.instrument !== o.instrument) {
      this.opts.listener.orderError(o.clientId, o.orderId, { code: 105, text: 'Order being modified does not match original order (contract changed).' });
      return;
    }
    if (t.totalQuantity <= o.filled) {
      this.opts.listener.orderError(o.clientId, o.orderId, {
        code: 201,
        text: `Order rejected - reason:the new total quantity ${t.totalQuantity} is not above the ${o.filled} already filled`,
      });
      return;
    }
    o.totalQuantity = t.totalQuantity;
    o.requestedQuantity = t.totalQuantity;
    // A triggered TRAIL LIMIT's limit was fixed at the trigger.
    if (!(o.orderType === 'TRAIL LIMIT' && o.triggered)) o.lmtPrice = t.lmtPrice;
    o.auxPrice = t.auxPrice;
    o.trailingPercent = t.trailingPercent;
    o.lmtPriceOffset = t.lmtPriceOffset;
    o.trailStopPrice = t.trailStopPrice ?? o.trailStopPrice;
    o.displaySize = t.displaySize;
    o.tif = t.tif;
    o.placedStep = this.market.steps;
    if (!o.awaitingParent && !o.triggered) startTrailing(o, this.market.last(o.instrument));
    this.opts.listener.orderChanged(o);
    if (!o.awaitingParent) this.matchNow(o);
  }

  /** The first chance: the current price; IOC and FOK get no other. */
  private matchNow(o: FakeOrder): void {
    this.match(o, 'decision');
    if (!isWorking(o.status)) return;
    if (o.tif === 'IOC') this.finish(o, 'Cancelled', 'IOC: unfilled remainder cancelled');
  }

  private match(o: FakeOrder, phase: 'decision' | 'bar'): void {
    const remaining = o.totalQuantity - o.filled;
    const m = this.matcher.match(o, phase);
    if (!m) return;
    const newlyTriggered = m.triggered && !o.triggered;
    o.triggered = m.triggered;
    if (o.tif === 'FOK' && m.quantity < remaining) {
      this.finish(o, 'Cancelled', 'FOK: the full quantity was not available');
      return;
    }
    if (m.quantity > 0) {
      if (o.status === 'PreSubmitted') o.status = 'Submitted';
      this.fill(o, m.quantity, m.price);
    } else if (newlyTriggered && o.status === 'PreSubmitted') {
      o.status = 'Submitted';
      this.opts.listener.orderChanged(o);
    }
  }

  private fill(o: FakeOrder, qty: number, price: number): void {
    const inst = o.instrument;
    this.rollMonth();
    const fee = this.commission.fee({
      side: o.action,
      quantity: qty,
      price,
      orderFilledQty: o.filled,
      orderFilledValue: o.filled * o.avgFillPrice,
      orderCommission: o.commission,
      monthVolume: this.monthVolume,
    });
    const p = this.portfolio;
    const before = p.qty[inst.index];
    const realizedBefore = p.realized[inst.index];
    const sign = o.action === 'BUY' ? 1 : -1;
    p.applyFill(inst.index, sign * qty, price, fee);
    const reduced = before !== 0 && Math.sign(before) !== sign;
    this.matcher.take(inst, qty);
    this.monthVolume += qty;
    const filled = o.filled + qty;
    // Rounded to 8 decimals as TWS reports it: 3 x 105.06 averages 105.06, not 105.05999999999999.
    o.avgFillPrice = Math.round(((o.avgFillPrice * o.filled + price * qty) / filled) * 1e8) / 1e8;
    o.filled = filled;
    o.lastFillPrice = price;
    o.commission += fee;
    const now = this.opts.now();
    if (filled >= o.totalQuantity - 1e-9) {
      o.status = 'Filled';
      o.completedAt = now;
      o.completedStatus = 'Filled';
    }
    const e: FakeExecution = {
      execId: this.opts.ids.nextExecId(),
      order: o,
      side: o.action === 'BUY' ? 'BOT' : 'SLD',
      shares: qty,
      price,
      cumQty: o.filled,
      avgPrice: o.avgFillPrice,
      time: now,
      commission: fee,
      realizedPnl: reduced ? p.realized[inst.index] - realizedBefore : Number.NaN,
    };
    this.executions.push(e);
    this.opts.listener.filled(e);
    this.links.filled(o, qty);
  }

  private finish(o: FakeOrder, status: 'Cancelled' | 'Inactive', why: string): void {
    o.status = status;
    o.completedAt = this.opts.now();
    o.completedStatus = why;
    this.opts.listener.orderChanged(o);
    this.links.ended(o);
  }

  private markAll(): void {
    this.portfolio.markAll((i) => this.market.last(this.market.instruments[i]));
  }

  /** Tiered commissions count the account's volume per calendar month of the market clock. */
  private rollMonth(): void {
    const month = new Date(this.market.time).toISOString().slice(0, 7);
    if (month !== this.month) {
      this.month = month;
      this.monthVolume = 0;
    }
  }
}
