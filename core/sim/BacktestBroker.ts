import type { BrokerInterface, CancelAck, OrderStatusReport, SubmitAck } from '../broker/BrokerInterface';
import type { BrokerEvent, BrokerEventType, BrokerListener } from '../broker/events';
import { InstrumentQueues } from './instrumentQueues';
import { orderStatusReport } from '../broker/orderStatusReport';
import { shortsAllowed, type SimulatorConfig } from '../config/simulatorSchema';
import { DAY_CLOSE, DAY_OPEN, tradingDayEdges } from '../data/tradingDay';
import { sideSign } from '../domain/enums';
import { createOrderRefs, type OrderRefs } from '../domain/ids';
import { newOrder } from '../domain/newOrder';
import type { Fill, Order, OrderRequest, Timestamp } from '../domain/order';
import { transition } from '../domain/orderState';
import type { AccountState, Position } from '../domain/portfolio';
import { Portfolio } from '../engine/portfolio';
import { createCommissionModel, type CommissionInput, type CommissionModel } from './commission';
import { matchOrder, type MatchBar, type MatchContext, type MatchOrder, type MatchResult } from './fillRules';
import { tickSizeFor } from './tickSize';
import { rollingStats } from './marketStats';
import { invalidOrderReason } from '../domain/orderValidation';
import { WorkingOrders } from './workingOrders';
import { createRng } from './rng';
import type { TimeMachine } from './timeMachine';

/** `open`: before the current bar trades (orders may fill on it); `close`: after it (orders wait for the next bar). */
export type ClockPhase = 'open' | 'close';

/** The number in an order id "O123"; NaN for anything else, which matches no order. */
function orderNumber(id: string): number {
  return id.charCodeAt(0) === 79 ? Number(id.slice(1)) : Number.NaN;
}

interface Subscriber {
  listener: BrokerListener;
  types: ReadonlySet<BrokerEventType> | null;
}

const ALL_EVENT_TYPES: readonly BrokerEventType[] = [
  'OrderAccepted',
  'OrderPartiallyFilled',
  'OrderFilled',
  'OrderCancelled',
  'OrderRejected',
  'AccountChanged',
];

interface Working {
  seq: number;
  order: Order;
  inst: number;
  sign: 1 | -1;
  /** First session whose bar may fill the order. */
  eligibleFrom: number;
  /** Set once the order has been offered a bar: IOC/FOK/AT_* orders end after their first chance, DAY at its trading day's close. */
  offered: boolean;
  /** Set when the order leaves the working set (filled, cancelled, rejected). */
  done: boolean;
  /** Number of the last sweep that offered this order a bar: each sweep offers it at most once. */
  sweep: number;
}

/**
 * Told of every fill before its events, with the order's instrument number: the engine's own trade
 * tracking, which then needs no Fill object or event built for it.
 */
export type FillTap = (order: Order, inst: number, quantity: number, price: number, commission: number, at: Timestamp) => void;

export interface BacktestBrokerOptions {
  tm: TimeMachine;
  sim: SimulatorConfig;
  initialCash: number;
  seed: number;
  /** Keep terminal orders and all fills for queries; a long persisted run turns it off to bound memory. */
  retainHistory?: boolean;
}

export interface ExecutionTotals {
  orders: number;
  fills: number;
  commissions: number;
  slippage: number;
  turnoverValue: number;
}

