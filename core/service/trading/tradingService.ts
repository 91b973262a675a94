import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../../broker/events';
import type { ExecutionConfig } from '../../config/executionConfigSchema';
import type { OrderRequest } from '../../domain/order';
import { invalidOrderListReason } from '../../domain/orderList';
import { invalidOrderReason } from '../../domain/orderValidation';
import { checkOrder } from '../../engine/risk/checkOrder';
import { Kernel } from '../../engine/kernel/kernel';
import { riskGate } from '../../engine/kernel/riskGate';
import { CircuitBreaker, type BreakerState, type FailureSource } from '../../engine/risk/circuitBreaker';
import { runKillSwitch } from '../../engine/risk/killSwitch';
import { riskLimitsOf, type Clock, type RiskVerdict } from '../../engine/risk/riskTypes';
import {
  BRACKET_ROLES,
  type AlpacaKeysStateDto,
  type BracketRole,
  type CheckOrderResult,
  type CommandAckDto,
  type HistoryChoice,
  type HistoryDownloadDto,
  type ConnectInput,
  type ConnectionDto,
  type ConnectionPreset,
  type ConnectionState,
  type KillSwitchReportDto,
  type LogEntryDto,
  type MemberVerdictDto,
  type ModeStateDto,
  type ModifyInput,
  type OrderTicket,
  type QuoteDto,
  type RiskStateDto,
  type SubmitResultDto,
  type TradingEmit,
  type TradingMode,
  type TradingStateDto,
} from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { environmentHasKeys, NO_VAULT, type AlpacaKeys, type Env, type KeyVault } from './alpacaKeys';
import { connectionFields, sessionSettings, targetText } from './sessionSettings';
import { HistoryDownloads } from './historyDownload';
import { LiveArming } from './liveArming';
import { LogRing } from './logRing';
import { QuoteBook } from './quoteBook';
import { bracketOf, requestOf, riskSnapshot, UNKNOWN_SNAPSHOT, type BracketRequest } from './riskInputs';
import { riskOrderOf } from '../../engine/risk/riskOrder';
import { acknowledgeDifference, openDifferences } from '../../broker/ib/store/differences';
import { unknownOrderDto } from './reconciliationView';
import { killSwitchCancelDto, settleCancels } from './killSwitchReport';
import { recordArrival } from '../../store/orderArrivals';
import type { ExecutionAnalytics } from '../execution/executionAnalytics';
import { liveExecution } from '../execution/runExecution';
import { recordAction } from './tradingActions';
import { accountDto, executionDto, orderDto, positionDto } from './tradingDtos';
import type { BrokerFactory, BrokerSettings, TradingBroker } from './tradingBroker';

export interface TradingServiceOptions {
  db: Database.Database;
  /** configs/execution/paper.yaml and live.yaml: each mode's risk limits, circuit breaker and default connection. */
  configs: Record<TradingMode, ExecutionConfig>;
  createBroker: BrokerFactory;
  emit: TradingEmit;
  /** The only source of time; the host passes the wall clock, tests their own. */
  clock: Clock;
  /** Entries the message log keeps; default 500. */
  logCapacity?: number;
  /**
   * How long connect() waits for the broker to be ready before answering with the state it is in
   * (it keeps trying in the background: TWS may still be starting); default 15 s.
   */
  connectWaitMs?: number;
  /** How long the kill switch waits for the broker's answers to its cancels before reporting; default 5 s. */
  killSwitchWaitMs?: number;
  /** Where Alpaca keys come from: the engine's environment (default process.env) and the keychain (default none, as in web mode). */
  alpacaKeys?: { env?: Env; vault?: KeyVault };
}

interface Session {
  broker: TradingBroker;
  settings: BrokerSettings;
  preset: ConnectionPreset;
  stop: (() => void)[];
}

/** A ticket's orders as judged before sending (see judge). */
interface Judged {
  /** The single order, or the bracket's entry. */
  request: OrderRequest;
  list: BracketRequest | null;
  /** A bracket's members' verdicts, entry first. */
  members: MemberVerdictDto[] | null;
  verdict: RiskVerdict;
  lastPrice: number;
  /** What the order's (the list's) own rules refuse, or null. */
  invalid: string | null;
}

/** How a refusal names a bracket's member. */
const BRACKET_ROLE_NAMES: Record<BracketRole, string> = { ENTRY: 'entry', TAKE_PROFIT: 'take-profit', STOP_LOSS: 'stop-loss' };

