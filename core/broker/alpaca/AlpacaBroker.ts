import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CancelAck, OrderListAck, OrderStatusReport, SubmitAck } from '../BrokerInterface';
import type { CancelOutcome } from '../cancelOutcome';
import { cancelOutcomeOfTracked, openOrdersOf, unknownOrdersOf } from '../trackedOrders';
import type { BrokerEventType, BrokerListener } from '../events';
import { orderStatusReport } from '../orderStatusReport';
import type { BarSeries } from '../../data/BarSeries';
import type { Fill, Order, OrderChanges, OrderRequest, Timestamp } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';
import type { AccountState, Position } from '../../domain/portfolio';
import type {
  BrokerAccountSummary,
  BrokerBar,
  BrokerBarsError,
  BrokerConnectionStatus,
  BrokerLogEntry,
  BrokerQuote,
  ConnectableBroker,
} from '../../service/trading/tradingBroker';
import { BrokerEventBus, Listeners } from '../ib/brokerEventBus';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffConfig } from '../ib/connection/backoff';
import type { LiveMode } from '../ib/store/ibStore';
import { AlpacaAccountBook } from './alpacaAccount';
import { AlpacaBook } from './alpacaBook';
import { AlpacaBars } from './alpacaBars';
import { AlpacaCommands } from './alpacaCommands';
import { AlpacaDataStream } from './alpacaDataStream';
import { downloadDailyBars, downloadIntradayBars } from './alpacaHistory';
import { AlpacaQuotes } from './alpacaQuotes';
import { AlpacaRequestError, AlpacaRest } from './alpacaRest';
import type { AlpacaTarget } from './alpacaTarget';
import { applyAdopted, applyTradeUpdate, type TradeUpdateDeps } from './applyTradeUpdate';
import { OrphanUpdates } from './orphanUpdates';
import { keyRedactor, redactedMessage } from './redact';
import { reconcileAlpaca, type AlpacaReconciliation, type SyncTrigger } from './reconcile';
import type { AlpacaAsset } from './schemas';
import { loadAlpacaFills, loadAlpacaOrders } from './store/alpacaStore';
import { openTradeUpdates, type TradeUpdatesSession } from './tradeUpdatesStream';

export interface AlpacaBrokerOptions {
  mode: LiveMode;
  /** The app database (openDatabase): orders, fills and reconciliation records go here first. */
  db: Database.Database;
  now?: () => Timestamp;
  backoff?: Partial<BackoffConfig>;
  /** Deadline of one REST request; a POST that times out has an unknown fate. */
  requestTimeoutMs?: number;
  /** How often a read is tried (429, 5xx, no answer) before the session is restarted. */
  readAttempts?: number;
  /** The SDK's client-side rate limit; false for none. Default: Alpaca's 200 requests a minute. */
  rateLimit?: { maxRequests: number; intervalMs: number } | false;
}

