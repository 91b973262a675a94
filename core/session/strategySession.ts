import type { BrokerInterface } from '../broker/BrokerInterface';
import type { BrokerEvent } from '../broker/events';
import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import type { Bar } from '../data/BarSeries';
import { tradingDay } from '../data/tradingDay';
import type { Order, Timestamp } from '../domain/order';
import type { Position } from '../domain/portfolio';
import { AlgoEngine } from '../engine/algos/algoEngine';
import type { OrderDenied } from '../engine/kernel/commands';
import { Kernel } from '../engine/kernel/kernel';
import { riskGate } from '../engine/kernel/riskGate';
import { CircuitBreaker, type BreakerConfig } from '../engine/risk/circuitBreaker';
import type { RiskLimits, RiskSnapshot } from '../engine/risk/riskTypes';
import type { PriceAt } from '../engine/placeTargets';
import type { ObjectStrategy } from '../strategy/api';
import { functionHost, objectHost, type StrategyHost } from '../strategy/host';
import type { StrategyFn, Targets } from '../strategy/types';
import type { StreamBar } from '../domain/streamBar';
import { BarAggregator, type DecisionTime } from './barAggregator';
import { BarSets, REAL_TIMERS, type Timers } from './barSets';
import { LiveVenue } from './liveVenue';
import type { SessionMarket } from './sessionMarket';
import { stampedBroker } from './stampedBroker';

/** A broker a strategy session can run on: the port, plus a stream of completed bars per symbol. */
export interface SessionBroker extends BrokerInterface {
  subscribeBars(symbol: string, listener: (bar: StreamBar) => void): () => void;
}

export type SessionState = 'running' | 'paused' | 'stopped' | 'failed';

/** Per-session limits: crossing one stops the session and flattens it, with the reason recorded. */
export interface SessionLimits {
  /** Largest loss since the previous day's last decision (the session's first, on its first day); null: none. */
  maxDailyLoss: number | null;
  /** Largest value of one position; null: none. */
  maxPositionValue: number | null;
}

/** One decision as the session records it: the account at the session's close, before deciding. */
export interface Decision {
  ts: Timestamp;
  /** 1 for the session's first decision. */
  index: number;
  equity: number;
  cash: number;
  positions: Position[];
  targets: Targets | null;
  /** The close each instrument was decided at (NaN: no bar this session). */
  closes: ReadonlyMap<string, number>;
}

/** Where a session's records go (the store in the app; memory in tests). Each call is atomic. */
export interface SessionRecorder {
  /** The session's bars, as it saw them. */
  bars(ts: Timestamp, bars: ReadonlyMap<string, Bar>): void;
  /** Recorded before any order of the decision is sent: after a restart, this session is never decided again. */
  deciding(ts: Timestamp, index: number): void;
  decided(d: Decision): void;
  /**
   * The account after decision `index` (stamped `ts`): its fills as received by the next decision,
   * marked at that session's closes. Replaces the point `decided` wrote, so the curve compares with
   * a backtest's, which records each session after its decision's fills.
   */
  equity(ts: Timestamp, index: number, equity: number, cash: number): void;
  /** An order the session is about to send: its ref, the decision it came from and the price that decision saw. */
  sent(o: { ref: string; ts: Timestamp; instrument: string; decisionPrice: number; arrivalQuote: number | null; decidedAt: Timestamp; sentAt: Timestamp }): void;
  /** The venue acknowledged (accepted) an order of the session, or filled it. */
  orderEvent(ref: string, kind: 'acknowledged' | 'filled', at: Timestamp): void;
  action(at: Timestamp, action: string, instrument: string | null, detail: Record<string, unknown>): void;
  state(state: SessionState, reason: string | null, at: Timestamp): void;
}

export interface StrategySessionOptions {
  /** Every order the session sends has a client order ref `${refPrefix}-<decision>-<n>`. */
  refPrefix: string;
  broker: SessionBroker;
  strategy: StrategyFn | ObjectStrategy;
  market: SessionMarket;
  barSeconds: number;
  /** Daily bars: when to decide. */
  decision: DecisionTime | null;
  /** How long a session's bars wait for the symbols that have not reported yet. */
  graceMs: number;
  sim: SimulatorConfig;
  planner: PlannerConfig;
  /** The spec's pre-trade limits and circuit breaker, as in its backtest; null: off. */
  risk: { limits: RiskLimits; breaker: BreakerConfig | null } | null;
  limits: SessionLimits;
  /** Resuming: the last session decided before the restart (later bars are decided), and how many decisions that made. */
  resume: { lastDecided: Timestamp; decisions: number } | null;
  clock: () => Timestamp;
  recorder: SessionRecorder;
  /** The broker's latest quote of a symbol (mid, else last), recorded with each order sent; null: none yet. */
  quote?: (symbol: string) => number | null;
  timers?: Timers;
}