/** Refused lists remembered for counting once: far more than a breaker's window holds. */
const MAX_REFUSED_LISTS = 1000;

/** Executions the screen lists (newest first). */
const MAX_EXECUTIONS = 500;

const DISCONNECTED: ConnectionDto = {
  state: 'disconnected',
  preset: null,
  broker: null,
  host: null,
  port: null,
  clientId: null,
  detail: null,
  since: null,
  keysFrom: null,
};

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Settles with `p` or, after `ms`, resolves anyway: a timer, not a reading of the clock. */
function waitAtMost(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([p, elapsed]).finally(() => clearTimeout(timer));
}

/**
 * Manual trading through one broker at a time: connection, PAPER/LIVE mode, pre-trade risk checks
 * and circuit breaker, orders, kill switch, and everything the trading screens show. Every order
 * passes the same checks whatever the broker.
 */
export class TradingService {
  private session: Session | null = null;
  private connection: ConnectionDto = DISCONNECTED;
  private readonly breakers: Record<TradingMode, CircuitBreaker>;
  private readonly log: LogRing<LogEntryDto>;
  private readonly quotes: QuoteBook;
  private readonly arming = new LiveArming();
  private readonly history: HistoryDownloads;
  private readonly keyEnv: Env;
  private readonly vault: KeyVault;
  private lastKillSwitch: KillSwitchReportDto | null = null;
  /** Lists whose rejection the breaker has counted (see onBrokerEvent). */
  private readonly refusedLists = new Set<string>();
  /** Per broker and mode: the kernel its orders go through (see kernelFor). */
  private readonly kernels = new WeakMap<TradingBroker, Partial<Record<TradingMode, Kernel>>>();
  private readonly clock: Clock;
  private readonly emit: TradingEmit;

  constructor(private readonly opts: TradingServiceOptions) {
    this.clock = opts.clock;
    this.emit = opts.emit;
    this.log = new LogRing(opts.logCapacity ?? 500);
    this.history = new HistoryDownloads(opts.db);
    this.keyEnv = opts.alpacaKeys?.env ?? process.env;
    this.vault = opts.alpacaKeys?.vault ?? NO_VAULT;
    this.quotes = new QuoteBook(this.clock, (q) => this.emit('trading.quote', q));
    this.breakers = {
      PAPER: new CircuitBreaker(opts.configs.PAPER.risk_checks.circuit_breaker, this.clock),
      LIVE: new CircuitBreaker(opts.configs.LIVE.risk_checks.circuit_breaker, this.clock),
    };
    for (const b of Object.values(this.breakers)) b.onChange(() => this.emit('trading.risk', this.riskState()));
  }

  get mode(): TradingMode {
    return this.arming.mode;
  }

  private get config(): ExecutionConfig {
    return this.opts.configs[this.mode];
  }

  private get breaker(): CircuitBreaker {
    return this.breakers[this.mode];
  }

  // ---- connection ----

  async connect(input: ConnectInput): Promise<ConnectionDto> {
    this.refuseSecondSession();
    const { settings, rememberKeys } = await sessionSettings(input, this.mode, this.config, this.keyEnv, this.vault);
    // Reading the keychain gave the event loop away: another connect, or arming LIVE, may have come meanwhile.
    this.refuseSecondSession();
    if (settings.mode !== this.mode) throw new ApiError('CONFLICT', `the mode changed to ${this.mode} while connecting; connect again`);
    const made = this.opts.createBroker(settings);
    const broker = made.broker;
    const session: Session = { broker, settings, preset: input.preset, stop: [] };
    this.session = session;
    session.stop.push(
      broker.subscribe((e) => this.onBrokerEvent(e)),
      broker.onConnectionState((status) => this.setConnection(status.state, status.reason)),
      broker.onLog(({ at, level, code, text }) => this.addLog({ ts: at, level, code, message: text })),
    );
    this.quotes.attach(broker);
    this.setConnection('connecting', null);
    try {
      const ready = made.connect();
      // Still trying when the wait ends: the answer says so, and the state events follow.
      ready.catch(() => undefined);
      await waitAtMost(ready, this.opts.connectWaitMs ?? 15_000);
    } catch (err) {
      if (this.session === session) this.endSession();
      broker.disconnect();
      const why = `could not connect to ${targetText(settings)}: ${message(err)}`;
      this.addLog({ ts: this.clock(), level: 'error', code: null, message: why });
      this.setConnection('disconnected', why);
      throw new ApiError('UNAVAILABLE', why);
    }
    if (this.session !== session) throw new ApiError('CONFLICT', 'disconnected while connecting');
    const status = broker.connectionState;
    this.setConnection(status.state, status.reason);
    if (rememberKeys) this.keepKeysOnceReady(session, rememberKeys);
    return this.connection;
  }