/** The market simulator behind the broker port: the same port the IB adapter implements for PAPER and LIVE. */
export class BacktestBroker implements BrokerInterface {
  readonly mode = 'BACKTEST' as const;
  readonly portfolio: Portfolio;
  readonly totals: ExecutionTotals = { orders: 0, fills: 0, commissions: 0, slippage: 0, turnoverValue: 0 };
  phase: ClockPhase = 'close';
  private readonly tm: TimeMachine;
  private readonly sim: SimulatorConfig;
  private readonly retain: boolean;
  /** The account's commission schedule; the planner prices orders with the same one. */
  readonly commission: CommissionModel;
  private readonly rng: () => number;
  private readonly orders = new Map<string, Order>();
  private readonly refs = new Set<string>();
  private readonly working = new WorkingOrders<Working>();
  private readonly workingByInst: InstrumentQueues<Working>;
  private readonly fills: Fill[] = [];
  private readonly listeners: Subscriber[] = [];
  /** Event types some subscriber wants: events nobody listens to are never built. */
  private wanted = new Set<BrokerEventType>();
  /** wanted.has('OrderAccepted'), asked once per order. */
  private wantsAccepted = false;
  /** The listeners of each fill event, in subscription order: asked once per fill. */
  private filledListeners: BrokerListener[] = [];
  private partlyFilledListeners: BrokerListener[] = [];
  private fillTap: FillTap | null = null;
  private readonly stats: ({ sigma: Float64Array; adv: Float64Array } | null)[];
  /** Per instrument, built when first needed: which bars open and close a trading day (see tradingDayEdges). */
  private readonly dayEdges: (Uint8Array | null)[];
  /** Reused for every match: the hot path allocates only what it keeps. */
  private readonly ctx: MatchContext;
  /** Per instrument: the tick its fills print on (see tickSizeFor). */
  private readonly tickSizes: Float64Array;
  private readonly scratchOrder: MatchOrder = { side: 'BUY', type: 'MARKET', timeInForce: 'DAY', limitPrice: null, stopPrice: null, remaining: 0, triggered: false };
  private readonly scratchBar: MatchBar = { open: 0, high: 0, low: 0, close: 0, volume: 0 };
  private readonly scratchResult: MatchResult = { quantity: 0, price: 0, referencePrice: 0, triggered: false };
  /** Generated refs derive from this broker's prefix and the order's number (see core/domain/ids). */
  readonly orderRefs: OrderRefs = createOrderRefs();
  /** The close of instrument `i`'s bar this session, NaN when it has none. */
  private readonly feeInput: CommissionInput = {
    side: 'BUY', quantity: 0, price: 0, orderFilledQty: 0, orderFilledValue: 0, orderCommission: 0, monthVolume: 0,
  };
  private orderSeq = 0;
  private fillSeq = 0;
  private sweepSeq = 0;
  /** Per instrument, units already filled on this sweep's bar: the volume cap is shared by both passes. */
  private readonly usedVolume: Float64Array;
  /** First instant of the next calendar month (UTC): the tiered commission's volume resets there. */
  private nextMonthAt = Number.NEGATIVE_INFINITY;
  private monthVolume = 0;
  /** A fill or an order changed the account since the last AccountChanged event. */
  private accountDirty = false;

  constructor(opts: BacktestBrokerOptions) {
    this.tm = opts.tm;
    this.sim = opts.sim;
    this.retain = opts.retainHistory ?? true;
    this.commission = createCommissionModel(opts.sim.commission);
    this.rng = createRng(opts.seed);
    const symbols = opts.tm.series.map((s) => s.symbol);
    this.portfolio = new Portfolio(symbols, opts.initialCash, opts.sim.account);
    this.workingByInst = new InstrumentQueues(symbols.length);
    this.usedVolume = new Float64Array(symbols.length);
    this.stats = symbols.map(() => null);
    this.dayEdges = symbols.map(() => null);
    this.tickSizes = Float64Array.from(opts.tm.series, (s) => tickSizeFor(s, opts.sim.tick_size));
    this.ctx = { sim: opts.sim, phase: 'bar', capacity: 0, sigmaDaily: Number.NaN, adv20: Number.NaN, rng: this.rng, tickSize: 0 };
  }

  // ---- commands ----

  submitOrder(request: OrderRequest): SubmitAck {
    const order = this.place(request, this.tm.lookup(request.instrument));
    return order.status === 'REJECTED'
      ? { accepted: false, orderId: order.id, clientOrderRef: order.clientOrderRef, reason: order.statusReason ?? '' }
      : { accepted: true, orderId: order.id, clientOrderRef: order.clientOrderRef };
  }

  /**
   * submitOrder for a request whose instrument number the caller already knows (a planner's order),
   * with no symbol lookup and no acknowledgement: null, or why the order was rejected (the
   * OrderRejected event says so too). A number that does not name the request's instrument is ignored.
   */
  submitOrderAt(request: OrderRequest, inst: number): string | null {
    const known = inst >= 0 && this.portfolio.instruments[inst] === request.instrument;
    const order = this.place(request, known ? inst : this.tm.lookup(request.instrument));
    return order.status === 'REJECTED' ? order.statusReason : null;
  }

