import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { BrokerInterface, CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../BrokerInterface';
import type { CancelOutcome } from '../cancelOutcome';
import { cancelOutcomeOfTracked, openOrdersOf, unknownOrdersOf } from '../trackedOrders';
import type { BrokerEvent, BrokerEventType, BrokerListener } from '../events';
import { orderStatusReport } from '../orderStatusReport';
import type { BarSeries } from '../../data/BarSeries';
import type { Fill, Order, OrderChanges, OrderRequest, Timestamp } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';
import { isTerminal } from '../../domain/orderState';
import type { AccountState, Position } from '../../domain/portfolio';
import { AccountBook } from './account/accountBook';
import { feedAccount } from './account/accountFeed';
import { BrokerEventBus, Listeners } from './brokerEventBus';
import { DEFAULT_BACKOFF, type BackoffConfig } from './connection/backoff';
import { ConnectionManager } from './connection/connectionManager';
import { ContractRegistry } from './marketData/contracts';
import { HistoryDownloader, type HistoryConfig } from './marketData/historyDownloader';
import { QuoteFeed } from './marketData/quoteFeed';
import { RealTimeBars } from './marketData/realTimeBars';
import { releaseChildren } from './orders/attachedOrders';
import { OrderIdAllocator, RequestIds } from './orders/idAllocator';
import { OrderBook } from './orders/orderBook';
import { OrderCommands } from './orders/orderCommands';
import { routeOrderEvents } from './orders/orderEvents';
import { storeSink } from './orders/storeSink';
import { tracked } from './orders/trackedOrder';
import type { IbInstrument } from './parsing/ibOrders';
import { synchronize } from './reconcile/synchronizer';
import { highestIbOrderId, loadIbFills, loadIbOrders, recordAction, type LiveMode } from './store/ibStore';
import type {
  IbAccountSummary,
  IbConnectionSettings,
  IbConnectionStatus,
  IbLogEntry,
  Quote,
  RealTimeBar,
  RealTimeBarsError,
  ReconciliationReport,
} from './types';

export interface IbBrokerOptions {
  mode: LiveMode;
  /** The app database (openDatabase): orders, fills and reconciliation records go here first. */
  db: Database.Database;
  now?: () => Timestamp;
  backoff?: Partial<BackoffConfig>;
  /** Probe a quiet connection after this long, drop it after twice as long (half-open sockets). */
  heartbeatMs?: number;
  /** How long a request (reconciliation step, contract lookup) may wait for TWS. */
  requestTimeoutMs?: number;
  /** Rate limit of the client library (IB allows 50 messages/s). */
  maxReqPerSec?: number;
  history?: Partial<HistoryConfig>;
}

const settingsSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535),
    clientId: z.number().int().min(0).max(2_147_483_647),
    account: z.string().min(1).optional(),
  })
  .strict();

/** Ports IB uses for the other kind of account: connecting a PAPER broker to a live port is refused. */
const LIVE_PORTS = new Set([7496, 4001]);
const PAPER_PORTS = new Set([7497, 4002]);

/**
 * The Interactive Brokers adapter (PAPER or LIVE) behind the one broker port, on @stoqey/ib's
 * event-based IBApi. Commands answer at once; outcomes arrive as events. Orders are stored before
 * they are sent, sent only while the connection is ready, and reconciled with TWS on every connect.
 */
export class IbBroker implements BrokerInterface {
  readonly mode: LiveMode;
  private readonly db: Database.Database;
  private readonly now: () => Timestamp;
  private readonly manager: ConnectionManager;
  private readonly book: OrderBook;
  private readonly accounts: AccountBook;
  private readonly reqIds = new RequestIds();
  private readonly contracts: ContractRegistry;
  private readonly quotes: QuoteFeed;
  private readonly bars: RealTimeBars;
  private readonly history: HistoryDownloader;
  private readonly allocator = new OrderIdAllocator(0);
  private readonly commands: OrderCommands;
  private readonly events: BrokerEventBus;
  private readonly logs = new Listeners<IbLogEntry>();
  private readonly reports = new Listeners<ReconciliationReport>();
  private lastReport: ReconciliationReport | null = null;
  /** Announces a changed account (coalesced): fills, commissions, TWS's account and position reports. */
  private readonly accountTouched: () => void;

