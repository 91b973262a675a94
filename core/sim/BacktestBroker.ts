import type { BrokerInterface, CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../broker/BrokerInterface';
import type { BrokerEvent, BrokerEventType, BrokerListener } from '../broker/events';
import { InstrumentQueues } from './instrumentQueues';
import { orderStatusReport } from '../broker/orderStatusReport';
import { shortsAllowed, type SimulatorConfig } from '../config/simulatorSchema';
import { DAY_CLOSE, DAY_OPEN, tradingDayEdges } from '../data/tradingDay';
import { hasLimit, isTrailing, sideSign, type OrderListKind, type OrderType, type Side } from '../domain/enums';
import { createOrderRefs, type OrderRefs } from '../domain/ids';
import { changedRequest } from '../domain/changedRequest';
import { newOrder } from '../domain/newOrder';
import type { Fill, Order, OrderChanges, OrderLink, OrderRequest, Timestamp, Trail } from '../domain/order';
import { invalidOrderListReason, ocaAction, orderListMembers, type OrderListMember, type OrderListRequest } from '../domain/orderList';
import { transition } from '../domain/orderState';
import type { AccountState, Position } from '../domain/portfolio';
import { Portfolio } from '../engine/portfolio';
import { createCommissionModel, type CommissionInput, type CommissionModel } from './commission';
import { matchOrder, type MatchBar, type MatchContext, type MatchOrder, type MatchResult, type MatchType } from './fillRules';
import { firstReached, type IntrabarCandidate } from './intrabar';
import { ratchetStop, trailingLimit, trailingStop } from './trailing';
import { tickSizeFor } from './tickSize';
import { rollingStats } from './marketStats';
import { invalidOrderReason } from '../domain/orderValidation';
import { WorkingOrders } from './workingOrders';
import { createRng } from './rng';
import type { TimeMachine } from './timeMachine';

/** `open`: before the current bar trades (orders may fill on it); `close`: after it (orders wait for the next bar). */
type ClockPhase = 'open' | 'close';

/** The number in an order id "O123"; NaN for anything else, which matches no order. */
function orderNumber(id: string): number {
  return id.charCodeAt(0) === 79 ? Number(id.slice(1)) : Number.NaN;
}

interface Subscriber {
  listener: BrokerListener;
  types: ReadonlySet<BrokerEventType> | null;
}

const ALL_EVENT_TYPES: readonly BrokerEventType[] = [
  'OrderSubmitted',
  'OrderAccepted',
  'OrderPartiallyFilled',
  'OrderFilled',
  'OrderCancelled',
  'OrderRejected',
  'AccountChanged',
];

/** An OCO group: its members, and whether a fill of one cancels the others or reduces them by as much. */
interface OcaGroup {
  readonly action: 'cancel' | 'reduce';
  readonly members: Working[];
}

/** What a trailing, iceberg or linked order adds to its working entry. */
interface Extra {
  trail: Trail | null;
  limitOffset: number;
  /** Iceberg display size; 0 for none. */
  display: number;
  group: OcaGroup | null;
  /** The order whose fill makes this one work. */
  parent: Working | null;
  children: Working[];
  /** Waiting for its parent: SUBMITTED, known to queries, offered no bar. */
  held: boolean;
  kind: OrderListKind | null;
}

/** A list member as place() takes it: its link, its working extras, and the list's refusal if any. */
interface ListMember {
  link: OrderLink;
  x: Extra;
  refusal: string | null;
}

/** The matcher's type for an order: a trailing order is the stop or stop-limit it is at the moment. */
function matchTypeOf(t: OrderType): MatchType {
  return t === 'TRAILING_STOP' ? 'STOP' : t === 'TRAILING_STOP_LIMIT' ? 'STOP_LIMIT' : t;
}

/** Lower-size bars of instrument `inst` stamped from `from` up to (not including) `to`, oldest first. */
export type FinerBars = (inst: number, from: Timestamp, to: Timestamp) => readonly MatchBar[];

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
  /** Null for a plain order, so the usual path tests one field. */
  x: Extra | null;
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
  /** For intrabar_policy finer_bars: the store's lower-size bars of an instrument. */
  finerBars?: FinerBars;
}