  /** Takes a request for instrument number `inst` (-1: unknown); returns its order, working or rejected. */
  private place(request: OrderRequest, inst: number): Order {
    const now = this.now();
    const seq = ++this.orderSeq;
    const ref = request.clientOrderRef ?? this.orderRefs.refFor(seq);
    const order = newOrder(`O${seq}`, ref, request, 'BACKTEST', now);
    this.totals.orders++;
    if (this.retain) this.orders.set(order.id, order);
    const reason =
      (request.clientOrderRef !== undefined && this.refs.has(ref) ? `duplicate client order ref ${ref}` : null) ??
      invalidOrderReason(request, inst >= 0) ??
      this.shortReason(order, inst);
    if (reason !== null) {
      this.reject(order, reason);
      return order;
    }
    // Generated refs are random UUIDs; only the caller's own need remembering to catch reuse.
    if (request.clientOrderRef !== undefined) this.refs.add(ref);
    // The simulated venue takes a valid order the moment it is placed: SUBMITTED and ACCEPTED at once,
    // announced by the one OrderAccepted event (a real broker emits OrderSubmitted first).
    transition(order, 'SUBMITTED');
    transition(order, 'ACCEPTED');
    const w: Working = {
      seq,
      order,
      inst,
      sign: sideSign(order.side),
      eligibleFrom: this.tm.sessionIndex + (this.phase === 'open' ? 0 : 1),
      offered: false,
      done: false,
      sweep: 0,
    };
    this.working.add(w);
    this.workingByInst.push(inst, w);
    if (this.wantsAccepted) this.emit({ type: 'OrderAccepted', order, at: now });
    return order;
  }

  submitOrders(requests: readonly OrderRequest[]): SubmitAck[] {
    return requests.map((r) => this.submitOrder(r));
  }

  cancelOrder(orderId: string, reason = 'cancelled by request'): CancelAck {
    const w = this.working.get(orderNumber(orderId));
    if (!w) {
      const known = this.orders.get(orderId);
      const why = known ? `order ${orderId} is already ${known.status}` : `unknown order ${orderId}`;
      return { accepted: false, orderId, reason: why };
    }
    this.finish(w, 'CANCELLED', reason);
    return { accepted: true, orderId };
  }

  cancelOrders(orderIds: readonly string[]): CancelAck[] {
    return orderIds.map((id) => this.cancelOrder(id));
  }

  /** Cancels every working order (e.g. before a rebalance re-plans from positions). */
  cancelAll(reason: string): void {
    // A listener may cancel others from the copy while it is walked.
    for (const w of this.working.snapshot()) if (!w.done) this.finish(w, 'CANCELLED', reason);
  }

  // ---- queries ----

  getOrderStatus(orderId: string): OrderStatusReport | undefined {
    const o = this.working.get(orderNumber(orderId))?.order ?? this.orders.get(orderId);
    return o ? orderStatusReport(o) : undefined;
  }

  getOrderStatuses(orderIds: readonly string[]): (OrderStatusReport | undefined)[] {
    return orderIds.map((id) => this.getOrderStatus(id));
  }

  getOpenOrders(): Order[] {
    return this.working.snapshot().map((w) => ({ ...w.order }));
  }

  /** Whether every instrument has a bar this session. */
  allTrading(): boolean {
    return this.tm.tradingCount === this.tm.series.length;
  }

  /** How many instruments the run's data holds (instrument numbers run from 0 to this, exclusive). */
  get instrumentCount(): number {
    return this.tm.series.length;
  }

  /** The price grid instrument number `i` fills on (0: none), for sizing at the price the fill will print. */
  tickSizeOf(i: number): number {
    return this.tickSizes[i];
  }

  /** Instrument number of `symbol` (its position in the portfolio's arrays). */
  indexOf(symbol: string): number {
    return this.tm.indexOf(symbol);
  }