  private refuseSecondSession(): void {
    if (this.session) throw new ApiError('CONFLICT', `already connected to ${targetText(this.session.settings)}; disconnect first`);
  }

  /** Keys the trader typed and asked to keep are kept once a session is ready with them (keys Alpaca refuses never are). */
  private keepKeysOnceReady(session: Session, keys: AlpacaKeys): void {
    if (session.broker.connectionState.state === 'ready') {
      void this.keepKeys(keys);
      return;
    }
    let kept = false;
    const off = session.broker.onConnectionState((s) => {
      if (kept || s.state !== 'ready') return;
      kept = true;
      void this.keepKeys(keys);
    });
    session.stop.push(off);
  }

  /** A failure to keep the keys is logged; the session goes on. */
  private async keepKeys(keys: AlpacaKeys): Promise<void> {
    try {
      await this.vault.save(keys);
      this.addLog({ ts: this.clock(), level: 'info', code: null, message: 'Alpaca keys kept in the OS keychain' });
    } catch (err) {
      this.addLog({ ts: this.clock(), level: 'warning', code: null, message: `Alpaca keys could not be kept in the OS keychain: ${message(err)}` });
    }
  }

  /** Forgets the Alpaca keys kept in the keychain (the environment's are the environment's business). */
  async forgetAlpacaKeys(): Promise<AlpacaKeysStateDto> {
    await this.vault.clear();
    return this.alpacaKeysState();
  }

  private alpacaKeysState(): AlpacaKeysStateDto {
    return { environment: environmentHasKeys(this.keyEnv), keychain: this.vault.stored(), canStore: this.vault.canStore };
  }

  async disconnect(): Promise<ConnectionDto> {
    const session = this.session;
    if (!session) return this.connection;
    this.endSession();
    session.broker.disconnect();
    this.setConnection('disconnected', 'disconnected by the trader');
    return this.connection;
  }

  private endSession(): void {
    const session = this.session;
    if (!session) return;
    this.quotes.detach();
    for (const stop of session.stop) stop();
    this.session = null;
  }

  /** Records and pushes a connection change; a repeat of the current state with nothing new to say is dropped. */
  private setConnection(state: ConnectionState, detail: string | null): void {
    const s = this.session?.settings;
    const prev = this.connection;
    const next: ConnectionDto = {
      state,
      preset: this.session?.preset ?? prev.preset,
      ...(s ? connectionFields(s) : { broker: prev.broker, host: prev.host, port: prev.port, clientId: prev.clientId, keysFrom: prev.keysFrom }),
      detail: detail ?? (state === prev.state ? prev.detail : null),
      since: state === prev.state ? prev.since : this.clock(),
    };
    const same = (Object.keys(next) as (keyof ConnectionDto)[]).every((k) => next[k] === prev[k]);
    if (same) return;
    this.connection = next;
    this.emit('trading.connection', next);
  }

  private addLog(entry: LogEntryDto): void {
    this.log.push(entry);
    this.emit('trading.log', entry);
  }

  // ---- mode ----

  armLive(phrase: string): ModeStateDto {
    if (this.session) throw new ApiError('CONFLICT', 'disconnect before arming LIVE: a session keeps the mode it was opened in');
    this.arming.arm(phrase, this.clock());
    recordAction(this.opts.db, 'LIVE', this.clock(), 'LIVE_ARMED', null, {});
    this.emit('trading.risk', this.riskState());
    return this.arming.state();
  }

  /** Back to PAPER at once; a live session is disconnected first (its working orders stay at the broker). */
  async disarmLive(): Promise<ModeStateDto> {
    if (this.mode === 'LIVE') {
      await this.disconnect();
      this.arming.disarm();
      recordAction(this.opts.db, 'LIVE', this.clock(), 'LIVE_DISARMED', null, {});
      this.emit('trading.risk', this.riskState());
    }
    return this.arming.state();
  }

  // ---- orders ----