  constructor(opts: IbBrokerOptions) {
    this.mode = opts.mode;
    this.db = opts.db;
    const now = opts.now ?? Date.now;
    this.now = now;
    this.events = new BrokerEventBus((type, err) =>
      this.logs.publish({ at: now(), level: 'error', code: null, id: null, text: `a broker event listener failed on ${type}: ${err instanceof Error ? err.message : String(err)}` }),
    );
    const timeoutMs = opts.requestTimeoutMs ?? 15_000;
    this.manager = new ConnectionManager({
      backoff: { ...DEFAULT_BACKOFF, ...opts.backoff },
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      maxReqPerSec: opts.maxReqPerSec ?? 40,
      outgoing: (ibId) => this.commands.leaving(ibId),
      now,
      log: (e) => this.logs.publish(e),
    });
    this.book = new OrderBook(
      storeSink(this.db, this.mode, (e) => this.announce(e), () => this.accountTouched()),
      now,
    );
    this.accounts = new AccountBook(() => this.book.totalCommissions(), now);
    for (const { order, link } of loadIbOrders(this.db, this.mode)) this.book.add(tracked(order, link));
    for (const { fill, commissionKnown } of loadIbFills(this.db, this.mode)) this.book.restoreFill(fill, commissionKnown, fill.id);
    const scope = () => this.manager.scope();
    this.contracts = new ContractRegistry(scope, this.reqIds, timeoutMs);
    const log = (level: IbLogEntry['level'], text: string, id?: number) => this.logs.publish({ at: now(), level, code: null, id: id ?? null, text });
    this.quotes = new QuoteFeed({ hub: this.manager.hub, scope, contracts: this.contracts, reqIds: this.reqIds, log });
    this.bars = new RealTimeBars({ hub: this.manager.hub, scope, contracts: this.contracts, reqIds: this.reqIds, log });
    this.history = new HistoryDownloader({
      scope,
      contracts: this.contracts,
      reqIds: this.reqIds,
      config: { pacingBackoffMs: 15_000, maxPacingRetries: 3, timeoutMs: 60_000, ...opts.history },
      log,
    });
    this.commands = new OrderCommands({
      db: this.db,
      mode: this.mode,
      book: this.book,
      contracts: this.contracts,
      allocator: this.allocator,
      connection: {
        state: () => this.manager.tracker.state,
        reason: () => this.manager.tracker.status.reason,
        scope,
        account: () => this.manager.account,
        clientId: () => this.manager.clientId,
      },
      now,
      emit: (e) => this.events.emit(e),
      quote: (symbol) => this.quotes.latest(symbol),
      log,
    });
    routeOrderEvents(this.manager.hub, {
      book: this.book,
      allocator: this.allocator,
      clientId: () => this.manager.clientId,
      requestIds: () => this.manager.scope()?.request('asking for the next valid order id', (api) => api.reqIds(1)),
      now,
      log,
    });
    this.accountTouched = feedAccount(this.manager.hub, this.accounts, () => this.manager.account, () =>
      this.events.emit({ type: 'AccountChanged', account: this.accounts.state(), at: now() }),
    );
    this.manager.setSynchronizer(async (s, trigger, dataLost) => {
      const report = await synchronize(s, trigger, {
        db: this.db,
        mode: this.mode,
        book: this.book,
        accounts: this.accounts,
        reqIds: this.reqIds,
        timeoutMs,
        now,
        account: () => this.manager.account,
        log,
      });
      if (trigger !== 'manual' && (trigger !== 'restored' || dataLost)) {
        this.quotes.renewAll();
        this.bars.renewAll();
      }
      this.lastReport = report;
      this.accountTouched();
      this.reports.publish(report);
    });
  }

