import { drawdownStats, sessionReturns, yearsBetween } from './metricsSeries';
import type { TradeSummary } from './tradesSummary';

export interface MetricsInput {
  /** Session timestamps (epoch ms), ascending. */
  ts: Float64Array;
  /** Equity at each session's close. */
  equity: Float64Array;
  /** Gross exposure (sum of |position value|) at each session's close. */
  exposure: Float64Array;
  /** Buy-and-hold of the same data with the same initial cash. */
  benchmarkEquity: Float64Array;
  initialCash: number;
  /** Return periods per year: 252 for daily sessions, scaled for other bar sizes. */
  periodsPerYear: number;
  /** Closed round trips, as running statistics. */
  trades: TradeSummary;
  openTrades: number;
  commissions: number;
  slippage: number;
  /** Sum of |fill quantity x fill price| over the run. */
  turnoverValue: number;
}

/**
 * Run metrics. "Returns" are the per-period simple returns between consecutive sessions,
 * r_i = equity_i / equity_{i-1} - 1 (i >= 1). A ratio whose definition divides by zero, or that
 * needs more data than the run has, is null (never NaN or Infinity: this object goes to JSON).
 */
export interface Metrics {
  /** (finalEquity / initialCash - 1) x 100. */
  totalReturnPct: number;
  /** ((finalEquity / initialCash)^(1 / years) - 1) x 100, years = (last ts - first ts) / 365.25 days; -100 if equity is gone; null when the run spans no time. */
  cagrPct: number | null;
  /** Sample standard deviation of returns x sqrt(periodsPerYear) x 100; null with fewer than 2 returns. */
  annualVolatilityPct: number | null;
  /** mean(returns) / sample std(returns) x sqrt(periodsPerYear), risk-free rate 0; null when the std is 0. */
  sharpe: number | null;
  /** mean(returns) / sqrt(mean over all returns of min(r, 0)^2) x sqrt(periodsPerYear); null without losing periods. */
  sortino: number | null;
  /**
   * Geometric mean session return compounded over a year: ((last equity / first equity)^(periodsPerYear / N) - 1) x 100,
   * N = number of returns. Unlike CAGR it counts sessions, not calendar time, so it matches the volatility and
   * Sharpe annualisation; -100 if equity is gone; null with no return or a non-positive first equity.
   */
  annualReturnPct: number | null;
  /** Slope of the OLS regression of returns on the benchmark's returns: cov(r, b) / var(b); null when var(b) is 0 or N < 2. */
  beta: number | null;
  /** Intercept of that regression, mean(r) - beta x mean(b), annualised geometrically ((1 + a)^periodsPerYear - 1) x 100; null with beta. */
  alphaPct: number | null;
  /** cagrPct / |maxDrawdownPct|; null without a drawdown or a CAGR. */
  calmar: number | null;
  /** Deepest fall from a running peak (the peak starting at initialCash): min(equity / peak - 1) x 100, <= 0. */
  maxDrawdownPct: number;
  /** Longest span from a peak to the first session back at or above it (or to the last session if never), in calendar days. */
  maxDrawdownDurationDays: number;
  /** The same span in sessions. */
  maxDrawdownDurationBars: number;
  /** Mean over drawdown episodes (peak to recovery or the end) of each one's deepest fall, in % (<= 0); null without a drawdown. */
  avgDrawdownPct: number | null;
  /** Mean duration of those episodes in calendar days; null without a drawdown. */
  avgDrawdownDurationDays: number | null;
  /** The same mean in sessions; null without a drawdown. */
  avgDrawdownDurationBars: number | null;
  /** Share of sessions with gross exposure > 0, x 100; null for an empty run. */
  exposureTimePct: number | null;
  /** Annualised turnover: turnoverValue / mean(equity) / years; null when the run spans no time. */
  turnover: number | null;
  /** Number of closed round trips. */
  closedTrades: number;
  /** Number of round trips (position lifecycles) still open at the end. */
  openTrades: number;
  /** Trades with pnl > 0 / closed trades x 100; null without trades. */
  winRatePct: number | null;
  /** Sum of winning pnl / |sum of losing pnl|; null without losing trades. */
  profitFactor: number | null;
  /** Mean pnl of winning trades; null without wins. */
  avgWin: number | null;
  /** Mean pnl of losing trades (negative); null without losses. */
  avgLoss: number | null;
  /** Mean pnl per closed trade, = winRate x avgWin + lossRate x avgLoss; null without trades. */
  expectancy: number | null;
  /** Mean returnPct per closed trade (pnl over the entered value, in %); null without trades. */
  expectancyPct: number | null;
  /** Kelly fraction: W - (1 - W) / (avgWin / |avgLoss|), W the win rate as a fraction; null without wins or losses. */
  kelly: number | null;
  /** System Quality Number: sqrt(N) x mean(trade pnl) / sample std(trade pnl); null for N < 2 or zero std. */
  sqn: number | null;
  /** Largest winning trade pnl; null without wins. */
  largestWin: number | null;
  /** Most negative losing trade pnl; null without losses. */
  largestLoss: number | null;
  /** Mean of (exit session - entry session) over closed trades; null without trades. */
  avgBarsHeld: number | null;
  /** Total commissions paid. */
  commissions: number;
  /** Total slippage cost against reference prices. */
  slippage: number;
  /** (last benchmark equity / initialCash - 1) x 100; null for an empty run. */
  buyAndHoldReturnPct: number | null;
  /** Equity at the last session (initialCash for an empty run). */
  finalEquity: number;
}