const url = (schemes: string[]) =>
  z
    .string()
    .min(1)
    .refine((v) => {
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a ${schemes.join(' or ')} URL`);

// Keys are checked for presence only: a message about them must never carry them.
const targetSchema = z.object({
  tradingBaseUrl: url(['http:', 'https:']),
  dataBaseUrl: url(['http:', 'https:']),
  tradingStreamUrl: url(['ws:', 'wss:']),
  dataStreamUrl: url(['ws:', 'wss:']),
  keyId: z.string().min(1, 'the key id is missing'),
  secretKey: z.string().min(1, 'the secret key is missing'),
});

/** Alpaca's trading hosts: a PAPER session never connects to the live one, nor LIVE to paper. */
const LIVE_HOST = 'api.alpaca.markets';
const PAPER_HOST = 'paper-api.alpaca.markets';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The Alpaca adapter (PAPER or LIVE) behind the one broker port, on the official SDK: REST for the
 * account, orders, positions and FILL activities, the trade_updates stream for order events, market
 * data for the screens. Commands answer at once; outcomes arrive as events. Orders are stored before
 * they are sent and never sent twice; every (re)connect subscribes to trade_updates, then reconciles
 * with Alpaca before orders flow, storing every difference with the app's own record.
 */
export class AlpacaBroker implements ConnectableBroker<AlpacaTarget> {
  readonly mode: LiveMode;
  private readonly db: Database.Database;
  private readonly now: () => Timestamp;
  private readonly backoff: BackoffConfig;
  private readonly requestTimeoutMs: number;
  private readonly readAttempts: number;
  private readonly rateLimit: { maxRequests: number; intervalMs: number } | false;
  private readonly events: BrokerEventBus;
  private readonly logs = new Listeners<BrokerLogEntry>();
  private readonly states = new Listeners<BrokerConnectionStatus>();
  private readonly reports = new Listeners<AlpacaReconciliation>();
  private readonly book: AlpacaBook;
  private readonly accounts = new AlpacaAccountBook();
  private readonly commands: AlpacaCommands;
  private readonly updates: TradeUpdateDeps;
  private readonly assets = new Map<string, AlpacaAsset>();
  private status: BrokerConnectionStatus = { state: 'disconnected', reason: null };
  private rest: AlpacaRest | null = null;
  private dataStream: AlpacaDataStream | null = null;
  private quotes: AlpacaQuotes | null = null;
  /** Bar subscriptions outlive a connection: each connect() subscribes them again. */
  private readonly bars = new AlpacaBars((level, text) => this.log(level, text));
  private stream: TradeUpdatesSession | null = null;
  private redact: (t: string) => string = (t) => t;
  /** Bumped by connect() and disconnect(): a session loop of an older generation stops. */
  private generation = 0;
  private lastReport: AlpacaReconciliation | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private accountRefresh: { running: Promise<void>; again: boolean } | null = null;

  constructor(opts: AlpacaBrokerOptions) {
    this.mode = opts.mode;
    this.db = opts.db;
    this.now = opts.now ?? Date.now;
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 15_000;
    this.readAttempts = opts.readAttempts ?? 5;
    this.rateLimit = opts.rateLimit ?? { maxRequests: 200, intervalMs: 60_000 };
    this.events = new BrokerEventBus((type, err) => this.log('error', `a broker event listener failed on ${type}: ${redactedMessage(err, this.redact)}`));
    this.book = new AlpacaBook(this.db, this.mode, this.now, (e) => this.events.emit(e), () => this.refreshAccountSoon());
    for (const { order, link } of loadAlpacaOrders(this.db, this.mode)) this.book.add(order, link);
    for (const { fill, key, alpacaOrderId } of loadAlpacaFills(this.db, this.mode)) this.book.restoreFill(fill, key, alpacaOrderId);
    this.commands = new AlpacaCommands({
      db: this.db,
      mode: this.mode,
      book: this.book,
      now: this.now,
      emit: (e) => this.events.emit(e),
      log: (level, text) => this.log(level, text),
      rest: () => this.rest,
      notReady: () => (this.status.state === 'ready' ? null : `not connected to Alpaca (${this.status.state}${this.status.reason ? `: ${this.status.reason}` : ''}); orders are sent only while ready`),
      asset: (s) => this.assets.get(s),
      quote: (s) => this.quotes?.latest(s) ?? null,
      position: (s) => this.accounts.quantities().get(s) ?? 0,
      adoptOrphans: () => applyAdopted(this.updates),
      rateLimitedAttempts: 5,
      restartSession: (why) => {
        if (!this.stream) return;
        this.log('warning', `${why}; reconnecting to reconcile`);
        this.stream.close();
      },
      track: (p) => this.track(p),
    });
    this.updates = {
      book: this.book,
      orphans: new OrphanUpdates(),
      log: (l, text) => this.log(l, text),
      afterReport: (t) => this.commands.afterReport(t),
    };
  }

  // ---- connection ----

  /**
   * Connects (and keeps reconnecting with backoff) to the target. Resolves the first time the
   * connection is ready; rejects if the keys are refused or disconnect() comes first.
   */
  connect(target: AlpacaTarget): Promise<void> {
    const parsed = targetSchema.safeParse(target);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.reject(new Error(`Alpaca connection: ${issue.path.join('.') || '(target)'}: ${issue.message}`));
    }
    const t = parsed.data;
    const host = new URL(t.tradingBaseUrl).hostname;
    if (this.mode === 'PAPER' && host === LIVE_HOST) return Promise.reject(new Error(`${host} is Alpaca's live trading host; a PAPER broker does not connect to it`));
    if (this.mode === 'LIVE' && host === PAPER_HOST) return Promise.reject(new Error(`${host} is Alpaca's paper trading host; a LIVE broker does not connect to it`));
    this.stop();
    this.redact = keyRedactor([t.secretKey, t.keyId]);
    this.rest = new AlpacaRest(t, {
      timeoutMs: this.requestTimeoutMs,
      readAttempts: this.readAttempts,
      backoff: this.backoff,
      rateLimit: this.rateLimit,
      redact: this.redact,
      onRetry: (_what, err, delayMs) => this.log('warning', `${err.message}; trying again in ${delayMs} ms`, err.status),
      onOrderLeaving: (ref) => this.commands.leaving(ref),
    });
    this.dataStream = new AlpacaDataStream(t, (level, text) => this.log(level, text), this.redact);
    this.quotes = new AlpacaQuotes(this.dataStream, () => this.rest, (level, text) => this.log(level, text), this.redact);
    const rest = this.rest;
    this.bars.attach(this.dataStream, async (symbol) => (await rest.asset(symbol)) !== null);
    const generation = ++this.generation;
    const ready = new Promise<void>((resolve, reject) => {
      const off = this.states.add((s) => {
        if (s.state === 'ready') {
          off();
          resolve();
        } else if (s.state === 'disconnected') {
          off();
          reject(new Error(s.reason ?? 'disconnected before the connection was ready'));
        }
      });
    });
    void this.run(t, generation);
    return ready;
  }

  disconnect(): void {
    this.stop();
    this.setState('disconnected', 'disconnected by the app');
  }

  get connectionState(): BrokerConnectionStatus {
    return { ...this.status };
  }

  onConnectionState(listener: (status: BrokerConnectionStatus) => void): () => void {
    return this.states.add(listener);
  }

  onLog(listener: (entry: BrokerLogEntry) => void): () => void {
    return this.logs.add(listener);
  }

  onReconciliation(listener: (r: AlpacaReconciliation) => void): () => void {
    return this.reports.add(listener);
  }

  lastReconciliation(): AlpacaReconciliation | null {
    return this.lastReport;
  }

  /** Resolves once no request the adapter started (orders, cancels, account refresh) is still running. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  // ---- orders ----

  submitOrder(request: OrderRequest): SubmitAck {
    return this.commands.submit(request);
  }

  submitOrders(requests: readonly OrderRequest[]): SubmitAck[] {
    return requests.map((r) => this.commands.submit(r));
  }

  submitOrderList(list: OrderListRequest): OrderListAck {
    return this.commands.submitList(list);
  }

  cancelOrder(orderId: string): CancelAck {
    return this.commands.cancel(orderId);
  }

  cancelOrders(orderIds: readonly string[]): CancelAck[] {
    return orderIds.map((id) => this.commands.cancel(id));
  }

  modifyOrder(orderId: string, changes: OrderChanges): CancelAck {
    return this.commands.modify(orderId, changes);
  }

  cancelOutcome(orderId: string): CancelOutcome {
    return cancelOutcomeOfTracked(this.book.get(orderId), orderId);
  }

  /** Orders sent whose fate Alpaca could not tell (unknown by client_order_id). Never re-sent. */
  unknownOrders(): Order[] {
    return unknownOrdersOf(this.book.all());
  }

  dismissUnknownOrder(orderId: string): CancelAck {
    return this.commands.dismissUnknown(orderId);
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
    return this.accounts.state(0);
  }

  accountSummary(): BrokerAccountSummary | null {
    return this.accounts.summary();
  }

  /** Reconciles with Alpaca now (orders, fills, positions, account). Rejects when not connected. */
  async sync(): Promise<void> {
    await this.idle();
    if (this.status.state !== 'ready') throw new Error(`not connected to Alpaca (${this.status.state})`);
    await this.reconcile('manual');
    this.commands.resume();
  }

  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void {
    return this.events.subscribe(listener, types);
  }

  // ---- market data ----

  /** Looks a symbol up at Alpaca (once; cached); orders need it looked up first. Rejects when Alpaca does not trade it. */
  async qualifyInstrument(symbol: string): Promise<AlpacaAsset> {
    const known = this.assets.get(symbol);
    if (known) return known;
    const rest = this.rest;
    if (!rest) throw new Error('not connected to Alpaca');
    const asset = await rest.asset(symbol);
    if (!asset) throw new Error(`Alpaca does not know the symbol ${symbol}`);
    if (!asset.tradable) throw new Error(`${symbol} is not tradable at Alpaca`);
    this.assets.set(symbol, asset);
    return asset;
  }

  subscribeQuotes(symbol: string, listener: (quote: BrokerQuote) => void): () => void {
    if (!this.quotes) throw new Error('not connected to Alpaca');
    return this.quotes.subscribe(symbol, listener);
  }

  /**
   * Streams the symbol's completed minute bars (the data stream's `bars` channel) until the returned
   * function is called; works before connect() too, and every connect() subscribes again. A symbol
   * Alpaca does not know is logged and told to `onError`.
   */
  subscribeBars(symbol: string, listener: (bar: BrokerBar) => void, onError?: (error: BrokerBarsError) => void): () => void {
    return this.bars.subscribe(symbol, listener, onError);
  }

  downloadDailyHistory(symbol: string, opts: { years: number }, onProgress?: (done: number, total: number) => void): Promise<BarSeries> {
    const rest = this.rest;
    if (!rest) return Promise.reject(new Error('not connected to Alpaca'));
    return downloadDailyBars(rest, symbol, opts.years, this.now(), onProgress);
  }

  /**
   * The last `bars` completed bars of `barSeconds` (under a day, dividing it evenly), all hours, stamped at their start
   * as the live bar stream stamps them; fewer when Alpaca has fewer.
   */
  downloadIntradayHistory(symbol: string, opts: { barSeconds: number; bars: number }): Promise<BarSeries> {
    const rest = this.rest;
    if (!rest) return Promise.reject(new Error('not connected to Alpaca'));
    return downloadIntradayBars(rest, symbol, opts.barSeconds, opts.bars, this.now());
  }

  // ---- internals ----

  private async run(target: AlpacaTarget, generation: number): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    while (generation === this.generation) {
      this.setState(connectedBefore ? 'reconnecting' : 'connecting', attempt > 0 ? 'retrying' : null);
      try {
        const rest = this.rest as AlpacaRest;
        await rest.account();
        const stream = await openTradeUpdates(
          target,
          {
            update: (u) => {
              try {
                applyTradeUpdate(u, this.updates);
              } catch (err) {
                // Not applied (e.g. the store refused the write): a new session's reconciliation applies it.
                this.log('error', `a trade update could not be applied: ${redactedMessage(err, this.redact)}; reconnecting to reconcile`);
                this.stream?.close();
              }
            },
            problem: (text) => this.log('warning', text),
          },
          this.redact,
          this.requestTimeoutMs,
        );
        if (generation !== this.generation) {
          stream.close();
          return;
        }
        this.stream = stream;
        await this.reconcile(connectedBefore ? 'reconnect' : 'connect');
        if (generation !== this.generation) return;
        connectedBefore = true;
        attempt = 0;
        this.setState('ready', null);
        this.commands.resume();
        const why = await stream.closed;
        if (generation !== this.generation) return;
        this.log('warning', `connection lost: ${why}; reconnecting`);
      } catch (err) {
        if (generation !== this.generation) return;
        const text = redactedMessage(err, this.redact);
        if (err instanceof AlpacaRequestError && err.kind === 'auth') {
          this.stop();
          this.setState('disconnected', `Alpaca refused the keys: ${text}`);
          this.log('error', `Alpaca refused the keys: ${text}`, err.status);
          return;
        }
        this.log('warning', `connecting to Alpaca failed: ${text}`);
      }
      this.stream?.close();
      this.stream = null;
      const delay = backoffDelay(attempt++, this.backoff);
      this.setState('reconnecting', `next attempt in ${delay} ms`);
      await sleep(delay);
    }
  }

  private async reconcile(trigger: SyncTrigger): Promise<void> {
    const rest = this.rest;
    if (!rest) throw new Error('not connected to Alpaca');
    const report = await reconcileAlpaca(
      { db: this.db, mode: this.mode, rest, book: this.book, accounts: this.accounts, now: this.now, log: (l, t) => this.log(l, t), isQueued: (id) => this.commands.isQueued(id) },
      trigger,
    );
    for (const t of this.book.all()) this.commands.sendCancelIfDue(t);
    this.lastReport = report;
    this.log('info', `reconciled with Alpaca (${trigger}): ${report.orders.length} orders changed, ${report.fills.length} fills learnt, ${report.positions.length} position differences, ${report.unknownOrders.length} unknown orders`);
    this.events.emit({ type: 'AccountChanged', account: this.getAccountState(), at: this.now() });
    this.reports.publish(report);
  }

  /** After a fill: account and positions read again (coalesced; a fill during a read asks for one more). */
  private refreshAccountSoon(): void {
    if (this.accountRefresh) {
      this.accountRefresh.again = true;
      return;
    }
    const run = async (): Promise<void> => {
      for (;;) {
        const rest = this.rest;
        if (!rest || !this.accountRefresh) return;
        this.accountRefresh.again = false;
        try {
          const [account, positions] = [await rest.account(), await rest.positions()];
          this.accounts.update(account, positions);
          this.events.emit({ type: 'AccountChanged', account: this.getAccountState(), at: this.now() });
        } catch (err) {
          this.log('warning', `the account could not be read after a fill: ${redactedMessage(err, this.redact)}`);
        }
        if (!this.accountRefresh.again) return;
      }
    };
    const state = { running: Promise.resolve(), again: false };
    this.accountRefresh = state;
    state.running = this.track(run().finally(() => (this.accountRefresh = null)));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  private stop(): void {
    this.generation++;
    this.stream?.close();
    this.stream = null;
    this.quotes?.close();
    this.bars.detach();
    this.dataStream?.close();
    this.dataStream = null;
  }

  private setState(state: BrokerConnectionStatus['state'], reason: string | null): void {
    if (this.status.state === state && this.status.reason === reason) return;
    this.status = { state, reason };
    this.states.publish({ ...this.status });
  }

  private log(level: BrokerLogEntry['level'], text: string, code: number | null = null): void {
    this.logs.publish({ at: this.now(), level, code, text: this.redact(text) });
  }
}