/** How often one bar reached more than one order of an OCO group, and how often finer_bars had no finer bars to tell. */
export interface IntrabarTotals {
  ambiguous: number;
  finerBarsMissing: number;
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
  readonly intrabar: IntrabarTotals = { ambiguous: 0, finerBarsMissing: 0 };
  /** Where the session stands: set only by the market clock's calls below, atSessionOpen and processBar. */
  private phase: ClockPhase = 'close';
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
  private listSeq = 0;
  /** Live (not held) working orders in an OCO group: while there are none a sweep skips the group pass. */
  private grouped = 0;
  /** Per instrument, the orders held for their parent (they are in no queue the sweeps walk). */
  private readonly heldByInst: InstrumentQueues<Working>;
  private readonly finerBars: FinerBars | null;
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
    this.finerBars = opts.finerBars ?? null;
    this.commission = createCommissionModel(opts.sim.commission);
    this.rng = createRng(opts.seed);
    const symbols = opts.tm.series.map((s) => s.symbol);
    this.portfolio = new Portfolio(symbols, opts.initialCash, opts.sim.account);
    this.workingByInst = new InstrumentQueues(symbols.length);
    this.heldByInst = new InstrumentQueues(symbols.length);
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

  /**
   * Takes a request for instrument number `inst` (-1: unknown); returns its order, working or
   * rejected. The plain order, millions of them in a backtest, takes this short path; a trailing
   * or iceberg order takes placeWith's.
   */
  private place(request: OrderRequest, inst: number): Order {
    if (request.trail !== undefined || request.displayQuantity !== undefined) return this.placeWith(request, inst, null);
    const order = this.created(request, null);
    const ref = order.clientOrderRef;
    const reason =
      (request.clientOrderRef !== undefined && this.refs.has(ref) ? `duplicate client order ref ${ref}` : null) ??
      invalidOrderReason(request, inst >= 0) ??
      this.shortReason(order.side, order.quantity, order.instrument, inst, null);
    if (reason !== null) {
      this.reject(order, reason);
      return order;
    }
    this.accept(order, this.tracked(request, order, inst, null));
    return order;
  }

  /**
   * place() for an order with working extras: a trail, a display size, or a list member, which
   * comes with its link, its extras and, when the list was refused, the reason. A member that
   * waits for its parent is held: SUBMITTED, as a venue holds it, until the parent fills.
   */
  private placeWith(request: OrderRequest, inst: number, member: ListMember | null): Order {
    const order = this.created(request, member === null ? null : member.link);
    const ref = order.clientOrderRef;
    const x = member === null ? (this.extraOf(request) as Extra) : member.x;
    const reason =
      (member === null ? null : member.refusal) ??
      (request.clientOrderRef !== undefined && this.refs.has(ref) ? `duplicate client order ref ${ref}` : null) ??
      invalidOrderReason(request, inst >= 0) ??
      (x.held ? null : this.shortReason(order.side, order.quantity, order.instrument, inst, x.group)) ??
      (x.trail !== null && !x.held ? this.startTrail(order, inst, x.trail) : null);
    if (reason !== null) {
      this.reject(order, reason);
      return order;
    }
    const w = this.tracked(request, order, inst, x);
    if (x.group !== null) x.group.members.push(w);
    if (x.parent !== null) x.parent.x?.children.push(w);
    if (!x.held) {
      if (x.group !== null) this.grouped++;
      this.accept(order, w);
      return order;
    }
    transition(order, 'SUBMITTED');
    this.heldByInst.push(inst, w);
    if (this.wanted.has('OrderSubmitted')) this.emit({ type: 'OrderSubmitted', order, at: order.createdAt });
    return order;
  }

  /** A new PENDING order for `request`, numbered (this.orderSeq is its number) and kept. */
  private created(request: OrderRequest, link: OrderLink | null): Order {
    const seq = ++this.orderSeq;
    const ref = request.clientOrderRef ?? this.orderRefs.refFor(seq);
    const order = newOrder(`O${seq}`, ref, request, 'BACKTEST', this.now(), link);
    this.totals.orders++;
    if (this.retain) this.orders.set(order.id, order);
    return order;
  }