  /** Signed remaining quantity of working orders per instrument. */
  pendingQuantities(): Map<string, number> {
    const m = new Map<string, number>();
    for (const w of this.working.snapshot()) {
      const rest = w.sign * (w.order.quantity - w.order.filledQuantity);
      m.set(w.order.instrument, (m.get(w.order.instrument) ?? 0) + rest);
    }
    return m;
  }

  getFills(since?: Timestamp): Fill[] {
    return since === undefined ? [...this.fills] : this.fills.filter((f) => f.timestamp >= since);
  }

  getPositions(): Position[] {
    return [...this.portfolio.heldIndices()].map((i) => this.portfolio.position(i));
  }

  getAccountState(): AccountState {
    return this.portfolio.accountState();
  }

  async sync(): Promise<void> {
    // The simulator is its own source of truth: nothing to reconcile.
  }

  /** Sets the one FillTap (null: none). */
  tapFills(tap: FillTap | null): void {
    this.fillTap = tap;
  }

  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void {
    const entry: Subscriber = { listener, types: types ? new Set(types) : null };
    this.listeners.push(entry);
    this.refreshWanted();
    return () => {
      const i = this.listeners.indexOf(entry);
      if (i >= 0) this.listeners.splice(i, 1);
      this.refreshWanted();
    };
  }

  // ---- market clock, driven by the runner ----

  /** Matches working orders against the current session's bars (the whole bar: open to close). */
  processBar(): void {
    if (this.working.size > 0) this.sweep('bar', this.tm.sessionIndex);
  }

  /** same_close timing: orders decided at this close are matched against the close of the bar they were decided on. */
  processDecision(): void {
    if (this.working.size > 0) this.sweep('decision', this.tm.sessionIndex);
  }

  /**
   * Offers this session's bar to the eligible working orders, in two passes over every instrument:
   * first the orders that reduce or close a position, then the ones that add exposure, so a sale
   * pays for the buys the planner funded with it whatever the order of the symbols. Within an
   * instrument orders go oldest first and share the bar's volume across both passes. In the bar
   * phase an order is eligible from its first session on; in the decision phase only orders decided
   * at this very close are (and a market-on-open waits for the open).
   */
  private sweep(phase: 'bar' | 'decision', session: number): void {
    this.rollMonth();
    const id = ++this.sweepSeq;
    const used = this.usedVolume;
    const qty = this.portfolio.qty;
    let adding = false;
    const queues = this.workingByInst;
    for (let inst = 0; inst < queues.instruments; inst++) {
      const size = queues.size(inst);
      if (size === 0) continue;
      const bar = this.tm.barIndex(inst);
      if (bar < 0) continue;
      used[inst] = 0;
      if (size === 1) {
        const w = queues.at(inst, 0);
        if (w.sign * qty[inst] >= 0) adding = true;
        else if (this.eligible(w, phase, session)) {
          w.sweep = id;
          used[inst] = this.matchOne(w, bar, phase, 0);
        }
        continue;
      }
      // A match can unlink the order from the list: walk a snapshot.
      for (const w of queues.snapshot(inst)) {
        if (w.sign * qty[inst] >= 0) adding = true;
        else if (this.eligible(w, phase, session)) {
          w.sweep = id;
          used[inst] += this.matchOne(w, bar, phase, used[inst]);
        }
      }
    }
    if (!adding) return;
    for (let inst = 0; inst < queues.instruments; inst++) {
      const size = queues.size(inst);
      if (size === 0) continue;
      const bar = this.tm.barIndex(inst);
      if (bar < 0) continue;
      if (size === 1) {
        const w = queues.at(inst, 0);
        if (w.sweep !== id && this.eligible(w, phase, session)) this.matchOne(w, bar, phase, used[inst]);
        continue;
      }
      for (const w of queues.snapshot(inst)) {
        if (w.sweep !== id && this.eligible(w, phase, session)) used[inst] += this.matchOne(w, bar, phase, used[inst]);
      }
    }
  }