  /** The book's events to the listeners; an order's fill then lets the orders attached to it work. */
  private announce(e: BrokerEvent): void {
    this.events.emit(e);
    if (e.type === 'OrderFilled' || e.type === 'OrderPartiallyFilled') releaseChildren(this.book, e.order.id);
  }

  // ---- connection ----

  /**
   * Connects (and keeps reconnecting) with a fixed client id. Resolves the first time the connection
   * is ready; rejects if disconnect() comes first. The state is observable through onConnectionState.
   */
  connect(settings: IbConnectionSettings): Promise<void> {
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.reject(new Error(`connection settings: ${issue.path.join('.') || '(settings)'}: ${issue.message}`));
    }
    const s = parsed.data;
    if (this.mode === 'PAPER' && LIVE_PORTS.has(s.port)) return Promise.reject(new Error(`port ${s.port} is a live trading port; a PAPER broker does not connect to it`));
    if (this.mode === 'LIVE' && PAPER_PORTS.has(s.port)) return Promise.reject(new Error(`port ${s.port} is a paper trading port; a LIVE broker does not connect to it`));
    this.allocator.reset(highestIbOrderId(this.db, this.mode, s.clientId));
    const ready = new Promise<void>((resolve, reject) => {
      const off = this.manager.onState((st) => {
        if (st.state === 'ready') {
          off();
          resolve();
        } else if (st.state === 'disconnected') {
          off();
          reject(new Error('disconnected before the connection was ready'));
        }
      });
    });
    this.manager.start(s);
    return ready;
  }

  disconnect(): void {
    this.manager.stop();
  }

  get connectionState(): IbConnectionStatus {
    return this.manager.tracker.status;
  }

  onConnectionState(listener: (s: IbConnectionStatus) => void): () => void {
    return this.manager.onState(listener);
  }

  onLog(listener: (e: IbLogEntry) => void): () => void {
    return this.logs.add(listener);
  }

  onReconciliation(listener: (r: ReconciliationReport) => void): () => void {
    return this.reports.add(listener);
  }

  lastReconciliation(): ReconciliationReport | null {
    return this.lastReport;
  }

  // ---- orders ----

  submitOrder(request: OrderRequest): SubmitAck {
    return this.commands.submit(request);
  }

  submitOrders(requests: readonly OrderRequest[]): SubmitAck[] {
    return requests.map((r) => this.commands.submit(r));
  }

  /**
   * A bracket, OCO or OTO list, taken whole or refused whole. A bracket's exits (an OTO's children)
   * stay SUBMITTED while TWS holds them for the entry's fill, and are accepted once it fills.
   */
  submitOrderList(list: OrderListRequest): OrderListAck {
    return this.commands.submitList(list);
  }

  cancelOrder(orderId: string): CancelAck {
    return this.commands.cancel(orderId);
  }

  cancelOrders(orderIds: readonly string[]): CancelAck[] {
    return orderIds.map((id) => this.commands.cancel(id));
  }

  /** What became of the cancel of `orderId` this session asked for: withdrawn before it left, confirmed by TWS, unknown to TWS, ... */
  cancelOutcome(orderId: string): CancelOutcome {
    return cancelOutcomeOfTracked(this.book.get(orderId), orderId);
  }

  /** Changes a working order's quantity, prices or trail (placeOrder again with its IB id); TWS confirms with an openOrder. */
  modifyOrder(orderId: string, changes: OrderChanges): CancelAck {
    return this.commands.modify(orderId, changes);
  }

  /** Orders whose modification was sent and TWS has neither confirmed nor refused yet. */
  pendingModifications(): string[] {
    return this.commands.pendingModifications();
  }

  /** Orders sent but found at TWS neither open nor completed after a reconnect. Never re-sent. */
  unknownOrders(): Order[] {
    return unknownOrdersOf(this.book.all());
  }

  /**
   * The trader's decision on an unknown order: it did not reach TWS, so it is closed here as
   * cancelled (recorded in executed_actions). If TWS reports it later after all, its fills still count.
   */
  dismissUnknownOrder(orderId: string): CancelAck {
    const t = this.book.get(orderId);
    if (!t || !t.link.unknown || isTerminal(t.order.status)) return { accepted: false, orderId, reason: `order ${orderId} is not an unknown open order` };
    const reason = 'not found at TWS after a reconnect; dismissed by the trader';
    this.book.applyStatus(t, { status: 'CANCELLED', reason });
    recordAction(this.db, this.mode, this.now(), 'IB_ORDER_UNKNOWN_DISMISSED', t.order.instrument, { orderId, clientOrderRef: t.order.clientOrderRef, ibOrderId: t.link.ibOrderId });
    return { accepted: true, orderId };
  }

  getOrderStatus(orderId: string): OrderStatusReport | undefined {
    const o = this.commands.order(orderId);
    return o ? orderStatusReport(o) : undefined;
  }

  getOrderStatuses(orderIds: readonly string[]): (OrderStatusReport | undefined)[] {
    return orderIds.map((id) => this.getOrderStatus(id));
  }

  getOpenOrders(): Order[] {
    return openOrdersOf(this.book.all());
  }

  getFills(since?: Timestamp): Fill[] {
    return this.book.fills(since);
  }

  getPositions(): Position[] {
    return this.accounts.allPositions();
  }

  getAccountState(): AccountState {
    return this.accounts.state();
  }

  /** Net liquidation, cash, buying power and day P&L as TWS reports them; null before the first report. */
  accountSummary(): IbAccountSummary | null {
    return this.accounts.summary();
  }

  /** Reconciles with TWS now (orders, fills, positions, account). Rejects when not connected. */
  sync(): Promise<void> {
    return this.manager.resync();
  }

  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void {
    return this.events.subscribe(listener, types);
  }

  // ---- market data ----

  /** Looks a US stock up at IB (once; cached). Orders need their instrument looked up first. */
  qualifyInstrument(symbol: string): Promise<IbInstrument> {
    return this.contracts.qualify(symbol);
  }

  /** Streams last, bid and ask (delayed when the account has no live data) until the returned function is called. */
  subscribeQuotes(symbol: string, listener: (q: Quote) => void): () => void {
    return this.quotes.subscribe(symbol, listener);
  }

  /**
   * Streams the symbol's completed 5-second bars (TRADES, all hours) until the returned function is
   * called: one TWS request per symbol, renewed on every new session and after 1101. TWS refusing it
   * (no permission, unknown contract, ...) is logged and told to `onError`; it is asked for again on
   * the next connection. Malformed bars are logged and dropped.
   */
  subscribeBars(symbol: string, listener: (bar: RealTimeBar) => void, onError?: (error: RealTimeBarsError) => void): () => void {
    return this.bars.subscribe(symbol, listener, onError);
  }

  /** Daily bars of the last `years` years, a year per request, serialized and paced; progress per year. */
  downloadDailyHistory(symbol: string, opts: { years: number }, onProgress?: (done: number, total: number) => void): Promise<BarSeries> {
    return this.history.download(symbol, opts.years, onProgress);
  }

  /**
   * The last `bars` completed bars of `barSeconds` (under a day), all hours, stamped at their start as the
   * real-time bars a session forms are; fewer when IB has fewer. Serialized and paced with the daily downloads.
   */
  downloadIntradayHistory(symbol: string, opts: { barSeconds: number; bars: number }): Promise<BarSeries> {
    return this.history.downloadIntraday(symbol, opts.barSeconds, opts.bars, this.now());
  }
}