  /** The pre-trade check the ticket shows: the risk verdict (each member's, for a bracket) and anything else that would stop the send. */
  checkOrder(ticket: OrderTicket): CheckOrderResult {
    const judged = this.judge(ticket);
    const blockers = this.blockers();
    if (judged.invalid !== null) blockers.push(judged.invalid);
    return {
      ok: judged.verdict.passed && blockers.length === 0,
      risk: judged.verdict,
      blockers,
      lastPrice: Number.isFinite(judged.lastPrice) ? judged.lastPrice : null,
      needsConfirm: this.mode === 'LIVE',
      ...(judged.members === null ? {} : { members: judged.members }),
    };
  }

  /**
   * Checks the order (every member of a bracket), looks its instrument up at the broker, and sends it
   * through the kernel: a bracket as one list, taken or refused whole.
   */
  async submitOrder(ticket: OrderTicket & { confirm: boolean }): Promise<SubmitResultDto> {
    const broker = this.readyBroker();
    this.requireConfirm(ticket.confirm);
    const { request, list, members, verdict, lastPrice } = this.judge(ticket);
    const judgedMembers = members === null ? {} : { members };
    const refused = (reason: string): SubmitResultDto => ({ accepted: false, orderId: null, clientOrderRef: null, reason, risk: verdict, ...judgedMembers });
    const halted = this.breaker.refusal();
    if (halted) return refused(halted);
    if (!verdict.passed) {
      this.refuseByRisk(request.instrument, verdict, list === null ? { request } : { list });
      const failed = members?.find((m) => !m.risk.passed);
      const reasons = verdict.reasons.join('; ');
      return refused(failed === undefined ? reasons : `${BRACKET_ROLE_NAMES[failed.role]}: ${reasons}`);
    }
    try {
      await broker.qualifyInstrument(request.instrument);
    } catch (err) {
      const why = `${request.instrument}: ${message(err)}`;
      this.countFailure('broker', why);
      return refused(why);
    }
    // The lookup gave the event loop away: the breaker or the session may have changed meanwhile.
    const haltedSince = this.breaker.refusal();
    if (haltedSince) return refused(haltedSince);
    if (this.readyBroker() !== broker) return refused('the connection changed while the order was being prepared; check it and send again');
    try {
      if (list === null) {
        const ack = this.kernelFor(broker).submitOrder(request, 'manual');
        if (ack.accepted) this.recordArrivals([ack.clientOrderRef], request.instrument, lastPrice);
        return { accepted: ack.accepted, orderId: ack.orderId || null, clientOrderRef: ack.clientOrderRef || null, reason: ack.reason ?? null, risk: verdict };
      }
      const ack = this.kernelFor(broker).submitOrderList(list, 'manual');
      if (!ack.accepted) return refused(ack.reason ?? 'the broker refused the bracket');
      const orders = BRACKET_ROLES.map((role, i) => ({ role, orderId: ack.orders[i].orderId, clientOrderRef: ack.orders[i].clientOrderRef }));
      this.recordArrivals(orders.map((o) => o.clientOrderRef), request.instrument, lastPrice);
      const entry = orders[0];
      return { accepted: true, orderId: entry.orderId, clientOrderRef: entry.clientOrderRef, reason: null, risk: verdict, ...judgedMembers, list: { listId: ack.listId, orders } };
    } catch (err) {
      throw this.brokerFailure(`submitting ${request.side} ${request.quantity} ${request.instrument}${list === null ? '' : ' with a bracket'}`, err);
    }
  }

  cancelOrder(orderId: string): CommandAckDto {
    const broker = this.anyBroker();
    try {
      const ack = this.kernelFor(broker).cancelOrder(orderId);
      return { accepted: ack.accepted, orderId: ack.orderId, reason: ack.reason ?? null };
    } catch (err) {
      throw this.brokerFailure(`cancelling order ${orderId}`, err);
    }
  }