  /** The order just created, past its checks, entered into the working set (no instrument queue yet). */
  private tracked(request: OrderRequest, order: Order, inst: number, x: Extra | null): Working {
    // Generated refs are random UUIDs; only the caller's own need remembering to catch reuse.
    if (request.clientOrderRef !== undefined) this.refs.add(order.clientOrderRef);
    const w: Working = {
      seq: this.orderSeq,
      order,
      inst,
      sign: sideSign(order.side),
      eligibleFrom: this.tm.sessionIndex + (this.phase === 'open' ? 0 : 1),
      offered: false,
      done: false,
      sweep: 0,
      x,
    };
    this.working.add(w);
    return w;
  }

  /**
   * The simulated venue takes a valid order the moment it is placed: SUBMITTED and ACCEPTED at once,
   * announced by the one OrderAccepted event (a real broker emits OrderSubmitted first).
   */
  private accept(order: Order, w: Working): void {
    transition(order, 'SUBMITTED');
    transition(order, 'ACCEPTED');
    this.workingByInst.push(w.inst, w);
    if (this.wantsAccepted) this.emit({ type: 'OrderAccepted', order, at: order.createdAt });
  }

  /** The working extras of a single order's trail or display size; null for a plain order. */
  private extraOf(request: OrderRequest): Extra | null {
    if (request.trail === undefined && request.displayQuantity === undefined) return null;
    return {
      trail: request.trail ?? null,
      limitOffset: request.limitOffset ?? 0,
      display: request.displayQuantity ?? 0,
      group: null,
      parent: null,
      children: [],
      held: false,
      kind: null,
    };
  }

  /**
   * Sets a trailing order's first stop, when it was given none: the trail behind the last price
   * known now. Returns why it cannot start, or null.
   */
  private startTrail(order: Order, inst: number, trail: Trail): string | null {
    if (order.stopPrice !== null) return null;
    const price = this.lastPrice(inst);
    if (!(price > 0)) return `no price of ${order.instrument} yet to start the trail from: give an initial stop price`;
    order.stopPrice = trailingStop(order.side, trail, price);
    return null;
  }

  /**
   * The latest price of instrument `inst` known at this point of the session: the bar's open while
   * it is opening, its close once it has traded (the latest close for an instrument without a bar).
   */
  lastPrice(inst: number): number {
    if (inst < 0) return Number.NaN;
    const bar = this.tm.barIndex(inst);
    if (this.phase === 'open' && bar >= 0) return this.tm.now.open[inst];
    return this.tm.lastClose[inst];
  }

  /**
   * Places a bracket, OCO or OTO list whole, or rejects every member with the list's problem. A
   * member that waits for another is held (SUBMITTED) until that one fills.
   */
  submitOrderList(list: OrderListRequest): OrderListAck {
    const listId = `L${++this.listSeq}`;
    const members = orderListMembers(list);
    const first = this.orderSeq + 1;
    const refusal = invalidOrderListReason(list, (symbol) => this.tm.lookup(symbol) >= 0) ?? this.listRefusal(members);
    const group: OcaGroup | null = members.some((m) => m.oca) ? { action: ocaAction(list), members: [] } : null;
    const placed: Working[] = [];
    const acks: SubmitAck[] = members.map((m, i) => {
      const parent = m.parent === null ? null : placed[m.parent] ?? null;
      const link: OrderLink = { listId, kind: list.kind, role: m.role, parentId: m.parent === null ? null : `O${first + m.parent}`, };
      const x: Extra = {
        trail: m.request.trail ?? null,
        limitOffset: m.request.limitOffset ?? 0,
        display: m.request.displayQuantity ?? 0,
        group: m.oca ? group : null,
        parent,
        children: [],
        held: m.parent !== null,
        kind: list.kind,
      };
      const order = this.placeWith(m.request, this.tm.lookup(m.request.instrument), { link, x, refusal: refusal === null ? null : `list refused: ${refusal}` });
      const w = this.working.get(first + i);
      if (w !== undefined) placed[i] = w;
      return order.status === 'REJECTED'
        ? { accepted: false, orderId: order.id, clientOrderRef: order.clientOrderRef, reason: order.statusReason ?? '' }
        : { accepted: true, orderId: order.id, clientOrderRef: order.clientOrderRef };
    });
    return refusal === null ? { accepted: true, listId, orders: acks } : { accepted: false, listId, orders: acks, reason: refusal };
  }

