import type { SimulatorConfig } from '../../config/simulatorSchema';
import type { OrderType, TimeInForce } from '../../domain/enums';
import { Portfolio } from '../../engine/portfolio';
import { createCommissionModel, type CommissionModel } from '../../sim/commission';
import { matchOrder, type MatchContext, type MatchOrder } from '../../sim/fillRules';
import { rollingStats, type RollingStats } from '../../sim/marketStats';
import { DEFAULT_TICK_SIZE } from '../../sim/tickSize';
import { isWorking, type FakeExecution, type FakeOrder, type Instrument } from '../model';
import type { WhatIfPreview } from '../wire/orderMessages';
import type { PlaceOrderRequest } from '../wire/requests';
import type { IdSource } from './idSource';
import type { Market } from './market';
import { orderTerms, type OrderTerms, type Refusal } from './orderChecks';
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

const MATCH_TYPE: Record<FakeOrder['orderType'], OrderType> = { MKT: 'MARKET', LMT: 'LIMIT', STP: 'STOP', 'STP LMT': 'STOP_LIMIT' };

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
 * The fake's matching engine: orders are matched by the project's simulator rules (core/sim/fillRules
 * matchOrder, with its spread, slippage, impact and participation cap) against the market's bars.
 * A new order is first offered the current price (the close of the latest bar, like a trade "now");
 * whatever remains works on each later bar. Cash and positions follow core/engine's Portfolio.
 */
export class Exchange {
  readonly orders: FakeOrder[] = [];
  readonly executions: FakeExecution[] = [];
  readonly portfolio: Portfolio;
  private readonly byKey = new Map<string, FakeOrder>();
  /** Units taken from each instrument's current bar (its participation budget is shared by all orders). */
  private readonly used: Float64Array;
  private readonly stats: (RollingStats | null)[];
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
    this.used = new Float64Array(symbols.length);
    this.stats = symbols.map(() => null);
    this.markAll();
  }

  find(clientId: number, orderId: number): FakeOrder | undefined {
    return this.byKey.get(`${clientId}:${orderId}`);
  }

  working(): FakeOrder[] {
    return this.orders.filter((o) => isWorking(o.status));
  }

  /**
   * A new order, or a modification when (clientId, orderId) names a working order. `rejectAfterAck`
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
      this.modify(existing, terms.totalQuantity, terms.lmtPrice, terms.auxPrice, terms.tif, terms.instrument);
      return;
    }
    const o = this.newOrder(clientId, req, terms, this.opts.ids.nextPermId());
    this.orders.push(o);
    this.byKey.set(`${clientId}:${req.orderId}`, o);
    this.opts.listener.orderChanged(o);
    if (rejectAfterAck) {
      this.opts.listener.orderError(clientId, o.orderId, rejectAfterAck);
      this.finish(o, 'Inactive', `Rejected: ${rejectAfterAck.text}`);
      return;
    }
    this.matchNow(o);
  }

  /**
   * A what-if order: checked like a real one, then priced (its limit, stop or the last price) for the
   * commission and margin preview. Nothing is registered, matched or executed.
   */
  preview(clientId: number, req: PlaceOrderRequest): { order: FakeOrder; preview: WhatIfPreview } | Refusal {
    const terms = orderTerms(this.market, req, this.opts.accountId);
    if ('code' in terms) return terms;
    const mark = this.market.last(terms.instrument);
    const price = terms.lmtPrice ?? terms.auxPrice ?? mark;
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
    const stop = terms.orderType === 'STP' || terms.orderType === 'STP LMT';
    return {
      clientId,
      orderId: req.orderId,
      permId,
      orderRef: req.orderRef,
      account: this.opts.accountId,
      ...terms,
      // Stops wait in PreSubmitted until triggered, as at IB.
      status: stop ? 'PreSubmitted' : 'Submitted',
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

  cancelAll(): void {
    for (const o of this.working()) this.cancel(o.clientId, o.orderId);
  }

  /** After the market stepped: working orders of the instruments that got a new bar are matched on it. */
  onBars(moved: readonly Instrument[]): void {
    this.markAll();
    for (const inst of moved) {
      this.used[inst.index] = 0;
      for (const o of this.orders) {
        if (o.instrument !== inst || !isWorking(o.status) || o.placedStep >= this.market.steps) continue;
        this.match(o, 'bar');
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

  private modify(o: FakeOrder, qty: number, lmt: number | null, aux: number | null, tif: FakeOrder['tif'], inst: Instrument): void {
    if (inst !== o.instrument) {
      this.opts.listener.orderError(o.clientId, o.orderId, { code: 105, text: 'Order being modified does not match original order (contract changed).' });
      return;
    }
    if (qty <= o.filled) {
      this.opts.listener.orderError(o.clientId, o.orderId, {
        code: 201,
        text: `Order rejected - reason:the new total quantity ${qty} is not above the ${o.filled} already filled`,
      });
      return;
    }
    o.totalQuantity = qty;
    o.lmtPrice = lmt;
    o.auxPrice = aux;
    o.tif = tif;
    o.placedStep = this.market.steps;
    this.opts.listener.orderChanged(o);
    this.matchNow(o);
  }

  /** The first chance: the current price; IOC and FOK get no other. */
  private matchNow(o: FakeOrder): void {
    this.match(o, 'decision');
    if (!isWorking(o.status)) return;
    if (o.tif === 'IOC') this.finish(o, 'Cancelled', 'IOC: unfilled remainder cancelled');
  }

  private match(o: FakeOrder, phase: 'decision' | 'bar'): void {
    const inst = o.instrument;
    const bar = this.market.bar(inst);
    if (!bar) return;
    const sim = this.sim;
    const remaining = o.totalQuantity - o.filled;
    const capacity = sim.use_volume_constraints
      ? Math.max(0, Math.floor(sim.max_participation_rate * bar.volume - this.used[inst.index]))
      : Number.POSITIVE_INFINITY;
    const mo: MatchOrder = {
      side: o.action,
      type: MATCH_TYPE[o.orderType],
      timeInForce: o.tif satisfies TimeInForce,
      limitPrice: o.lmtPrice,
      stopPrice: o.auxPrice,
      remaining,
      triggered: o.triggered,
    };
    const ctx: MatchContext = { sim, phase, capacity, sigmaDaily: Number.NaN, adv20: Number.NaN, rng: this.opts.rng, tickSize: sim.tick_size ?? DEFAULT_TICK_SIZE };
    const barIndex = this.market.barIndex(inst);
    if (sim.impact_k > 0 && barIndex > 0) {
      // Known before this bar: statistics up to the previous one.
      const st = this.statsFor(inst);
      ctx.sigmaDaily = st.sigma[barIndex - 1];
      ctx.adv20 = st.adv[barIndex - 1];
    }
    const m = matchOrder(mo, bar, ctx);
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
    this.used[inst.index] += qty;
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
  }

  private finish(o: FakeOrder, status: 'Cancelled' | 'Inactive', why: string): void {
    o.status = status;
    o.completedAt = this.opts.now();
    o.completedStatus = why;
    this.opts.listener.orderChanged(o);
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

  private statsFor(inst: Instrument): RollingStats {
    let s = this.stats[inst.index];
    if (!s) {
      const series = this.market.series[inst.index];
      s = rollingStats(series.close, series.volume, 20);
      this.stats[inst.index] = s;
    }
    return s;
  }
}
