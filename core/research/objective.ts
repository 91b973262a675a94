import type { FlatMetrics } from './flatMetrics';

export interface Objective {
  /** As a sweep names it: a metric's snake_case name, or `return_drawdown`. */
  name: string;
  label: string;
  /** Which way is better. */
  direction: 'max' | 'min';
}

/** The objectives a trader usually picks, in the order the form lists them. Any other metric can be named too. */
export const OBJECTIVES: readonly Objective[] = [
  { name: 'sharpe', label: 'Sharpe ratio', direction: 'max' },
  { name: 'sortino', label: 'Sortino ratio', direction: 'max' },
  { name: 'cagr_pct', label: 'CAGR %', direction: 'max' },
  { name: 'calmar', label: 'Calmar ratio (CAGR / max drawdown)', direction: 'max' },
  { name: 'return_drawdown', label: 'Total return / max drawdown', direction: 'max' },
  { name: 'total_return_pct', label: 'Total return %', direction: 'max' },
  { name: 'final_equity', label: 'Final equity', direction: 'max' },
  { name: 'max_drawdown_pct', label: 'Max drawdown % (shallowest)', direction: 'max' },
  { name: 'annual_volatility_pct', label: 'Annual volatility % (lowest)', direction: 'min' },
  { name: 'profit_factor', label: 'Profit factor', direction: 'max' },
  { name: 'win_rate_pct', label: 'Win rate %', direction: 'max' },
  { name: 'expectancy', label: 'Expectancy per trade', direction: 'max' },
  { name: 'sqn', label: 'SQN', direction: 'max' },
  { name: 'alpha_pct', label: 'Alpha % (vs buy and hold)', direction: 'max' },
];

/** Metrics where less is better: costs, durations and volatility. */
const LOWER_IS_BETTER = new Set([
  'annual_volatility_pct',
  'commissions',
  'slippage',
  'turnover',
  'max_drawdown_duration_days',
  'max_drawdown_duration_bars',
  'avg_drawdown_duration_days',
  'avg_drawdown_duration_bars',
  'orders',
  'fills',
]);

/**
 * The objective called `name`: a listed one, or any metric of `known` (a run's flat metric names). An unknown
 * name throws, listing the choices.
 */
export function objectiveOf(name: string, known: readonly string[]): Objective {
  const listed = OBJECTIVES.find((o) => o.name === name);
  if (listed) return listed;
  if (known.includes(name)) return { name, label: name, direction: LOWER_IS_BETTER.has(name) ? 'min' : 'max' };
  throw new Error(`unknown objective "${name}"; choose one of ${OBJECTIVES.map((o) => o.name).join(', ')}, or any metric of the backtest's --json (${known.join(', ')})`);
}

/** The objective's value for one run, null when the metric is undefined for it (e.g. a Sharpe without variance). */
export function objectiveValue(o: Objective, m: FlatMetrics): number | null {
  if (o.name === 'return_drawdown') {
    const r = m.total_return_pct;
    const dd = m.max_drawdown_pct;
    return r === null || r === undefined || dd === null || dd === undefined || dd === 0 ? null : r / Math.abs(dd);
  }
  const v = m[o.name];
  return v === undefined ? null : v;
}

/** True when `a` is strictly better than `b` under `o`; a defined value beats null. */
export function isBetter(o: Objective, a: number | null, b: number | null): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return o.direction === 'max' ? a > b : a < b;
}
