import { mean, sampleStd, SESSIONS_PER_YEAR } from './stats';

export interface RollingPoint {
  ts: number;
  /** Annualised volatility of the window's daily returns. */
  volatility: number;
  /** Annualised Sharpe ratio of the window (risk-free rate 0); null when the window did not move. */
  sharpe: number | null;
  /** Maximum drawdown within the window, as a negative fraction (0: none). */
  drawdown: number;
}

/**
 * Trailing-window figures over an equity curve: the point at day t uses the `window` returns ending at
 * t (so the first point is at index `window`). Values must be positive.
 */
export function rollingRisk(ts: readonly number[], equity: readonly number[], window: number): RollingPoint[] {
  if (!Number.isInteger(window) || window < 2) throw new Error(`rolling window must be an integer of at least 2, got ${window}`);
  if (ts.length !== equity.length) throw new Error(`rollingRisk: ${ts.length} dates but ${equity.length} equity values`);
  const out: RollingPoint[] = [];
  for (let end = window; end < equity.length; end++) {
    const slice = equity.slice(end - window, end + 1);
    const rets: number[] = [];
    for (let i = 1; i < slice.length; i++) rets.push(slice[i] / slice[i - 1] - 1);
    const sd = sampleStd(rets);
    let peak = slice[0];
    let worst = 0;
    for (const v of slice) {
      peak = Math.max(peak, v);
      worst = Math.min(worst, v / peak - 1);
    }
    out.push({
      ts: ts[end],
      volatility: sd * Math.sqrt(SESSIONS_PER_YEAR),
      sharpe: sd === 0 ? null : (mean(rets) / sd) * Math.sqrt(SESSIONS_PER_YEAR),
      drawdown: worst,
    });
  }
  return out;
}
