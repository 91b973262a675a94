import type { AlpacaTarget } from '../../broker/alpaca/alpacaTarget';
import type { CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../../broker/BrokerInterface';
import { cancelOutcomeOf, type CancelOutcome } from '../../broker/cancelOutcome';
import type { BrokerEventType, BrokerListener } from '../../broker/events';
import type { Bar, BarSeries } from '../../data/BarSeries';
import { dailySeries, seriesFromBars } from '../../data/seriesFromBars';
import type { Mode } from '../../domain/enums';
import type { Fill, Order, OrderChanges, OrderRequest, Timestamp } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';
import type { AccountState, Position } from '../../domain/portfolio';
import type { ConnectionState } from '../../ipc/contract/trading';
import type { BacktestBroker } from '../../sim/BacktestBroker';
import { testMarket } from '../../sim/testMarket';
import type { TimeMachine } from '../../sim/timeMachine';
import type {
  BrokerAccountSummary,
  BrokerBar,
  BrokerBarsError,
  BrokerConnectionStatus,
  BrokerLogEntry,
  BrokerQuote,
  BrokerSession,
  BrokerSettings,
  ConnectableBroker,
  IbTarget,
} from './tradingBroker';

/**
 * For tests: a TradingBroker whose market and orders are the backtest simulator's, with a
 * connection, log and quotes the test drives by hand. `closes[symbol]` are the daily closes the
 * market steps through (each bar opens, highs and lows at its close).
 */
/** A TestSimBroker's session, connecting to the target of the settings it was built with. */
export function simSession(broker: TestSimBroker): BrokerSession & { broker: TestSimBroker } {
  return { broker, connect: () => broker.connect(broker.settings.target) };
}

export class TestSimBroker implements ConnectableBroker<IbTarget | AlpacaTarget> {
  readonly mode: Mode;
  readonly inner: BacktestBroker;
  readonly modifications: { orderId: string; changes: OrderChanges }[] = [];
  unknown: Order[] = [];
  dismissed: string[] = [];
  history: Bar[] = [];
  /** False: the broker has not reported the account yet (accountSummary() is null). */
  accountReported = true;
  /** When set, connect() fails with this message. */
  refuseConnect: string | null = null;
  /** When set, connect() stays pending in this state until setState('ready'). */
  holdConnect: ConnectionState | null = null;
  /** The target connect() was called with. */
  connectedTo: IbTarget | AlpacaTarget | null = null;
  /** Cancels asked for: the simulated venue answers each at once. */
  private readonly cancelsAsked = new Set<string>();
  private status: BrokerConnectionStatus = { state: 'disconnected', reason: null };
  private readonly tm: TimeMachine;
  private readonly nextBar: () => void;
  private readonly stateListeners = new Set<(s: BrokerConnectionStatus) => void>();
  private readonly logListeners = new Set<(e: BrokerLogEntry) => void>();
  private readonly quoteListeners = new Map<string, Set<(q: BrokerQuote) => void>>();
  private readonly barListeners = new Map<string, Set<(b: BrokerBar) => void>>();

  constructor(
    readonly settings: BrokerSettings,
    closes: Record<string, number[]>,
    initialCash = 100_000,
  ) {
    this.mode = settings.mode;
    const series = Object.entries(closes).map(([symbol, cs]) => dailySeries(symbol, cs.map((c) => [c, c, c, c, 1e9])));
    const market = testMarket(series, { sim: { commission: { model: 'per_share', rate: 0.01, minimum: 1 }, slippage_bps: 0, spread_bps: 0 }, initialCash });
    this.tm = market.tm;
    this.inner = market.broker;
    this.nextBar = market.step;
  }

  /**
   * The market moves to its next bar: working orders meet it, quotes follow it, and while the
   * connection is ready every bar subscription of a symbol with a bar in the new session gets it as
   * one completed bar, as the fake TWS sends it: time = the bar's stamp + the series' bar length - 5 s
   * (its last 5-second slice), seconds 5, the whole bar's open, high, low, close and volume. A step
   * while not ready sends no bar (missed, as from a broker during an outage).
   */
  step(): void {
    this.nextBar();
    for (const [symbol, listeners] of this.quoteListeners) for (const l of listeners) l(this.quoteOf(symbol));
    if (this.status.state !== 'ready') return;
    for (const [symbol, listeners] of this.barListeners) {
      const bar = this.barOf(symbol);
      if (bar) for (const l of [...listeners]) l({ ...bar });
    }
  }

  setState(state: ConnectionState, reason: string | null = null): void {
    this.status = { state, reason };
    for (const l of this.stateListeners) l(this.status);
  }

  log(entry: BrokerLogEntry): void {
    for (const l of this.logListeners) l(entry);
  }

  quoteSubscribers(symbol: string): number {
    return this.quoteListeners.get(symbol)?.size ?? 0;
  }

  barSubscribers(symbol: string): number {
    return this.barListeners.get(symbol)?.size ?? 0;
  }

  // ---- TradingBroker ----

  connect(target: IbTarget | AlpacaTarget): Promise<void> {
    this.connectedTo = target;
    this.setState('connecting');
    if (this.refuseConnect !== null) {
      this.setState('disconnected', this.refuseConnect);
      return Promise.reject(new Error(this.refuseConnect));
    }
    if (this.holdConnect !== null) {
      this.setState(this.holdConnect, 'connection refused (502); retrying');
      return new Promise((resolve) => {
        const off = this.onConnectionState((st) => {
          if (st.state === 'ready') {
            off();
            resolve();
          }
        });
      });
    }
    this.setState('ready');
    return Promise.resolve();
  }

  disconnect(): void {
    this.setState('disconnected');
  }

  get connectionState(): BrokerConnectionStatus {
    return this.status;
  }

  onConnectionState(listener: (s: BrokerConnectionStatus) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onLog(listener: (e: BrokerLogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** Recorded for tests to read, and carried out by the simulator. */
  modifyOrder(orderId: string, changes: OrderChanges): CancelAck {
    this.modifications.push({ orderId, changes });
    return this.inner.modifyOrder(orderId, changes);
  }

  unknownOrders(): Order[] {
    return this.unknown;
  }

  dismissUnknownOrder(orderId: string): CancelAck {
    const known = this.unknown.some((o) => o.id === orderId);
    if (known) this.dismissed.push(orderId);
    this.unknown = this.unknown.filter((o) => o.id !== orderId);
    return known ? { accepted: true, orderId } : { accepted: false, orderId, reason: `order ${orderId} is not an unknown open order` };
  }

  /** The simulator knows the symbols of its market and no other. */
  async qualifyInstrument(symbol: string): Promise<void> {
    if (this.tm.lookup(symbol) < 0) throw new Error(`IB knows no US stock ${symbol}`);
  }

  subscribeQuotes(symbol: string, listener: (q: BrokerQuote) => void): () => void {
    const set = this.quoteListeners.get(symbol) ?? new Set();
    this.quoteListeners.set(symbol, set);
    set.add(listener);
    listener(this.quoteOf(symbol));
    return () => set.delete(listener);
  }

  /** Bars from the next step on (nothing at once). An unknown symbol is logged and told to `onError`, and streams nothing. */
  subscribeBars(symbol: string, listener: (bar: BrokerBar) => void, onError?: (error: BrokerBarsError) => void): () => void {
    if (this.tm.lookup(symbol) < 0) {
      const text = `IB knows no US stock ${symbol}`;
      this.log({ at: Date.now(), level: 'error', code: null, text: `no real-time bars for ${symbol}: ${text}` });
      onError?.({ code: null, text });
      return () => {};
    }
    const set = this.barListeners.get(symbol) ?? new Set();
    this.barListeners.set(symbol, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  async downloadDailyHistory(symbol: string, _opts: { years: number }, onProgress?: (done: number, total: number) => void): Promise<BarSeries> {
    onProgress?.(1, 1);
    return seriesFromBars(symbol, this.history);
  }

  /** A test sets `history` at the size it asks for: the last `bars` of it. */
  async downloadIntradayHistory(symbol: string, opts: { barSeconds: number; bars: number }): Promise<BarSeries> {
    return seriesFromBars(symbol, this.history.slice(-opts.bars), opts.barSeconds);
  }

  accountSummary(): BrokerAccountSummary | null {
    if (!this.accountReported) return null;
    const a = this.inner.getAccountState();
    return { netLiquidation: a.equity, cash: a.cash, buyingPower: a.buyingPower, dayPnl: a.unrealizedPnl + a.realizedPnl };
  }

  // ---- BrokerInterface, delegated to the simulator ----

  submitOrder(request: OrderRequest): SubmitAck {
    return this.inner.submitOrder(request);
  }
  submitOrders(requests: readonly OrderRequest[]): SubmitAck[] {
    return this.inner.submitOrders(requests);
  }
  submitOrderList(list: OrderListRequest): OrderListAck {
    return this.inner.submitOrderList(list);
  }
  cancelOrder(orderId: string): CancelAck {
    const ack = this.inner.cancelOrder(orderId);
    if (ack.accepted) this.cancelsAsked.add(orderId);
    return ack;
  }
  cancelOrders(orderIds: readonly string[]): CancelAck[] {
    return orderIds.map((id) => this.cancelOrder(id));
  }
  cancelOutcome(orderId: string): CancelOutcome {
    const o = this.inner.getOrderStatus(orderId);
    const asked: CancelOutcome | null = this.cancelsAsked.has(orderId) ? { state: 'pending', detail: null } : null;
    return o ? cancelOutcomeOf(asked, o.status, o.statusReason) : { state: 'not_requested', detail: `unknown order ${orderId}` };
  }
  getOrderStatus(orderId: string): OrderStatusReport | undefined {
    return this.inner.getOrderStatus(orderId);
  }
  getOrderStatuses(orderIds: readonly string[]): (OrderStatusReport | undefined)[] {
    return this.inner.getOrderStatuses(orderIds);
  }
  getOpenOrders(): Order[] {
    return this.inner.getOpenOrders();
  }
  getFills(since?: Timestamp): Fill[] {
    return this.inner.getFills(since);
  }
  getPositions(): Position[] {
    return this.inner.getPositions();
  }
  getAccountState(): AccountState {
    return this.inner.getAccountState();
  }
  sync(): Promise<void> {
    return this.inner.sync();
  }
  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void {
    return this.inner.subscribe(listener, types);
  }

  /** The symbol's bar of the current session as a 5-second bar at its last slice; null when it has none. */
  private barOf(symbol: string): BrokerBar | null {
    const i = this.tm.lookup(symbol);
    if (i < 0 || Number.isNaN(this.tm.now.close[i])) return null;
    const seconds = this.tm.series[i].barSeconds;
    const time = this.tm.asOf + (seconds >= 5 ? (seconds - 5) * 1000 : 0);
    const { open, high, low, close, volume } = this.tm.now;
    return { time, seconds: 5, open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i] };
  }

  private quoteOf(symbol: string): BrokerQuote {
    const i = this.tm.lookup(symbol);
    const close = i < 0 ? Number.NaN : this.tm.now.close[i];
    const last = Number.isNaN(close) ? null : close;
    return { last, bid: last, ask: last, delayed: false };
  }
}
