import type { Holding } from './exposure';
import { parametricVarEs } from './valueAtRisk';

/**
 * A user-defined shock. `market` moves every position by `shockPct` one-for-one (beta 1 per position:
 * a run stores no per-symbol betas, and 1:1 is the conservative reading for a long book); `symbol` moves
 * one symbol; `volatility` multiplies the daily volatility by `factor` and reports the 1-day 99 %
 * parametric VaR under it as the loss.
 */
export type Scenario =
  | { kind: 'market'; shockPct: number }
  | { kind: 'symbol'; symbol: string; shockPct: number }
  | { kind: 'volatility'; factor: number };

export interface ScenarioResult {
  name: string;
  scenario: Scenario;
  /** Money gained (negative: lost). */
  pnl: number;
  /** P&L over equity. */
  pnlPct: number;
}

export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  { kind: 'market', shockPct: -10 },
  { kind: 'market', shockPct: -20 },
  { kind: 'volatility', factor: 2 },
];

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x)}`;

export function scenarioName(s: Scenario): string {
  if (s.kind === 'market') return `Market ${signed(s.shockPct)} %`;
  if (s.kind === 'symbol') return `${s.symbol} ${signed(s.shockPct)} %`;
  return `Volatility ×${s.factor} (1-day 99 % VaR)`;
}

/** Each scenario's P&L on the book; `returns` (daily portfolio returns) serve the volatility shock. */
export function runScenarios(scenarios: readonly Scenario[], holdings: readonly Holding[], equity: number, returns: readonly number[]): ScenarioResult[] {
  if (!(equity > 0)) throw new Error(`scenarios: equity must be positive, got ${equity}`);
  return scenarios.map((s) => {
    let pnl: number;
    if (s.kind === 'volatility') {
      if (!(s.factor > 0)) throw new Error(`volatility scenario: factor must be positive, got ${s.factor}`);
      pnl = returns.length < 2 ? 0 : -parametricVarEs(returns, 0.99, 1, s.factor).var * equity;
    } else {
      const hit = s.kind === 'market' ? holdings : holdings.filter((h) => h.symbol === s.symbol);
      pnl = hit.reduce((acc, h) => acc + h.quantity * h.price * (s.shockPct / 100), 0);
    }
    return { name: scenarioName(s), scenario: s, pnl, pnlPct: pnl / equity };
  });
}
