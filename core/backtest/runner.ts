import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import { tradingDay } from '../data/tradingDay';
import type { Timestamp } from '../domain/order';
import { emptyHeldPositions } from '../domain/portfolio';
import { AlgoEngine } from '../engine/algos/algoEngine';
import type { AlgoReport } from '../engine/algos/algoTypes';
import { Kernel } from '../engine/kernel/kernel';
import { riskGate } from '../engine/kernel/riskGate';
import type { PriceAt } from '../engine/placeTargets';
import { CircuitBreaker, type BreakerConfig } from '../engine/risk/circuitBreaker';
import type { RiskLimits } from '../engine/risk/riskTypes';
import { BacktestBroker, type ExecutionTotals, type FinerBars, type IntrabarTotals } from '../sim/BacktestBroker';
import { TimeMachine } from '../sim/timeMachine';
import type { ObjectStrategy } from '../strategy/api';
import { functionHost, objectHost } from '../strategy/host';
import type { StrategyFn, Targets } from '../strategy/types';
import { BuyAndHoldBenchmark } from './benchmark';
import { closeAtEnd, CLOSE_AT_END_REASON } from './closeAtEnd';
import { computeMetrics, type Metrics } from './metrics';
import { backtestRiskSnapshot } from './riskSnapshot';
import type { RunSink } from './RunSink';
import { WaitingTargets } from './waitingTargets';
import { runSessions } from './sessions';
import { TradeTracker, type RoundTrip } from './tradeTracker';
import { MARGIN_CALL } from './tradeTrackerExitReason';

export interface RunInput {
  series: readonly BarSeries[];
  /** Inclusive bounds (epoch ms); bars before `start` are history the strategy may read, bars after `end` do not exist. */
  start?: Timestamp;
  end?: Timestamp;
  /** A function strategy (targets at each close) or a strategy object (hooks, ctx.orders). */
  strategy: StrategyFn | ObjectStrategy;
  initialCash: number;
  seed: number;
  sim: SimulatorConfig;
  planner: PlannerConfig;
  strict: boolean;
  sink?: RunSink;
  /**
   * Called with sessions done and the total, about every `progressEvery` sessions and at the end.
   * `curve` holds the session stamps and equity so far (valid up to `done`), for live charts.
   */
  onProgress?: (done: number, total: number, curve: { ts: Float64Array; equity: Float64Array }) => void;
  progressEvery?: number;
  /** Checked between sessions; returning true ends the run as cancelled, keeping what was computed. */
  shouldCancel?: () => boolean;
  /** Close every position at the last session's close, with costs (see closeAtEnd). */
  closeAtEnd?: boolean;
  /** The pre-trade limits and circuit breaker every order passes; null or omitted: risk checks off. */
  risk?: { limits: RiskLimits; breaker: BreakerConfig | null } | null;
  /** For simulator.intrabar_policy finer_bars: the store's lower-size bars (see FinerBars). */
  finerBars?: FinerBars;
}

export type RunStatus = 'completed' | 'cancelled' | 'failed';

export interface RunResult {
  status: RunStatus;
  error?: string;
  metrics: Metrics;
  totals: ExecutionTotals;
  /** Instrument-sessions processed: bars the engine walked. */
  bars: number;
  sessions: number;
  /** Engine time: from the first session to the metrics, excluding data loading and process start. */
  elapsedMs: number;
  ts: Float64Array;
  equity: Float64Array;
  benchmark: Float64Array;
  closedTrades: number;
  openTrades: RoundTrip[];
  /** Sessions at whose close a margin account fell below its maintenance margin and was liquidated. */
  marginCalls: number;
  lookAheadViolations: number;
  /** Bars that reached two orders of one OCO group, and those finer_bars could not replay. */
  intrabar: IntrabarTotals;
  /** Every execution algorithm the strategy ran, as it ended (or stands at the end). */
  algos: AlgoReport[];
}

function sameTargets(a: Targets, b: Targets | null): boolean {
  if (!b || a.kind !== b.kind || a.values.size !== b.values.size) return false;
  for (const [inst, v] of a.values) if (b.values.get(inst) !== v) return false;
  return true;
}