  /**
   * What a valid list's members would be refused for one by one (a reused ref, a short, a trail with
   * no price to start from), checked before any is placed so that none is placed alone. OCO members
   * are alternatives: each is checked against the account as it is.
   */
  private listRefusal(members: readonly OrderListMember[]): string | null {
    const refs = new Set<string>();
    for (const { request: r, parent } of members) {
      const ref = r.clientOrderRef;
      if (ref !== undefined && (this.refs.has(ref) || refs.has(ref))) return `duplicate client order ref ${ref}`;
      if (ref !== undefined) refs.add(ref);
      if (parent !== null) continue;
      const inst = this.tm.lookup(r.instrument);
      const why =
        this.shortReason(r.side, r.quantity, r.instrument, inst, null) ??
        (r.trail !== undefined && r.stopPrice === undefined && !(this.lastPrice(inst) > 0) ? `no price of ${r.instrument} yet to start the trail from` : null);
      if (why !== null) return why;
    }
    return null;
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

  /**
   * Changes a working (or held) order at once: its total quantity (not below what has filled), its
   * limit or stop price, or its trail (the stop then restarts from the last known close, unless a
   * stop is given too). The changed order must still be a valid one.
   */
  modifyOrder(orderId: string, changes: OrderChanges): CancelAck {
    const w = this.working.get(orderNumber(orderId));
    if (!w) {
      const known = this.orders.get(orderId);
      return { accepted: false, orderId, reason: known ? `order ${orderId} is already ${known.status}` : `unknown order ${orderId}` };
    }
    const o = w.order;
    const x = w.x;
    const changed = changedRequest(o, changes);
    const why =
      (changes.limitPrice !== undefined && !hasLimit(o.type) ? `a ${o.type} order has no limit price to change` : null) ??
      (changes.trail !== undefined && !isTrailing(o.type) ? `a ${o.type} order has no trail to change` : null) ??
      invalidOrderReason(changed, true) ??
      (changed.quantity < o.filledQuantity - 1e-9 ? `the new quantity ${changed.quantity} is below the ${o.filledQuantity} already filled` : null);
    if (why !== null) return { accepted: false, orderId, reason: why };
    o.quantity = changed.quantity;
    if (changes.limitPrice !== undefined) o.limitPrice = changes.limitPrice;
    if (changes.stopPrice !== undefined) o.stopPrice = changes.stopPrice;
    if (changes.trail !== undefined && x !== null) {
      x.trail = changes.trail;
      o.extras = { ...o.extras, trail: changes.trail };
      if (changes.stopPrice === undefined && !x.held) o.stopPrice = trailingStop(o.side, changes.trail, this.tm.lastClose[w.inst]);
    }
    o.updatedAt = this.now();
    if (o.quantity - o.filledQuantity <= 1e-9) this.finish(w, 'CANCELLED', 'modified down to what had filled');
    return { accepted: true, orderId };
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

  getOpenOrders(instrument?: string): Order[] {
    if (instrument === undefined) return this.working.snapshot().map((w) => ({ ...w.order }));
    // A strategy asks this for each of its symbols every session: one instrument's queue, not every order.
    const inst = this.tm.lookup(instrument);
    const out: Order[] = [];
    if (inst < 0) return out;
    const queues = this.workingByInst;
    for (let k = 0; k < queues.size(inst); k++) out.push({ ...queues.at(inst, k).order });
    const held = this.heldByInst;
    for (let k = 0; k < held.size(inst); k++) out.push({ ...held.at(inst, k).order });
    return out;
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

  /** Like indexOf, but -1 for a symbol the run does not have. */
  lookup(symbol: string): number {
    return this.tm.lookup(symbol);
  }

  /** Signed remaining quantity of working orders per instrument. */
  pendingQuantities(): Map<string, number> {
    const m = new Map<string, number>();
    for (const w of this.working.snapshot()) {
      if (w.x !== null && w.x.held) continue;
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

  /** The session has opened and its bar not yet traded: orders placed now may fill on it. */
  atSessionOpen(): void {
    this.phase = 'open';
  }

  /**
   * Matches working orders against the current session's bars (the whole bar: open to close). From
   * here on the bar has traded: orders placed now, even in reaction to its fills, wait for the next.
   */
  processBar(): void {
    this.phase = 'close';
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
      used[inst] = this.grouped > 1 && size > 1 ? this.resolveGroups(inst, bar, phase, session, id) : 0;
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
        else if (w.sweep !== id && this.eligible(w, phase, session)) {
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

  /**
   * Before the passes over instrument `inst`: where this bar reaches two or more orders of one OCO
   * group, the one intrabar_policy says came first is matched now, and the group acts on the others
   * before they get the bar. Returns the units filled.
   */
  private resolveGroups(inst: number, bar: number, phase: 'bar' | 'decision', session: number, id: number): number {
    let used = 0;
    const seen: OcaGroup[] = [];
    for (const w of this.workingByInst.snapshot(inst)) {
      const g = w.x === null ? null : w.x.group;
      if (g === null || w.done || seen.includes(g)) continue;
      seen.push(g);
      const reach: Working[] = [];
      const candidates: IntrabarCandidate[] = [];
      for (const m of g.members) {
        if (m.done || m.inst !== inst || (m.x as Extra).held || !this.eligible(m, phase, session)) continue;
        if (this.matchOne(m, bar, phase, used, true) > 0) {
          reach.push(m);
          candidates.push({ price: this.scratchResult.price, sign: m.sign, level: this.levelOf(m) });
        }
      }
      if (reach.length < 2) continue;
      this.intrabar.ambiguous++;
      const policy = this.sim.intrabar_policy;
      const k = policy === 'finer_bars' ? this.finerFirst(reach, candidates, inst, bar) : firstReached(policy, candidates, this.tm.now.open[inst]);
      const first = reach[k];
      first.sweep = id;
      used += this.matchOne(first, bar, phase, used);
    }
    return used;
  }

  /** The price at which an order comes into play: its stop, else its limit, else the open. */
  private levelOf(w: Working): number {
    const o = w.order;
    return o.stopPrice ?? o.limitPrice ?? this.tm.now.open[w.inst];
  }

  /**
   * finer_bars: replays this bar from the instrument's lower-size bars and returns the candidate the
   * first of them reaches (worst_case among those one finer bar reaches together). With no finer bars,
   * worst_case, counted in intrabar.finerBarsMissing.
   */
  private finerFirst(reach: readonly Working[], candidates: readonly IntrabarCandidate[], inst: number, bar: number): number {
    const ts = this.tm.series[inst].ts;
    const from = ts[bar];
    const to = bar + 1 < ts.length ? ts[bar + 1] : from + (bar > 0 ? from - ts[bar - 1] : 86_400_000);
    const finer = this.finerBars === null ? [] : this.finerBars(inst, from, to);
    const mb = this.scratchBar;
    for (const fb of finer) {
      const hit: number[] = [];
      for (let i = 0; i < reach.length; i++) {
        // Set up for the order on this bar, then ask again of the finer bar's prices.
        this.matchOne(reach[i], bar, 'bar', 0, true);
        mb.open = fb.open;
        mb.high = fb.high;
        mb.low = fb.low;
        mb.close = fb.close;
        if (matchOrder(this.scratchOrder, mb, this.ctx, this.scratchResult).quantity > 0) hit.push(i);
      }
      if (hit.length === 1) return hit[0];
      if (hit.length > 1) return hit[firstReached('worst_case', hit.map((i) => candidates[i]), fb.open)];
    }
    this.intrabar.finerBarsMissing++;
    return firstReached('worst_case', candidates, this.tm.now.open[inst]);
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

  /**
   * Why selling `quantity` would open a short the account cannot hold, or null. Working sells count
   * against the position; the members of one OCO group are alternatives and count once (their
   * largest), and those of `own`, the group the new order joins, not at all.
   */
  private shortReason(side: Side, quantity: number, instrument: string, inst: number, own: OcaGroup | null): string | null {
    const acct = this.sim.account;
    if (side !== 'SELL' || shortsAllowed(acct)) return null;
    let sellable = this.portfolio.qty[inst];
    let groups: Map<OcaGroup, number> | null = null;
    const queues = this.workingByInst;
    for (let k = 0; k < queues.size(inst); k++) {
      const w = queues.at(inst, k);
      if (w.sign > 0) continue;
      const rest = w.order.quantity - w.order.filledQuantity;
      const g = w.x === null ? null : w.x.group;
      if (g === null) sellable -= rest;
      else if (g !== own) {
        groups ??= new Map();
        groups.set(g, Math.max(groups.get(g) ?? 0, rest));
      }
    }
    if (groups !== null) for (const rest of groups.values()) sellable -= rest;
    if (quantity <= sellable + 1e-9) return null;
    return acct.type === 'cash'
      ? `selling ${quantity} ${instrument} would open a short position, which a cash account cannot hold`
      : `selling ${quantity} ${instrument} would open a short position, and shorting is disabled`;
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

  /** Known before this bar trades: the volatility and volume statistics up to the previous bar. */
  private impactInputs(inst: number, bar: number): void {
    const st = this.statsFor(inst);
    this.ctx.sigmaDaily = st.sigma[bar - 1];
    this.ctx.adv20 = st.adv[bar - 1];
  }

  /** An iceberg shows at most its display size; a trailing stop-limit's limit follows its stop until the stop triggers, and stays there after. */
  private prepareExtras(x: Extra, o: Order): void {
    if (x.display > 0 && this.ctx.capacity > x.display) this.ctx.capacity = x.display;
    if (o.type === 'TRAILING_STOP_LIMIT' && !o.triggered) this.scratchOrder.limitPrice = trailingLimit(o.side, o.stopPrice ?? Number.NaN, x.limitOffset);
  }


  /**
   * Offers one bar to one order (this session's bar `bar`, `used` units of whose volume other orders
   * took); returns the units filled, for the bar's participation budget. A trailing order goes as the
   * stop or stop-limit it is now; an iceberg shows at most its display size. `dry`: only asks what
   * would fill, into scratchResult, and changes nothing (intrabar policies compare orders with it).
   */
  private matchOne(w: Working, bar: number, phase: 'bar' | 'decision', used: number, dry = false): number {
    // The setup is written out here, not in a helper: on the path of every order, a call boundary costs (c) a few percent.
    const now = this.tm.now;
    const inst = w.inst;
    const o = w.order;
    const sim = this.sim;
    const volume = now.volume[inst];
    const ctx = this.ctx;
    ctx.phase = phase;
    ctx.capacity = sim.use_volume_constraints ? Math.max(0, Math.floor(sim.max_participation_rate * volume - used)) : Number.POSITIVE_INFINITY;
    ctx.tickSize = this.tickSizes[inst];
    ctx.sigmaDaily = Number.NaN;
    ctx.adv20 = Number.NaN;
    if (sim.impact_k > 0 && bar > 0) this.impactInputs(inst, bar);
    const mo = this.scratchOrder;
    mo.side = o.side;
    mo.type = matchTypeOf(o.type);
    mo.timeInForce = o.timeInForce;
    mo.limitPrice = o.limitPrice;
    mo.stopPrice = o.stopPrice;
    const remaining = o.quantity - o.filledQuantity;
    mo.remaining = remaining;
    mo.triggered = o.triggered;
    const mb = this.scratchBar;
    mb.open = now.open[inst];
    mb.high = now.high[inst];
    mb.low = now.low[inst];
    mb.close = now.close[inst];
    mb.volume = volume;
    if (w.x !== null) this.prepareExtras(w.x, o);
    const m = matchOrder(mo, mb, ctx, this.scratchResult);
    if (dry) return m.quantity;
    if (w.x !== null && isTrailing(o.type)) this.trail(w, m.triggered, phase);
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

  /**
   * After a trailing order's bar: a stop-limit that just triggered keeps the limit its stop gave;
   * an untriggered stop follows the bar's favourable extreme. The bar was matched with the stop as
   * it stood before it: when the extreme came in the bar is unknown, so it moves the stop for later bars only.
   */
  private trail(w: Working, triggered: boolean, phase: 'bar' | 'decision'): void {
    const o = w.order;
    const x = w.x as Extra;
    if (triggered) {
      if (!o.triggered && o.type === 'TRAILING_STOP_LIMIT') o.limitPrice = this.scratchOrder.limitPrice;
      return;
    }
    if (phase !== 'bar' || x.trail === null || o.stopPrice === null) return;
    const extreme = o.side === 'SELL' ? this.scratchBar.high : this.scratchBar.low;
    o.stopPrice = ratchetStop(o.side, x.trail, o.stopPrice, extreme);
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
    if (!this.retain && listeners.length === 0) {
      if (w.x !== null) this.linkedFill(w, qty);
      return;
    }
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
    if (w.x !== null) this.linkedFill(w, qty);
  }

  /**
   * What a fill of `w` does to its list: the other members of its OCO group are cancelled or reduced
   * by as much, a bracket's exits grow to the entry's filled quantity (and start working at its
   * first fill), and an OTO's children start once the parent has filled.
   */
  private linkedFill(w: Working, qty: number): void {
    const x = w.x as Extra;
    const g = x.group;
    if (g !== null) {
      for (const m of g.members) {
        if (m === w || m.done) continue;
        if (g.action === 'cancel') this.finish(m, 'CANCELLED', `OCO: ${w.order.id} filled`);
        else if ((m.x as Extra).kind === 'BRACKET' && (m.x as Extra).parent !== null) this.sizeExit(m, w);
        else this.shrink(m, qty, w);
      }
    }
    for (const c of x.children) {
      if (c.done) continue;
      const cx = c.x as Extra;
      if (cx.kind === 'BRACKET') {
        this.sizeExit(c, w);
        if (!c.done && cx.held) this.activate(c);
      } else if (w.done && cx.held) this.activate(c);
    }
  }

  /** A bracket exit's quantity: the entry's filled units less what the other exits filled; cancelled when nothing is left. */
  private sizeExit(c: Working, by: Working): void {
    const x = c.x as Extra;
    const entry = x.parent as Working;
    let q = entry.order.filledQuantity;
    if (x.group !== null) for (const m of x.group.members) if (m !== c) q -= m.order.filledQuantity;
    if (q > c.order.filledQuantity + 1e-9) c.order.quantity = q;
    else this.finish(c, 'CANCELLED', `OCO: ${by.order.id} filled what this order was for`);
  }

  /** An OCO member reduced by another's fill of `qty`; cancelled when nothing is left. */
  private shrink(m: Working, qty: number, by: Working): void {
    const o = m.order;
    const q = o.quantity - qty;
    if (q > o.filledQuantity + 1e-9) o.quantity = q;
    else this.finish(m, 'CANCELLED', `OCO: ${by.order.id} filled what this order was for`);
  }

  /** A held order starts working from the next bar: ACCEPTED, offered bars, its trail started from this bar's close. */
  private activate(c: Working): void {
    const x = c.x as Extra;
    const o = c.order;
    x.held = false;
    this.heldByInst.remove(c.inst, c);
    if (x.trail !== null && o.stopPrice === null) o.stopPrice = trailingStop(o.side, x.trail, this.tm.lastClose[c.inst]);
    o.updatedAt = this.now();
    transition(o, 'ACCEPTED');
    c.eligibleFrom = this.tm.sessionIndex + 1;
    this.workingByInst.push(c.inst, c);
    if (x.group !== null) this.grouped++;
    if (this.wantsAccepted) this.emit({ type: 'OrderAccepted', order: o, at: o.updatedAt });
  }

  /** A parent that ended: with nothing filled its held children go too; an OTO parent that traded starts them. */
  private parentEnded(w: Working, status: 'CANCELLED' | 'REJECTED'): void {
    for (const c of (w.x as Extra).children) {
      if (c.done) continue;
      if (w.order.filledQuantity === 0) this.finish(c, 'CANCELLED', `parent ${w.order.id} ${status.toLowerCase()}`);
      else if ((c.x as Extra).held) this.activate(c);
    }
  }

  private finish(w: Working, status: 'CANCELLED' | 'REJECTED', reason: string): void {
    const o = w.order;
    transition(o, status);
    o.updatedAt = this.now();
    o.statusReason = reason;
    this.unlink(w);
    this.emit({ type: status === 'REJECTED' ? 'OrderRejected' : 'OrderCancelled', order: o, reason, at: o.updatedAt });
    if (w.x !== null && w.x.children.length > 0) this.parentEnded(w, status);
  }

  private reject(order: Order, reason: string): void {
    transition(order, 'REJECTED');
    order.statusReason = reason;
    this.emit({ type: 'OrderRejected', order, reason, at: order.updatedAt });
  }

  private unlink(w: Working): void {
    if (w.x !== null && !w.done) {
      if (w.x.held) this.heldByInst.remove(w.inst, w);
      else if (w.x.group !== null) this.grouped--;
    }
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