/**
 * A strategy running on a paper or live broker: the kernel with a real-time clock. Bars come from
 * the broker's stream, are formed into the session's bar size and gathered across symbols; at each
 * close the strategy decides exactly as in a backtest (function strategies' targets through the
 * planner, strategy objects through ctx.orders), every order passes the kernel's risk checks, and
 * the decision is recorded. A decision is recorded as started before its orders go out, so a
 * restarted session never decides (and never sends) the same bar twice.
 */
export class StrategySession {
  private stateNow: SessionState = 'running';
  private reasonNow: string | null = null;
  private readonly venue: LiveVenue;
  private readonly kernel: Kernel;
  private readonly host: StrategyHost;
  private readonly algos: AlgoEngine;
  private readonly sets: BarSets;
  private readonly unsubscribes: (() => void)[] = [];
  private decisions: number;
  private lastDecided: Timestamp;
  private orderSeq = 0;
  private day = Number.NaN;
  /** The account at the previous day's last decision (the session's first, on its first day). */
  private dayStartEquity = Number.NaN;
  private lastEquity = Number.NaN;
  private readonly listeners = new Set<(s: StrategySession) => void>();
  private readonly decisionPrice = new Map<string, number>();
  /** Wall-clock time the current decision began: its orders' decision-to-send latency starts here. */
  private decidedAt = Number.NaN;
  /** The last decision's stamp and the closes it saw: its after-fills point is written at the next. */
  private prev: { ts: Timestamp; index: number; closes: Float64Array } | null = null;

  constructor(private readonly o: StrategySessionOptions) {
    const { market } = o;
    this.decisions = o.resume?.decisions ?? 0;
    this.lastDecided = o.resume?.lastDecided ?? Number.NEGATIVE_INFINITY;
    const ours = (order: Order): boolean => order.clientOrderRef.startsWith(`${o.refPrefix}-`);
    const broker = stampedBroker(o.broker, (r) => {
      const ref = `${o.refPrefix}-${this.decisions}-${++this.orderSeq}`;
      const arrivalQuote = o.quote?.(r.instrument) ?? null;
      o.recorder.sent({ ref, ts: this.lastDecided, instrument: r.instrument, decisionPrice: this.decisionPrice.get(r.instrument) ?? Number.NaN, arrivalQuote, decidedAt: this.decidedAt, sentAt: o.clock() });
      return ref;
    });
    this.venue = new LiveVenue(o.broker, market, o.sim, ours);
    const risk = o.risk
      ? riskGate({
          limits: o.risk.limits,
          breaker: o.risk.breaker === null ? null : new CircuitBreaker(o.risk.breaker, o.clock),
          clock: o.clock,
          snapshot: (instrument, exclude) => this.riskSnapshot(instrument, exclude),
          // As in a backtest: the planner's sells fund its buys, which no order-by-order check can see.
          skip: ['buying_power'],
        })
      : null;
    this.kernel = new Kernel({ broker, venue: this.venue, clock: o.clock, risk, onDenied: (d) => this.denied(d) });
    this.kernel.subscribe((e) => this.onEvent(e));
    const view = market.tm.view;
    const now = (): Timestamp => market.asOf;
    this.algos = new AlgoEngine(this.kernel, view, now, (report) => o.recorder.action(o.clock(), 'ALGO_END', report.request.instrument, { ...report }));
    const symbols = market.series.map((s) => s.symbol);
    this.host =
      typeof o.strategy === 'function'
        ? functionHost(o.strategy, { view, portfolio: this.venue.portfolio })
        : objectHost(o.strategy, { kernel: this.kernel, algos: this.algos, broker, view, portfolio: this.venue.portfolio, symbols, now });
    this.sets = new BarSets(symbols, o.graceMs, (ts, bars) => this.onSession(ts, bars), o.timers ?? REAL_TIMERS);
    // Resumed: the last decision's after-fills point is written at the next, as if the app had never stopped.
    if (o.resume !== null) {
      const at = o.resume.lastDecided;
      const closes = Float64Array.from(market.series, (s) => {
        let i = s.length - 1;
        while (i >= 0 && s.ts[i] > at) i--;
        return i >= 0 ? s.close[i] : Number.NaN;
      });
      this.prev = { ts: at, index: o.resume.decisions, closes };
    }
  }