/** Return periods per year for annualising: 252 trading days of the data's own bars per day. */
export function periodsPerYear(series: readonly BarSeries[]): number {
  let finest: BarSeries | null = null;
  for (const s of series) if (s.barSeconds > 0 && (finest === null || s.barSeconds < finest.barSeconds)) finest = s;
  if (finest === null || finest.barSeconds >= 86_400) {
    const sec = finest?.barSeconds ?? Number.POSITIVE_INFINITY;
    return Number.isFinite(sec) && sec > 86_400 * 6 ? Math.round((365.25 * 86_400) / sec) : 252;
  }
  // Intraday: 252 days of as many bars as the data's typical day holds (a 13-hour future, 24-hour FX).
  return 252 * medianBarsPerDay(finest);
}

function medianBarsPerDay(s: BarSeries): number {
  const counts: number[] = [];
  let day = Number.NaN;
  for (let i = 0; i < s.length; i++) {
    const d = tradingDay(s.ts[i]);
    if (d === day) counts[counts.length - 1]++;
    else {
      counts.push(1);
      day = d;
    }
  }
  counts.sort((a, b) => a - b);
  return counts.length === 0 ? 1 : counts[Math.floor(counts.length / 2)];
}

/**
 * The kernel with a historical clock and the simulator: walks the sessions, fills working orders on
 * each bar, marks the portfolio at the close, records it, runs the strategy, and plans the orders
 * that carry its targets (sized at execution or decision). Every order goes through the kernel.
 */
/**
 * The series' positions in symbol order. Built in a loop rather than by map and sort: the array map makes can
 * change form once the compiler inlines it, which threw away the run loop's optimized code in a sweep's early runs.
 */
function symbolOrder(series: readonly BarSeries[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < series.length; i++) order.push(i);
  return order.sort((a, b) => (series[a].symbol < series[b].symbol ? -1 : series[a].symbol > series[b].symbol ? 1 : 0));
}