/** Below this a standard deviation of fractional returns is float noise, and a ratio over it meaningless. */
const ZERO_STD = 1e-12;

const finiteOr = (x: number): number | null => (Number.isFinite(x) ? x : null);

function meanAndSampleStd(xs: Float64Array): { mean: number; std: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    ss += d * d;
  }
  return { mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN };
}

function validate(input: MetricsInput): void {
  const n = input.equity.length;
  for (const key of ['ts', 'exposure', 'benchmarkEquity'] as const) {
    if (input[key].length !== n) {
      throw new Error(`computeMetrics: ${key} has ${input[key].length} points but equity has ${n}`);
    }
  }
  if (!(input.initialCash > 0) || !Number.isFinite(input.initialCash)) {
    throw new Error(`computeMetrics: initialCash must be a positive number, got ${input.initialCash}`);
  }
  if (!(input.periodsPerYear > 0) || !Number.isFinite(input.periodsPerYear)) {
    throw new Error(`computeMetrics: periodsPerYear must be a positive number, got ${input.periodsPerYear}`);
  }
}

/** The geometric mean return per session, compounded over periodsPerYear sessions. */
function annualReturnPct(equity: Float64Array, periodsPerYear: number): number | null {
  const n = equity.length - 1;
  if (n < 1 || !(equity[0] > 0)) return null;
  const growth = equity[n] / equity[0];
  return growth > 0 ? finiteOr((growth ** (periodsPerYear / n) - 1) * 100) : -100;
}

/** OLS of the run's returns on the benchmark's: beta the slope, alpha the intercept annualised. */
function alphaBeta(returns: Float64Array, benchmark: Float64Array, periodsPerYear: number): { alphaPct: number | null; beta: number | null } {
  const n = returns.length;
  if (n < 2) return { alphaPct: null, beta: null };
  let meanR = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanR += returns[i];
    meanB += benchmark[i];
  }
  meanR /= n;
  meanB /= n;
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const db = benchmark[i] - meanB;
    cov += (returns[i] - meanR) * db;
    varB += db * db;
  }
  // A flat benchmark (none, or not yet bought) explains nothing: the slope is undefined.
  if (!(Math.sqrt(varB / (n - 1)) > ZERO_STD)) return { alphaPct: null, beta: null };
  const beta = cov / varB;
  const alpha = meanR - beta * meanB;
  return { alphaPct: finiteOr(((1 + alpha) ** periodsPerYear - 1) * 100), beta: finiteOr(beta) };
}

function returnMetrics(input: MetricsInput) {
  const { equity, periodsPerYear } = input;
  const returns = sessionReturns(equity);
  const annual = { annualReturnPct: annualReturnPct(equity, periodsPerYear), ...alphaBeta(returns, sessionReturns(input.benchmarkEquity), periodsPerYear) };
  if (returns.length < 2) return { annualVolatilityPct: null, sharpe: null, sortino: null, ...annual };
  const { mean, std } = meanAndSampleStd(returns);
  let downSq = 0;
  for (const r of returns) if (r < 0) downSq += r * r;
  const downside = Math.sqrt(downSq / returns.length);
  const scale = Math.sqrt(periodsPerYear);
  return {
    annualVolatilityPct: finiteOr(std * scale * 100),
    sharpe: std > ZERO_STD ? finiteOr((mean / std) * scale) : null,
    sortino: downside > ZERO_STD ? finiteOr((mean / downside) * scale) : null,
    ...annual,
  };
}

