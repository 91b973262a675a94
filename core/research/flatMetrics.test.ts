import { describe, expect, it } from 'vitest';
import type { Metrics } from '../backtest/metrics';
import { runBacktest, type RunResult } from '../backtest/runner';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { generateSyntheticMarket } from '../data/synthetic';
import { getStrategy } from '../strategy/registry';
import { flatMetrics } from './flatMetrics';
import { METRIC_NAMES } from './metricNames';

/** A short sma-cross backtest on synthetic data: enough to trade, so most metrics are defined. */
function tinyRun(): RunResult {
  const series = generateSyntheticMarket({ symbols: 2, years: 0.5, seed: 11 });
  const def = getStrategy('sma-cross');
  const strategy = def.create(def.params.parse({ fast: 3, slow: 8, mode: 'long_short' }), { symbols: series.map((s) => s.symbol), baseDir: '.' });
  return runBacktest({
    series,
    strategy,
    initialCash: 100_000,
    seed: 1,
    sim: simulatorSchema.parse({}),
    planner: plannerSchema.parse({}),
    strict: true,
  });
}

const RUN = tinyRun();
const TOTALS = { orders: 7, fills: 5, commissions: 1, slippage: 2, turnoverValue: 3 };

describe('flatMetrics', () => {
  it('keys each metric in snake_case, as the backtest --json does, and adds orders and fills', () => {
    const m = { totalReturnPct: 12.5, cagrPct: 3, maxDrawdownDurationDays: 40, buyAndHoldReturnPct: -2, sqn: 1.1 } as unknown as Metrics;
    expect(flatMetrics({ metrics: m, totals: TOTALS })).toEqual({
      total_return_pct: 12.5,
      cagr_pct: 3,
      max_drawdown_duration_days: 40,
      buy_and_hold_return_pct: -2,
      sqn: 1.1,
      orders: 7,
      fills: 5,
    });
  });

  it('turns null and non-finite values into null', () => {
    const m = { sharpe: NaN, sortino: Infinity, calmar: -Infinity, beta: null, alphaPct: 0, kelly: -0.25 } as unknown as Metrics;
    const flat = flatMetrics({ metrics: m, totals: TOTALS });
    expect(flat).toEqual({ sharpe: null, sortino: null, calmar: null, beta: null, alpha_pct: 0, kelly: -0.25, orders: 7, fills: 5 });
  });

  it("flattens a real run: every metric, its value kept, plus the run's order and fill counts", () => {
    expect(RUN.status).toBe('completed');
    expect(RUN.totals.orders).toBeGreaterThan(0);
    const flat = flatMetrics(RUN);
    const metrics = RUN.metrics as unknown as Record<string, number | null>;
    expect(Object.keys(flat)).toHaveLength(Object.keys(metrics).length + 2);
    expect(flat.total_return_pct).toBe(RUN.metrics.totalReturnPct);
    expect(flat.final_equity).toBe(RUN.metrics.finalEquity);
    expect(flat.max_drawdown_pct).toBe(RUN.metrics.maxDrawdownPct);
    expect(flat.sharpe).toBe(RUN.metrics.sharpe);
    expect(flat.orders).toBe(RUN.totals.orders);
    expect(flat.fills).toBe(RUN.totals.fills);
    for (const [k, v] of Object.entries(flat)) {
      expect(k, k).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(v === null || Number.isFinite(v), k).toBe(true);
    }
  });
});

describe('METRIC_NAMES', () => {
  it('names every figure flatMetrics gives a real run', () => {
    const missing = Object.keys(flatMetrics(RUN)).filter((k) => !METRIC_NAMES.includes(k));
    expect(missing).toEqual([]);
  });

  it('names each once, in snake_case, ending with orders and fills', () => {
    expect(new Set(METRIC_NAMES).size).toBe(METRIC_NAMES.length);
    for (const n of METRIC_NAMES) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(METRIC_NAMES.slice(-2)).toEqual(['orders', 'fills']);
    expect(METRIC_NAMES).toContain('total_return_pct');
    expect(METRIC_NAMES).toContain('max_drawdown_duration_bars');
  });
});