export function runBacktest(input: RunInput): RunResult {
  const { sim, planner, sink } = input;
  const start = input.start ?? Number.NEGATIVE_INFINITY;
  const end = input.end ?? Number.POSITIVE_INFINITY;
  const { calendar, first, total } = runSessions(input.series, start, end);

  const tm = new TimeMachine(input.series, calendar, input.strict);
  const broker = new BacktestBroker({ tm, sim, initialCash: input.initialCash, seed: input.seed, retainHistory: false, finerBars: input.finerBars });
  const portfolio = broker.portfolio;
  const now = (): Timestamp => tm.asOf;
  const risk = input.risk
    ? riskGate({
        limits: input.risk.limits,
        breaker: input.risk.breaker === null ? null : new CircuitBreaker(input.risk.breaker, now),
        clock: now,
        snapshot: (instrument, exclude) => backtestRiskSnapshot(broker, instrument, exclude),
        skip: ['buying_power'],
      })
    : null;
  const kernel = new Kernel({
    broker,
    venue: broker,
    clock: now,
    risk,
    onDenied: sink ? (d) => sink.action(d.at, 'RISK_REJECTED', d.request.instrument, { source: d.source, side: d.request.side, type: d.request.type, quantity: d.request.quantity, reason: d.reason }) : undefined,
  });
  const symbols = input.series.map((s) => s.symbol);
  const algos = new AlgoEngine(kernel, tm.view, now, (report) => sink?.action(now(), 'ALGO_END', report.request.instrument, { ...report }));
  const host =
    typeof input.strategy === 'function'
      ? functionHost(input.strategy, { view: tm.view, portfolio })
      : objectHost(input.strategy, { kernel, algos, broker, view: tm.view, portfolio, symbols, now });
  const tracker = new TradeTracker({ high: tm.now.high, low: tm.now.low, indexOf: (s) => tm.lookup(s) });
  const benchmark = new BuyAndHoldBenchmark(tm, input.initialCash);

  const ts = new Float64Array(total);
  const equity = new Float64Array(total);
  const exposure = new Float64Array(total);
  const bench = new Float64Array(total);
  let bars = 0;
  let peak = input.initialCash;
  let session = 0;

  // The broker's instrument numbers are the TimeMachine's, which the tracker's bars are indexed by.
  broker.tapFills((order, inst, qty, price, fee, at) => tracker.onFillOf(order, inst, qty, price, fee, at, tm.sessionIndex));
  if (sink) {
    broker.subscribe((e) => {
      if (e.type === 'OrderFilled' || e.type === 'OrderPartiallyFilled') sink.fill(e.fill);
      if (e.type === 'OrderFilled' || e.type === 'OrderCancelled' || e.type === 'OrderRejected') sink.order(e.order);
    }, ['OrderFilled', 'OrderPartiallyFilled', 'OrderCancelled', 'OrderRejected']);
  }

  const { open, close } = tm.now;
  const openPrice: PriceAt = open;
  const closePrice: PriceAt = close;
  // size_at: decision sizes an instrument without a bar this session at its last close; its order waits in the broker for a bar.
  const lastCloses = new Float64Array(close.length);
  const lastClose = (): PriceAt => {
    for (let i = 0; i < close.length; i++) lastCloses[i] = Number.isNaN(close[i]) ? portfolio.mark[i] : close[i];
    return lastCloses;
  };
  // Sized at the open for next_open and vwap alike: a vwap fill's high, low and close are not known when the bar opens.
  const executionPrice = openPrice;
  let pendingTargets: Targets | null = null;
  const waiting = new WaitingTargets(sink);
  const sizedAtClose = sim.fill_timing === 'same_close' || planner.size_at === 'decision';

  let marginCalls = 0;
  /** A margin account under its maintenance margin is closed out at the next open, as a broker would. */
  const marginCall = (): boolean => {
    const acct = sim.account;
    const gross = portfolio.grossExposure();
    if (acct.type !== 'margin' || gross <= 0 || portfolio.equity >= acct.maintenance_margin * gross) return false;
    marginCalls++;
    sink?.action(tm.asOf, 'MARGIN_CALL', null, { equity: portfolio.equity, grossExposure: gross, maintenanceMargin: acct.maintenance_margin });
    broker.cancelAll('margin call: positions are being liquidated');
    pendingTargets = null;
    waiting.cancel(tm.asOf, 'margin call: positions are being liquidated');
    for (const i of [...portfolio.heldIndices()]) {
      const q = portfolio.qty[i];
      const request = { instrument: portfolio.instruments[i], side: q > 0 ? 'SELL' : 'BUY', type: 'MARKET', quantity: Math.abs(q), timeInForce: 'GTC', metadata: { action: MARGIN_CALL } } as const;
      kernel.submitOrder(request, 'engine');
    }
    return true;
  };

  // A session's snapshot lists its positions in symbol order, the order they are read in.
  const snapshotOrder = symbolOrder(tm.series);
  const held = emptyHeldPositions(snapshotOrder.length);

  let lastTargets: Targets | null = null;
  const place = (targets: Targets, priceAt: PriceAt): void => {
    broker.cancelAll('replaced by a new target portfolio');
    // A target portfolio is recorded from the session it is set, and again only when it changes.
    if (sink && !sameTargets(targets, lastTargets)) {
      for (const [inst, v] of targets.values) sink.target(tm.asOf, targets.kind, inst, v);
      // A copy: a strategy may hand back the same Map, changed in place.
      lastTargets = { kind: targets.kind, values: new Map(targets.values) };
    }
    waiting.replace(tm.asOf, kernel.placeTargets(targets, priceAt, sim, planner), targets.kind);
  };

  const t0 = performance.now();
  let status: RunStatus = 'completed';
  let error: string | undefined;
  const every = input.progressEvery ?? Math.max(1, Math.floor(total / 200));
  try {
    // The strategy starts before the first session: it sees the history before it, and its orders work from that session on.
    if (first > 0) tm.advanceTo(first - 1);
    host.start();
    for (; session < total; session++) {
      if (input.shouldCancel?.()) {
        status = 'cancelled';
        break;
      }
      const idx = first + session;
      tm.advanceTo(idx);
      const asOf = calendar[idx];
      broker.atSessionOpen();
      algos.onBarOpen();
      if (pendingTargets) {
        place(pendingTargets, executionPrice);
        pendingTargets = null;
      } else if (waiting.any && !sizedAtClose) {
        waiting.resume(asOf, kernel, executionPrice, sim, planner);
      }
      broker.processBar();
      broker.endOfSession();
      algos.onBarClose();
      bars += tm.tradingCount;

      const targets: Targets | null = marginCall() ? null : host.bar(asOf);
      // Orders a strategy placed itself at this close meet it under same_close, as planned ones do.
      if (host.takeSubmitted() && sim.fill_timing === 'same_close') broker.processDecision();
      if (targets) {
        if (sim.fill_timing === 'same_close') {
          place(targets, closePrice);
          broker.processDecision();
        } else if (planner.size_at === 'decision') place(targets, lastClose());
        else pendingTargets = targets;
      } else if (waiting.any && sizedAtClose) {
        waiting.resume(asOf, kernel, sim.fill_timing === 'same_close' ? closePrice : lastClose(), sim, planner);
        if (sim.fill_timing === 'same_close') broker.processDecision();
      }
      if (input.closeAtEnd && session === total - 1) {
        pendingTargets = null;
        waiting.cancel(asOf, CLOSE_AT_END_REASON);
        closeAtEnd(kernel, broker, asOf, sink);
      }

      const eq = portfolio.equity;
      const gross = portfolio.grossExposure();
      if (eq > peak) peak = eq;
      ts[session] = asOf;
      equity[session] = eq;
      exposure[session] = gross;
      bench[session] = benchmark.value();
      if (sink) {
        sink.equity({
          ts: asOf,
          cash: portfolio.cash,
          equity: eq,
          grossExposure: gross,
          netExposure: portfolio.netExposure(),
          drawdown: peak > 0 ? eq / peak - 1 : 0,
          benchmarkEquity: bench[session],
        });
        portfolio.collectHeld(snapshotOrder, held);
        if (held.count > 0) sink.positions(asOf, held);
      }
      tracker.onBar();
      const closed = tracker.takeClosed();
      if (sink) for (let k = 0; k < closed.length; k++) sink.trade(closed[k]);
      if ((session + 1) % every === 0) {
        sink?.flush(session + 1);
        input.onProgress?.(session + 1, total, { ts, equity });
      }
    }
    host.end();
  } catch (err) {
    status = 'failed';
    error = err instanceof Error ? err.message : String(err);
  }

  const done = session;
  if (sink) {
    for (const o of broker.getOpenOrders()) sink.order(o);
    for (const t of tracker.takeClosed()) sink.trade(t);
  }
  const marks = (inst: string): number => portfolio.mark[tm.indexOf(inst)];
  // Still held at the end: marked at the last recorded close, and stored like the closed ones.
  const openTrades = done > 0 ? tracker.openTrades(marks, { ts: ts[done - 1], sessionIndex: first + done - 1 }) : [];
  if (sink) for (const t of openTrades) sink.trade(t);
  const metrics = computeMetrics({
    ts: ts.subarray(0, done),
    equity: equity.subarray(0, done),
    exposure: exposure.subarray(0, done),
    benchmarkEquity: bench.subarray(0, done),
    initialCash: input.initialCash,
    periodsPerYear: periodsPerYear(input.series),
    trades: tracker.summary(),
    openTrades: openTrades.length,
    commissions: broker.totals.commissions,
    slippage: broker.totals.slippage,
    turnoverValue: broker.totals.turnoverValue,
  });
  if (sink) sink.flush(done);
  input.onProgress?.(done, total, { ts, equity });
  return {
    status,
    error,
    metrics,
    totals: broker.totals,
    bars,
    sessions: done,
    elapsedMs: performance.now() - t0,
    ts: ts.subarray(0, done),
    equity: equity.subarray(0, done),
    benchmark: bench.subarray(0, done),
    closedTrades: tracker.summary().count,
    openTrades,
    lookAheadViolations: tm.violations,
    marginCalls,
    intrabar: broker.intrabar,
    algos: algos.reports(),
  };
}