  get state(): SessionState {
    return this.stateNow;
  }

  get reason(): string | null {
    return this.reasonNow;
  }

  /** Decisions taken so far (including those before a restart). */
  get decided(): number {
    return this.decisions;
  }

  get lastDecidedTs(): Timestamp {
    return this.lastDecided;
  }

  /** The session's mirror of the account at its last decision. */
  get equity(): number {
    return this.venue.portfolio.equity;
  }

  /** Told after each decision and each change of state. */
  onChange(listener: (s: StrategySession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to the symbols' bars and starts the strategy on the history it has. */
  start(): void {
    this.venue.sync();
    this.guard(() => this.host.start());
    if (this.stateNow !== 'running') return;
    for (const s of this.o.market.series) {
      const agg = new BarAggregator(this.o.barSeconds, this.o.decision, (bar) => this.sets.add(s.symbol, bar));
      this.unsubscribes.push(this.o.broker.subscribeBars(s.symbol, (b) => agg.push(b)));
    }
    this.o.recorder.state('running', null, this.o.clock());
  }

  /** Bars keep arriving (the strategy sees them later) but nothing is decided until resume. */
  pause(): void {
    if (this.stateNow !== 'running') return;
    this.setState('paused', null);
  }

  resume(): void {
    if (this.stateNow !== 'paused') return;
    this.setState('running', null);
  }

  /** Stops deciding; working orders and positions stay as they are. */
  stop(reason = 'stopped by the trader'): void {
    if (this.stateNow === 'stopped' || this.stateNow === 'failed') return;
    this.end();
    this.guard(() => this.host.end());
    // A strategy whose onEnd throws has failed, and says so.
    if (this.state !== 'failed') this.setState('stopped', reason);
  }

  /** Cancels the session's working orders, closes its positions at market, and stops. */
  flattenAndStop(reason: string): void {
    if (this.stateNow === 'stopped' || this.stateNow === 'failed') return;
    this.end();
    this.flatten(reason);
    this.setState('stopped', reason);
  }

  private end(): void {
    for (const u of this.unsubscribes.splice(0)) u();
    this.sets.close();
    this.venue.sync();
    this.settlePrevious();
    this.prev = null;
  }

  private flatten(reason: string): void {
    const at = this.o.clock();
    this.venue.cancelAll();
    this.venue.sync();
    const p = this.venue.portfolio;
    const closed: Record<string, number> = {};
    for (const i of [...p.heldIndices()]) {
      const q = p.qty[i];
      const instrument = p.instruments[i];
      const ack = this.kernel.submitOrder({ instrument, side: q > 0 ? 'SELL' : 'BUY', type: 'MARKET', quantity: Math.abs(q), timeInForce: 'DAY', metadata: { action: 'FLATTEN' } }, 'engine');
      if (ack.accepted) closed[instrument] = -q;
      else this.o.recorder.action(at, 'FLATTEN_REFUSED', instrument, { quantity: -q, reason: ack.reason ?? 'refused' });
    }
    this.o.recorder.action(at, 'SESSION_FLATTENED', null, { reason, orders: closed });
  }

  private onSession(ts: Timestamp, bars: ReadonlyMap<string, Bar>): void {
    if (this.stateNow === 'stopped' || this.stateNow === 'failed') return;
    if (!this.o.market.append(ts, bars)) return;
    this.o.recorder.bars(ts, bars);
    if (this.stateNow !== 'running' || ts <= this.lastDecided) return;
    this.decide(ts);
  }

  private decide(ts: Timestamp): void {
    const { o, venue } = this;
    this.decisions++;
    this.orderSeq = 0;
    this.lastDecided = ts;
    this.decidedAt = o.clock();
    o.recorder.deciding(ts, this.decisions);
    venue.sync();
    this.settlePrevious();
    const p = venue.portfolio;
    const closes = o.market.tm.now.close;
    if (this.limitBreached(ts)) return;
    this.decisionPrice.clear();
    for (let i = 0; i < closes.length; i++) this.decisionPrice.set(p.instruments[i], o.market.tm.lastClose[i]);
    let targets: Targets | null = null;
    this.guard(() => {
      this.algos.onBarOpen();
      this.algos.onBarClose();
      targets = this.host.bar(ts);
      if (targets !== null) this.place(targets);
    });
    if (this.stateNow === 'failed') return;
    const decision: Decision = {
      ts,
      index: this.decisions,
      equity: p.equity,
      cash: p.cash,
      positions: [...p.heldIndices()].map((i) => p.position(i)),
      targets,
      closes: new Map(p.instruments.map((s, i) => [s, closes[i]])),
    };
    o.recorder.decided(decision);
    this.prev = { ts, index: this.decisions, closes: o.market.tm.lastClose.slice() };
    this.changed();
  }

  /** Writes the last decision's after-fills point from the account as the broker now reports it. */
  private settlePrevious(): void {
    const prev = this.prev;
    if (prev === null) return;
    const p = this.venue.portfolio;
    let value = 0;
    for (const i of p.heldIndices()) value += p.qty[i] * (Number.isNaN(prev.closes[i]) ? p.mark[i] : prev.closes[i]);
    this.o.recorder.equity(prev.ts, prev.index, p.cash + value, p.cash);
  }

  /** As a backtest with size_at decision plans: sized at this close (same_close) or the latest close of each instrument. */
  private place(targets: Targets): void {
    const { o, venue } = this;
    venue.cancelAll();
    const tm = o.market.tm;
    const prices: PriceAt = o.sim.fill_timing === 'same_close' ? tm.now.close : tm.lastClose;
    const waiting = this.kernel.placeTargets(targets, prices, o.sim, { ...o.planner, size_at: 'decision' });
    if (waiting !== null) o.recorder.action(o.clock(), 'TARGETS_WAITING', null, { reason: 'no bar this session', targets: Object.fromEntries(waiting) });
  }

  /** Checks the session's own limits on the account as it stands at this close. */
  private limitBreached(ts: Timestamp): boolean {
    const { limits } = this.o;
    const p = this.venue.portfolio;
    const day = tradingDay(ts);
    if (day !== this.day) {
      this.day = day;
      this.dayStartEquity = Number.isNaN(this.lastEquity) ? p.equity : this.lastEquity;
    }
    this.lastEquity = p.equity;
    let why: string | null = null;
    const loss = this.dayStartEquity - p.equity;
    if (limits.maxDailyLoss !== null && loss >= limits.maxDailyLoss) {
      why = `daily loss limit: lost ${loss.toFixed(2)} today, the limit is ${limits.maxDailyLoss}`;
    } else if (limits.maxPositionValue !== null) {
      for (const i of p.heldIndices()) {
        const value = Math.abs(p.positionValue(i));
        if (value > limits.maxPositionValue) {
          why = `position value limit: ${p.instruments[i]} is worth ${value.toFixed(2)}, the limit is ${limits.maxPositionValue}`;
          break;
        }
      }
    }
    if (why === null) return false;
    this.o.recorder.action(this.o.clock(), 'SESSION_LIMIT', null, { reason: why, equity: p.equity, dayStartEquity: this.dayStartEquity });
    this.flattenAndStop(why);
    return true;
  }

  /** A strategy error stops the session (its orders and positions stay), naming the error. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.end();
      this.setState('failed', err instanceof Error ? err.message : String(err));
    }
  }

  private onEvent(e: BrokerEvent | OrderDenied): void {
    if (e.type === 'OrderDenied' || e.type === 'AccountChanged') return;
    const ref = e.order.clientOrderRef;
    if (!ref.startsWith(`${this.o.refPrefix}-`)) return;
    if (e.type === 'OrderAccepted') {
      this.o.recorder.orderEvent(ref, 'acknowledged', e.at);
    } else if (e.type === 'OrderFilled') {
      this.o.recorder.orderEvent(ref, 'filled', e.at);
    }
  }

  /** The account as the checks see it: the session's mirror at this decision, the broker's working orders. */
  private riskSnapshot(instrument: string, exclude?: string): RiskSnapshot {
    const p = this.venue.portfolio;
    const inst = this.o.market.tm.lookup(instrument);
    return {
      lastPrice: inst >= 0 ? this.o.market.tm.lastClose[inst] : Number.NaN,
      positions: inst >= 0 && p.qty[inst] !== 0 ? [p.position(inst)] : [],
      openOrders: this.o.broker.getOpenOrders(instrument).filter((w) => w.instrument === instrument && w.id !== exclude),
      equity: p.equity,
      grossExposure: p.grossExposure(),
      buyingPower: Number.NaN,
    };
  }

  private denied(d: OrderDenied): void {
    this.o.recorder.action(d.at, 'RISK_REJECTED', d.request.instrument, { source: d.source, side: d.request.side, type: d.request.type, quantity: d.request.quantity, reason: d.reason });
  }

  private setState(state: SessionState, reason: string | null): void {
    this.stateNow = state;
    this.reasonNow = reason;
    this.o.recorder.state(state, reason, this.o.clock());
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l(this);
  }
}