  /** After the close: marks positions, and expires DAY orders whose trading day has closed. */
  endOfSession(): void {
    const p = this.portfolio;
    p.markFrom(this.tm.now.close);
    // Most sessions end with nothing working: no copy of the (empty) list to walk.
    if (this.working.size > 0) {
      for (const w of this.working.snapshot()) {
        if (!w.done && w.offered && w.order.timeInForce === 'DAY' && this.atDayEdge(w.inst, DAY_CLOSE))
          this.finish(w, 'CANCELLED', 'expired: DAY order reached the end of its session');
      }
    }
    // Reported when fills moved cash or positions; mark-to-market alone is read with getAccountState().
    if (this.accountDirty && this.wanted.has('AccountChanged')) {
      this.accountDirty = false;
      this.emit({ type: 'AccountChanged', account: p.accountState(), at: this.now() });
    }
  }

  // ---- internals ----

  private now(): Timestamp {
    const asOf = this.tm.asOf;
    return Number.isFinite(asOf) ? asOf : this.tm.calendar[0] ?? 0;
  }

  private rollMonth(): void {
    const now = this.now();
    if (now < this.nextMonthAt) return;
    const d = new Date(now);
    this.nextMonthAt = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    this.monthVolume = 0;
  }

  private shortReason(order: Order, inst: number): string | null {
    const acct = this.sim.account;
    if (order.side !== 'SELL' || shortsAllowed(acct)) return null;
    let sellable = this.portfolio.qty[inst];
    const queues = this.workingByInst;
    for (let k = 0; k < queues.size(inst); k++) {
      const w = queues.at(inst, k);
      if (w.sign < 0) sellable -= w.order.quantity - w.order.filledQuantity;
    }
    if (order.quantity <= sellable + 1e-9) return null;
    return acct.type === 'cash'
      ? `selling ${order.quantity} ${order.instrument} would open a short position, which a cash account cannot hold`
      : `selling ${order.quantity} ${order.instrument} would open a short position, and shorting is disabled`;
  }

  private statsFor(inst: number): { sigma: Float64Array; adv: Float64Array } {
    let s = this.stats[inst];
    if (!s) {
      const series = this.tm.series[inst];
      s = rollingStats(series.close, series.volume, 20);
      this.stats[inst] = s;
    }
    return s;
  }

  /** Offers one bar to one order; returns the units filled (for the bar's participation budget). */
  private matchOne(w: Working, bar: number, phase: 'bar' | 'decision', used: number): number {
    const now = this.tm.now;
    const inst = w.inst;
    const o = w.order;
    const sim = this.sim;
    const remaining = o.quantity - o.filledQuantity;
    const volume = now.volume[inst];
    const capacity = sim.use_volume_constraints
      ? Math.max(0, Math.floor(sim.max_participation_rate * volume - used))
      : Number.POSITIVE_INFINITY;
    const ctx = this.ctx;
    ctx.phase = phase;
    ctx.capacity = capacity;
    ctx.tickSize = this.tickSizes[inst];
    ctx.sigmaDaily = Number.NaN;
    ctx.adv20 = Number.NaN;
    if (sim.impact_k > 0 && bar > 0) {
      // Known before this bar trades: statistics up to the previous bar.
      const st = this.statsFor(w.inst);
      ctx.sigmaDaily = st.sigma[bar - 1];
      ctx.adv20 = st.adv[bar - 1];
    }
    const mo = this.scratchOrder;
    mo.side = o.side;
    mo.type = o.type;
    mo.timeInForce = o.timeInForce;
    mo.limitPrice = o.limitPrice;
    mo.stopPrice = o.stopPrice;
    mo.remaining = remaining;
    mo.triggered = o.triggered;
    const mb = this.scratchBar;
    mb.open = now.open[inst];
    mb.high = now.high[inst];
    mb.low = now.low[inst];
    mb.close = now.close[inst];
    mb.volume = volume;
    const m = matchOrder(mo, mb, ctx, this.scratchResult);
    o.triggered = m.triggered;
    w.offered = true;
    let qty = m.quantity;
    const tif = o.timeInForce;
    if (tif === 'FOK' && qty < remaining) {
      this.finish(w, 'CANCELLED', 'fill-or-kill: the full quantity was not available');
      return 0;
    }
    if (qty > 0) {
      // The usual case, a fill the account can take, costs no allocation and one fee computation.
      const fee = this.feeFor(w, qty, m.price);
      const allowed = this.withinAccount(w, qty, m.price, fee) ? null : this.affordable(w, qty, m.price);
      if (allowed && allowed.qty < qty) {
        if (sim.on_insufficient_funds === 'reject' || allowed.qty <= 0 || tif === 'FOK') {
          if (o.filledQuantity === 0) this.finish(w, 'REJECTED', allowed.reason);
          else this.finish(w, 'CANCELLED', allowed.reason);
          return 0;
        }
        qty = allowed.qty;
        this.applyFill(w, qty, m, this.feeFor(w, qty, m.price));
        this.finish(w, 'CANCELLED', `reduced: ${allowed.reason}`);
        return qty;
      }
      this.applyFill(w, qty, m, fee);
    }
    if (!w.done && (tif === 'IOC' || tif === 'AT_OPEN' || tif === 'AT_CLOSE')) {
      if (phase === 'bar' || tif !== 'AT_OPEN')
        this.finish(w, 'CANCELLED', `${tif}: unfilled remainder cancelled after its only chance`);
    }
    return qty;
  }

