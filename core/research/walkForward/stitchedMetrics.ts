import { computeMetrics, type Metrics } from '../../backtest/metrics';
import { emptyTradeSummary } from '../../backtest/tradesSummary';
import type { FlatMetrics } from '../flatMetrics';
import type { Curve } from './stitch';

/** The run metrics a bare equity curve defines, under the names a sweep's flat metrics use. */
const CURVE_METRICS: readonly [keyof Metrics, string][] = [
  ['finalEquity', 'final_equity'],
  ['totalReturnPct', 'total_return_pct'],
  ['cagrPct', 'cagr_pct'],
  ['annualReturnPct', 'annual_return_pct'],
  ['annualVolatilityPct', 'annual_volatility_pct'],
  ['sharpe', 'sharpe'],
  ['sortino', 'sortino'],
  ['calmar', 'calmar'],
  ['maxDrawdownPct', 'max_drawdown_pct'],
  ['maxDrawdownDurationDays', 'max_drawdown_duration_days'],
  ['maxDrawdownDurationBars', 'max_drawdown_duration_bars'],
  ['avgDrawdownPct', 'avg_drawdown_pct'],
  ['avgDrawdownDurationDays', 'avg_drawdown_duration_days'],
];

/** Counts that add up across windows, whatever each window's account size. */
const SUMMED = ['closed_trades', 'orders', 'fills'] as const;

/**
 * Metrics of the stitched out-of-sample curve: computeMetrics's definitions (so a stitched Sharpe reads like a
 * backtest's), keeping only what a curve without its trades and exposure defines, plus the windows' trade,
 * order and fill counts summed. Money figures of the windows (commissions, P&L) are not summed: each window's
 * run is in its own account's scale.
 */
export function stitchedMetrics(curve: Curve, initialCash: number, periodsPerYear: number, outOfSample: readonly FlatMetrics[]): FlatMetrics {
  const n = curve.ts.length;
  const equity = Float64Array.from(curve.equity);
  const m = computeMetrics({
    ts: Float64Array.from(curve.ts),
    equity,
    exposure: new Float64Array(n),
    benchmarkEquity: equity,
    initialCash,
    periodsPerYear,
    trades: emptyTradeSummary(),
    openTrades: 0,
    commissions: 0,
    slippage: 0,
    turnoverValue: 0,
  });
  const out: FlatMetrics = {};
  for (const [key, name] of CURVE_METRICS) {
    const v = m[key];
    out[name] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  for (const name of SUMMED) out[name] = outOfSample.reduce((sum, w) => sum + (w[name] ?? 0), 0);
  return out;
}