  /** Changes a working order's quantity (its new total), prices or trail, after the same risk checks as a new order. */
  modifyOrder(input: ModifyInput): CommandAckDto & { risk: RiskVerdict } {
    const broker = this.readyBroker();
    this.requireConfirm(input.confirm);
    const order = broker.getOpenOrders().find((o) => o.id === input.orderId);
    if (!order) throw new ApiError('NOT_FOUND', `no open order ${input.orderId}`);
    const quantity = input.quantity ?? order.quantity;
    if (quantity <= order.filledQuantity) {
      throw new ApiError('BAD_INPUT', `the new quantity ${quantity} must exceed the ${order.filledQuantity} already filled`);
    }
    const modified: OrderRequest = {
      instrument: order.instrument,
      side: order.side,
      type: order.type,
      quantity: quantity - order.filledQuantity,
      limitPrice: input.limitPrice ?? order.limitPrice ?? undefined,
      stopPrice: input.stopPrice ?? order.stopPrice ?? undefined,
      timeInForce: order.timeInForce,
    };
    const { verdict } = this.verdict(modified, order.id);
    const halted = this.breaker.refusal();
    if (halted) return { accepted: false, orderId: order.id, reason: halted, risk: verdict };
    if (!verdict.passed) {
      this.refuseByRisk(order.instrument, verdict, { modify: input });
      return { accepted: false, orderId: order.id, reason: verdict.reasons.join('; '), risk: verdict };
    }
    const changes = {
      ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
      ...(input.limitPrice !== undefined ? { limitPrice: input.limitPrice } : {}),
      ...(input.stopPrice !== undefined ? { stopPrice: input.stopPrice } : {}),
      ...(input.trail !== undefined ? { trail: input.trail } : {}),
    };
    try {
      const ack = this.kernelFor(broker).modifyOrder(order.id, changes, 'manual');
      return { accepted: ack.accepted, orderId: ack.orderId, reason: ack.reason ?? null, risk: verdict };
    } catch (err) {
      throw this.brokerFailure(`modifying order ${order.id}`, err);
    }
  }

  /** Cancels every open order and, with flatten, closes every position at market. Needs the trader's confirmation. */
  async killSwitch(input: { flatten: boolean; confirm: boolean }): Promise<KillSwitchReportDto> {
    if (!input.confirm) throw new ApiError('REJECTED', 'the kill switch needs confirmation (confirm: true)');
    const broker = this.anyBroker();
    // The orders runKillSwitch is about to cancel: it reads the same list in the same tick.
    const open = new Map(broker.getOpenOrders().map((o) => [o.id, o]));
    const report = await runKillSwitch(broker, { flatten: input.flatten, at: this.clock(), prepare: (s) => broker.qualifyInstrument(s) });
    await settleCancels(broker, report.cancelled.map((c) => c.orderId), this.opts.killSwitchWaitMs ?? 5_000);
    const dto: KillSwitchReportDto = {
      at: report.at,
      cancelled: report.cancelled.map((c) => {
        const order = open.get(c.orderId);
        if (!order) throw new Error(`kill switch: order ${c.orderId} was cancelled but was not among the open orders`);
        return killSwitchCancelDto(c, order, broker.cancelOutcome(c.orderId));
      }),
      flatten: report.flatten.map((f) => ({
        instrument: f.instrument,
        side: f.side,
        quantity: f.quantity,
        accepted: f.ack.accepted,
        orderId: f.ack.orderId,
        reason: f.ack.reason ?? null,
      })),
    };
    this.lastKillSwitch = dto;
    recordAction(this.opts.db, this.mode, dto.at, 'KILL_SWITCH', null, { flatten: input.flatten, report: dto });
    return dto;
  }

  /** The trader's decision that an unknown order never reached the broker. */
  dismissUnknownOrder(orderId: string): CommandAckDto {
    const ack = this.anyBroker().dismissUnknownOrder(orderId);
    return { accepted: ack.accepted, orderId: ack.orderId, reason: ack.reason ?? null };
  }

  /** The trader has seen a reconciliation difference: it leaves the screen (the row stays, stamped). */
  acknowledgeDifference(id: number): { acknowledged: boolean } {
    return { acknowledged: acknowledgeDifference(this.opts.db, this.mode, id, this.clock()) };
  }

  resetBreaker(): BreakerState {
    const was = this.breaker.state();
    const state = this.breaker.reset();
    if (was.tripped) recordAction(this.opts.db, this.mode, this.clock(), 'BREAKER_RESET', null, { was });
    return state;
  }

  // ---- market data ----

  quote(symbol: string, action: 'subscribe' | 'unsubscribe'): QuoteDto | null {
    if (action === 'unsubscribe') {
      this.quotes.unsubscribe(symbol);
      return null;
    }
    return this.quotes.subscribe(symbol);
  }