  private eligible(w: Working, phase: 'bar' | 'decision', session: number): boolean {
    if (w.done) return false;
    const tif = w.order.timeInForce;
    const now = phase === 'bar' ? w.eligibleFrom <= session : w.eligibleFrom === session + 1 && tif !== 'AT_OPEN';
    // Auction orders trade only at their trading day's opening or closing bar (every bar of a daily series is both).
    if (!now || (tif !== 'AT_OPEN' && tif !== 'AT_CLOSE')) return now;
    return this.atDayEdge(w.inst, tif === 'AT_OPEN' ? DAY_OPEN : DAY_CLOSE);
  }

  /** Whether instrument `inst`'s bar this session opens (DAY_OPEN) or closes (DAY_CLOSE) its trading day. */
  private atDayEdge(inst: number, edge: number): boolean {
    const bar = this.tm.barIndex(inst);
    if (bar < 0) return false;
    let edges = this.dayEdges[inst];
    if (!edges) {
      const series = this.tm.series[inst];
      edges = tradingDayEdges(series.ts, series.length);
      this.dayEdges[inst] = edges;
    }
    return (edges[bar] & edge) !== 0;
  }

  private withinAccount(w: Working, qty: number, price: number, fee: number): boolean {
    const acct = this.sim.account;
    const shortLimited = w.sign < 0 && !shortsAllowed(acct) && qty > this.portfolio.qty[w.inst];
    return !shortLimited && this.fits(w, qty, price, fee);
  }

