import type { Metrics } from '../backtest/metrics';
import type { RunResult } from '../backtest/runner';

/** A run's figures keyed as the backtest CLI's `--json` names them (snake_case), every value a number or null. */
export type FlatMetrics = Record<string, number | null>;

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const SNAKE_KEYS = new Map<string, string>();
/** A metric's key as the CLI's `--json` names it: totalReturnPct → total_return_pct. */
export function snakeOf(key: string): string {
  let s = SNAKE_KEYS.get(key);
  if (s === undefined) SNAKE_KEYS.set(key, (s = snake(key)));
  return s;
}

/**
 * Every metric of a run (totalReturnPct → total_return_pct, the CLI's top-level names) plus its order and fill
 * counts: what a sweep records per combination and what an objective names.
 */
export function flatMetrics(result: Pick<RunResult, 'metrics' | 'totals'>): FlatMetrics {
  const out: FlatMetrics = {};
  const m: Metrics = result.metrics;
  for (const key of Object.keys(m) as (keyof Metrics)[]) {
    const v = m[key];
    out[snakeOf(key)] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  out.orders = result.totals.orders;
  out.fills = result.totals.fills;
  return out;
}