  /** Daily bars from the broker: stored at once for a new symbol, else waiting for the trader's choice (resolveHistory). */
  async downloadHistory(symbol: string, years: number): Promise<HistoryDownloadDto> {
    const broker = this.readyBroker();
    const source = this.session?.settings.broker ?? 'ib';
    return this.history.download(broker, { symbol, years, at: this.clock(), source }, (done, total) =>
      this.emit('trading.historyProgress', { symbol, done, total }),
    );
  }

  resolveHistory(symbol: string, choice: HistoryChoice): HistoryDownloadDto {
    return this.history.resolve(symbol, choice, this.clock());
  }

  // ---- state for the screens ----

  riskState(): RiskStateDto {
    return { limits: riskLimitsOf(this.config), breaker: this.breaker.state() };
  }

  state(): TradingStateDto {
    const broker = this.session?.broker;
    const summary = broker?.accountSummary() ?? null;
    return {
      ...this.arming.state(),
      connection: this.connection,
      account: broker && summary ? accountDto(broker.getAccountState(), summary) : null,
      positions: broker ? broker.getPositions().filter((p) => p.quantity !== 0).map((p) => positionDto(p, this.quotes.get(p.instrument))) : [],
      openOrders: broker ? broker.getOpenOrders().map(orderDto) : [],
      executions: broker ? broker.getFills().slice(-MAX_EXECUTIONS).reverse().map(executionDto) : [],
      log: this.log.toArray(),
      risk: this.riskState(),
      lastKillSwitch: this.lastKillSwitch,
      unknownOrders: broker ? broker.unknownOrders().map(unknownOrderDto) : [],
      reconciliation: openDifferences(this.opts.db, this.mode).map(({ id, ts, kind, instrument, detail }) => ({ id, ts, kind, instrument, detail })),
      quotes: this.quotes.all(),
      alpacaKeys: this.alpacaKeysState(),
    };
  }

  /** Execution analytics of the current mode's orders: manual tickets' and strategy sessions'. */
  execution(): ExecutionAnalytics {
    return liveExecution(this.opts.db, this.mode);
  }

  /**
   * The connected broker, for strategy sessions (core/service/sessions): null unless the connection
   * is ready. Sessions trade in the current mode, so LIVE needs the same arming as manual orders.
   */
  readyConnection(): { broker: TradingBroker; mode: TradingMode; brokerName: 'ib' | 'alpaca' } | null {
    const session = this.session;
    if (!session || this.connection.state !== 'ready') return null;
    return { broker: session.broker, mode: this.mode, brokerName: session.settings.broker };
  }

  /** Ends the session (the host is closing). */
  async close(): Promise<void> {
    await this.disconnect();
  }

  // ---- internals ----

  /**
   * The kernel this broker's orders go through in the current mode: the same command path and
   * checks as a strategy's or an algorithm's orders, with this mode's limits and its breaker.
   */
  private kernelFor(broker: TradingBroker): Kernel {
    let byMode = this.kernels.get(broker);
    if (byMode === undefined) {
      byMode = {};
      this.kernels.set(broker, byMode);
    }
    const mode = this.mode;
    const known = byMode[mode];
    if (known !== undefined) return known;
    const kernel = new Kernel({
      broker,
      venue: null,
      clock: this.clock,
      risk: riskGate({
        limits: riskLimitsOf(this.opts.configs[mode]),
        breaker: this.breakers[mode],
        clock: this.clock,
        snapshot: (instrument, exclude) => riskSnapshot(broker, instrument, this.quotes.get(instrument), exclude),
      }),
    });
    byMode[mode] = kernel;
    return kernel;
  }

  /**
   * The ticket's orders and their verdicts: a single order's, or a bracket's members' (the list's
   * verdict is its first refused member's, else its entry's), and what the order's own rules refuse.
   */
  private judge(ticket: OrderTicket): Judged {
    const list = bracketOf(ticket);
    if (list === null) {
      const request = requestOf(ticket);
      const { verdict, lastPrice } = this.verdict(request);
      // The instrument counts as known: the broker looks it up when the order is sent.
      return { request, list, members: null, verdict, lastPrice, invalid: invalidOrderReason(request, true) };
    }
    const entry = this.verdict(list.entry);
    const members: MemberVerdictDto[] = [
      { role: 'ENTRY', risk: entry.verdict },
      { role: 'TAKE_PROFIT', risk: this.verdict(list.takeProfit).verdict },
      { role: 'STOP_LOSS', risk: this.verdict(list.stopLoss).verdict },
    ];
    const verdict = (members.find((m) => !m.risk.passed) ?? members[0]).risk;
    return { request: list.entry, list, members, verdict, lastPrice: entry.lastPrice, invalid: invalidOrderListReason(list, () => true) };
  }