  /** The largest part of `qty` the account can take at `price`, fees included, and why not more. */
  private affordable(w: Working, qty: number, price: number): { qty: number; reason: string } {
    const acct = this.sim.account;
    const pos = this.portfolio.qty[w.inst];
    let maxQty = qty;
    let reason = '';
    if (w.sign < 0 && !shortsAllowed(acct) && qty > pos) {
      maxQty = Math.max(0, pos);
      reason = 'short selling is not allowed in this account';
    }
    const need = maxQty * price + this.feeFor(w, maxQty, price);
    if (this.fits(w, maxQty, price, need - maxQty * price)) return { qty: maxQty, reason };
    reason =
      acct.type === 'cash'
        ? `insufficient funds: ${maxQty} ${w.order.instrument} @ ${price.toFixed(4)} needs ${need.toFixed(2)} with fees, cash is ${this.portfolio.cash.toFixed(2)}`
        : `insufficient buying power: ${maxQty} ${w.order.instrument} @ ${price.toFixed(4)} would exceed leverage ${acct.max_leverage}`;
    let lo = 0;
    let hi = Math.floor(maxQty);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.fits(w, mid, price, this.feeFor(w, mid, price))) lo = mid;
      else hi = mid - 1;
    }
    return { qty: lo, reason };
  }

  /**
   * Whether filling `q` at `price`, paying `fee`, keeps a cash account out of overdraft and a margin
   * account within its leverage.
   */
  private fits(w: Working, q: number, price: number, fee: number): boolean {
    if (q <= 0) return true;
    const p = this.portfolio;
    const pos = p.qty[w.inst];
    const exposureUp = w.sign > 0 ? pos >= 0 || q > -pos : pos <= 0 || q > pos;
    if (!exposureUp) return true;
    const acct = this.sim.account;
    if (acct.type === 'cash') return p.cash - q * price - fee >= -1e-9;
    const mark = Number.isNaN(p.mark[w.inst]) ? price : p.mark[w.inst];
    const grossAfter = p.grossExposure() - Math.abs(pos * mark) + Math.abs((pos + w.sign * q) * price);
    const equityAfter = p.equity - fee - (pos === 0 ? 0 : pos * (mark - price));
    return grossAfter <= equityAfter * acct.max_leverage + 1e-9;
  }

  private feeFor(w: Working, qty: number, price: number): number {
    const o = w.order;
    const f = this.feeInput;
    f.side = o.side;
    f.quantity = qty;
    f.price = price;
    f.orderFilledQty = o.filledQuantity;
    f.orderFilledValue = o.filledQuantity * o.avgFillPrice;
    f.orderCommission = o.commission;
    f.monthVolume = this.monthVolume;
    return this.commission.fee(f);
  }

  /** Fills `qty` of `w` at the match's price (passed as the match itself: doubles passed one by one are boxed on every call). */
  private applyFill(w: Working, qty: number, m: MatchResult, fee: number): void {
    const o = w.order;
    const price = m.price;
    const reference = m.referencePrice;
    const at = this.now();
    const slippage = (price - reference) * qty * w.sign;
    const fillId = ++this.fillSeq;
    this.portfolio.applyFill(w.inst, w.sign * qty, price, fee);
    this.accountDirty = true;
    this.monthVolume += qty;
    const filled = o.filledQuantity + qty;
    o.avgFillPrice = (o.avgFillPrice * o.filledQuantity + price * qty) / filled;
    o.filledQuantity = filled;
    o.commission += fee;
    o.updatedAt = at;
    const t = this.totals;
    t.fills++;
    t.commissions += fee;
    t.slippage += slippage;
    t.turnoverValue += qty * price;
    const done = filled >= o.quantity - 1e-9;
    transition(o, done ? 'FILLED' : 'PARTIALLY_FILLED');
    if (done) this.unlink(w);
    if (this.fillTap !== null) this.fillTap(o, w.inst, qty, price, fee, at);
    const listeners = done ? this.filledListeners : this.partlyFilledListeners;
    if (!this.retain && listeners.length === 0) return;
    const fill: Fill = {
      id: `F${fillId}`,
      orderId: o.id,
      instrument: o.instrument,
      side: o.side,
      quantity: qty,
      price,
      commission: fee,
      timestamp: at,
      referencePrice: reference,
      slippage,
    };
    if (this.retain) this.fills.push(fill);
    if (listeners.length > 0) {
      const event: BrokerEvent = done ? { type: 'OrderFilled', order: o, fill, at } : { type: 'OrderPartiallyFilled', order: o, fill, at };
      for (let i = 0; i < listeners.length; i++) listeners[i](event);
    }
  }

  private finish(w: Working, status: 'CANCELLED' | 'REJECTED', reason: string): void {
    const o = w.order;
    transition(o, status);
    o.updatedAt = this.now();
    o.statusReason = reason;
    this.unlink(w);
    this.emit({ type: status === 'REJECTED' ? 'OrderRejected' : 'OrderCancelled', order: o, reason, at: o.updatedAt });
  }

  private reject(order: Order, reason: string): void {
    transition(order, 'REJECTED');
    order.statusReason = reason;
    this.emit({ type: 'OrderRejected', order, reason, at: order.updatedAt });
  }

  private unlink(w: Working): void {
    this.working.remove(w);
    this.workingByInst.remove(w.inst, w);
  }

  private refreshWanted(): void {
    this.wanted = new Set(this.listeners.flatMap((l) => (l.types ? [...l.types] : ALL_EVENT_TYPES)));
    this.wantsAccepted = this.wanted.has('OrderAccepted');
    const of = (type: BrokerEventType): BrokerListener[] => this.listeners.filter((l) => !l.types || l.types.has(type)).map((l) => l.listener);
    this.filledListeners = of('OrderFilled');
    this.partlyFilledListeners = of('OrderPartiallyFilled');
  }

  private emit(event: BrokerEvent): void {
    for (const l of this.listeners) if (!l.types || l.types.has(event.type)) l.listener(event);
  }
}