function tradeMetrics(t: TradeSummary) {
  const n = t.count;
  if (n === 0) {
    return {
      winRatePct: null, profitFactor: null, avgWin: null, avgLoss: null, expectancy: null,
      expectancyPct: null, kelly: null, sqn: null, largestWin: null, largestLoss: null, avgBarsHeld: null,
    };
  }
  const avgWin = t.wins ? finiteOr(t.grossWin / t.wins) : null;
  const avgLoss = t.losses ? finiteOr(t.grossLoss / t.losses) : null;
  const std = n > 1 ? Math.sqrt(t.m2Pnl / (n - 1)) : 0;
  const winRate = t.wins / n;
  return {
    winRatePct: winRate * 100,
    profitFactor: t.grossLoss < 0 ? finiteOr(t.grossWin / -t.grossLoss) : null,
    avgWin,
    avgLoss,
    // The sum over count is exact where Welford's running mean drifts by an ulp.
    expectancy: finiteOr((t.grossWin + t.grossLoss) / n),
    expectancyPct: finiteOr(t.sumReturnPct / n),
    kelly: avgWin !== null && avgLoss !== null && avgLoss < 0 ? finiteOr(winRate - (1 - winRate) / (avgWin / -avgLoss)) : null,
    sqn: n >= 2 && std > 0 ? finiteOr((Math.sqrt(n) * t.meanPnl) / std) : null,
    largestWin: t.largestWin,
    largestLoss: t.largestLoss,
    avgBarsHeld: t.sumBarsHeld / n,
  };
}

export function computeMetrics(input: MetricsInput): Metrics {
  validate(input);
  const { ts, equity, exposure, benchmarkEquity, initialCash } = input;
  const n = equity.length;
  const finalEquity = n ? equity[n - 1] : initialCash;
  const years = n > 1 ? yearsBetween(ts[0], ts[n - 1]) : 0;
  const growth = finalEquity / initialCash;
  const cagrPct = years > 0 ? (growth > 0 ? (growth ** (1 / years) - 1) * 100 : -100) : null;
  const dd = n
    ? drawdownStats(ts, equity, initialCash)
    : { maxDrawdown: 0, maxDurationDays: 0, maxDurationBars: 0, avgDrawdown: null, avgDurationDays: null, avgDurationBars: null };
  let exposed = 0;
  let equitySum = 0;
  for (let i = 0; i < n; i++) {
    if (exposure[i] > 0) exposed++;
    equitySum += equity[i];
  }
  const meanEquity = n ? equitySum / n : 0;
  return {
    totalReturnPct: (growth - 1) * 100,
    cagrPct: cagrPct === null ? null : finiteOr(cagrPct),
    ...returnMetrics(input),
    calmar: cagrPct !== null && dd.maxDrawdown < 0 ? finiteOr(cagrPct / 100 / Math.abs(dd.maxDrawdown)) : null,
    maxDrawdownPct: dd.maxDrawdown * 100,
    maxDrawdownDurationDays: dd.maxDurationDays,
    maxDrawdownDurationBars: dd.maxDurationBars,
    avgDrawdownPct: dd.avgDrawdown === null ? null : dd.avgDrawdown * 100,
    avgDrawdownDurationDays: dd.avgDurationDays,
    avgDrawdownDurationBars: dd.avgDurationBars,
    exposureTimePct: n ? (exposed / n) * 100 : null,
    turnover: years > 0 && meanEquity > 0 ? finiteOr(input.turnoverValue / meanEquity / years) : null,
    closedTrades: input.trades.count,
    openTrades: input.openTrades,
    ...tradeMetrics(input.trades),
    commissions: input.commissions,
    slippage: input.slippage,
    buyAndHoldReturnPct: n ? finiteOr((benchmarkEquity[n - 1] / initialCash - 1) * 100) : null,
    finalEquity,
  };
}