  private verdict(request: OrderRequest, excludeOrderId?: string): { verdict: RiskVerdict; lastPrice: number } {
    const broker = this.session?.broker;
    const snap = broker ? riskSnapshot(broker, request.instrument, this.quotes.get(request.instrument), excludeOrderId) : UNKNOWN_SNAPSHOT;
    return { verdict: checkOrder(riskOrderOf(request), snap, riskLimitsOf(this.config)), lastPrice: snap.lastPrice };
  }

  /** A ticket's orders are decided at the price the trader saw: the last price its checks used, and the quote's mid. */
  private recordArrivals(refs: readonly string[], instrument: string, lastPrice: number): void {
    const q = this.quotes.get(instrument);
    const quote = q && q.bid !== null && q.ask !== null ? (q.bid + q.ask) / 2 : (q?.last ?? null);
    for (const ref of refs) recordArrival(this.opts.db, ref, lastPrice, quote);
  }

  private blockers(): string[] {
    const out: string[] = [];
    if (!this.session) out.push('not connected to a broker');
    else if (this.connection.state !== 'ready') out.push(`the connection is ${this.connection.state}: orders can be sent once it is ready`);
    const halted = this.breaker.refusal();
    if (halted) out.push(halted);
    return out;
  }

  private anyBroker(): TradingBroker {
    if (!this.session) throw new ApiError('UNAVAILABLE', 'not connected to a broker');
    return this.session.broker;
  }

  /** No order is sent unless the connection is ready (not degraded, not reconnecting). */
  private readyBroker(): TradingBroker {
    const broker = this.anyBroker();
    const { state } = broker.connectionState;
    if (state !== 'ready') throw new ApiError('UNAVAILABLE', `the connection is ${state}: orders can be sent once it is ready`);
    return broker;
  }

  private requireConfirm(confirm: boolean): void {
    if (this.mode === 'LIVE' && !confirm) throw new ApiError('REJECTED', 'LIVE is armed: confirm the order (confirm: true) to send it');
  }

  private refuseByRisk(instrument: string, verdict: RiskVerdict, detail: Record<string, unknown>): void {
    recordAction(this.opts.db, this.mode, this.clock(), 'RISK_REJECTED', instrument, { ...detail, reasons: verdict.reasons });
    this.countFailure('risk', `${instrument}: ${verdict.reasons.join('; ')}`);
  }

  private brokerFailure(what: string, err: unknown): ApiError {
    const why = `${what} failed: ${message(err)}`;
    this.addLog({ ts: this.clock(), level: 'error', code: null, message: why });
    this.countFailure('broker', why);
    return new ApiError('UNAVAILABLE', why);
  }

  private countFailure(source: FailureSource, reason: string): void {
    const wasTripped = this.breaker.tripped;
    const state = this.breaker.record(source, reason);
    if (state.tripped && !wasTripped) recordAction(this.opts.db, this.mode, this.clock(), 'BREAKER_TRIPPED', null, { reason: state.reason, recent: state.recent });
  }

  private onBrokerEvent(e: BrokerEvent): void {
    if (e.type === 'AccountChanged') {
      this.emitAccount();
      return;
    }
    this.emit('trading.order', orderDto(e.order));
    if (e.type === 'OrderFilled' || e.type === 'OrderPartiallyFilled') {
      this.emit('trading.fill', executionDto(e.fill));
      this.emitAccount();
    } else if (e.type === 'OrderRejected') {
      // A list the broker refuses whole rejects each member: the breaker counts one refusal.
      const listId = e.order.extras?.link?.listId;
      if (listId !== undefined) {
        if (this.refusedLists.has(listId)) return;
        if (this.refusedLists.size >= MAX_REFUSED_LISTS) this.refusedLists.clear();
        this.refusedLists.add(listId);
      }
      this.countFailure('broker', `${e.order.instrument}: ${e.reason}`);
    }
  }

  private emitAccount(): void {
    const broker = this.session?.broker;
    const summary = broker?.accountSummary();
    if (broker && summary) this.emit('trading.account', accountDto(broker.getAccountState(), summary));
  }
}
