import { describe, expect, it } from 'vitest';
import type { FlatMetrics } from './flatMetrics';
import { METRIC_NAMES } from './metricNames';
import { isBetter, objectiveOf, objectiveValue, OBJECTIVES, type Objective } from './objective';

const MAX: Objective = { name: 'sharpe', label: 'Sharpe ratio', direction: 'max' };
const MIN: Objective = { name: 'commissions', label: 'commissions', direction: 'min' };

describe('objectiveOf', () => {
  it('answers a listed objective with its label and direction', () => {
    expect(objectiveOf('sharpe', METRIC_NAMES)).toEqual({ name: 'sharpe', label: 'Sharpe ratio', direction: 'max' });
    expect(objectiveOf('annual_volatility_pct', METRIC_NAMES)).toEqual({ name: 'annual_volatility_pct', label: 'Annual volatility % (lowest)', direction: 'min' });
    // return_drawdown is computed, so it is no metric name; listed objectives need none.
    expect(objectiveOf('return_drawdown', [])).toEqual({ name: 'return_drawdown', label: 'Total return / max drawdown', direction: 'max' });
  });

  it('lists only objectives a run has (or can compute), once each', () => {
    const names = OBJECTIVES.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) if (name !== 'return_drawdown') expect(METRIC_NAMES, name).toContain(name);
  });

  it('answers any other known metric, lower-is-better ones as min', () => {
    expect(objectiveOf('beta', METRIC_NAMES)).toEqual({ name: 'beta', label: 'beta', direction: 'max' });
    expect(objectiveOf('kelly', METRIC_NAMES)).toEqual({ name: 'kelly', label: 'kelly', direction: 'max' });
    for (const name of ['commissions', 'slippage', 'turnover', 'max_drawdown_duration_days', 'max_drawdown_duration_bars', 'avg_drawdown_duration_days', 'avg_drawdown_duration_bars', 'orders', 'fills']) {
      expect(METRIC_NAMES, name).toContain(name);
      expect(objectiveOf(name, METRIC_NAMES), name).toEqual({ name, label: name, direction: 'min' });
    }
  });

  it('throws for an unknown name, listing the objectives and the known metrics', () => {
    expect(() => objectiveOf('sharp', ['a_metric', 'b_metric'])).toThrow(
      `unknown objective "sharp"; choose one of ${OBJECTIVES.map((o) => o.name).join(', ')}, or any metric of the backtest's --json (a_metric, b_metric)`,
    );
    // Known only through `known`: a real metric name is unknown when the list lacks it.
    expect(() => objectiveOf('beta', [])).toThrow(/^unknown objective "beta"/);
  });
});

describe('objectiveValue', () => {
  it('divides total return by the depth of the max drawdown for return_drawdown', () => {
    const o = objectiveOf('return_drawdown', []);
    expect(objectiveValue(o, { total_return_pct: 30, max_drawdown_pct: -12 })).toBe(2.5);
    expect(objectiveValue(o, { total_return_pct: -6, max_drawdown_pct: -12 })).toBe(-0.5);
    expect(objectiveValue(o, { total_return_pct: 30, max_drawdown_pct: 12 })).toBe(2.5);
  });

  it('has no return_drawdown without a drawdown or either figure', () => {
    const o = objectiveOf('return_drawdown', []);
    const cases: FlatMetrics[] = [
      { total_return_pct: 30, max_drawdown_pct: 0 },
      { total_return_pct: 30, max_drawdown_pct: -0 },
      { total_return_pct: null, max_drawdown_pct: -5 },
      { total_return_pct: 30, max_drawdown_pct: null },
      { max_drawdown_pct: -5 },
      { total_return_pct: 30 },
      {},
    ];
    for (const m of cases) expect(objectiveValue(o, m), JSON.stringify(m)).toBeNull();
  });

  it("answers the named metric's value, null when it is null or absent", () => {
    expect(objectiveValue(MAX, { sharpe: 1.3, sortino: 2 })).toBe(1.3);
    expect(objectiveValue(MAX, { sharpe: 0 })).toBe(0);
    expect(objectiveValue(MAX, { sharpe: null })).toBeNull();
    expect(objectiveValue(MAX, { sortino: 2 })).toBeNull();
  });
});

describe('isBetter', () => {
  it('prefers the larger value for a max objective, strictly', () => {
    expect(isBetter(MAX, 2, 1)).toBe(true);
    expect(isBetter(MAX, 1, 2)).toBe(false);
    expect(isBetter(MAX, 1, 1)).toBe(false);
    expect(isBetter(MAX, -1, -2)).toBe(true);
  });

  it('prefers the smaller value for a min objective, strictly', () => {
    expect(isBetter(MIN, 1, 2)).toBe(true);
    expect(isBetter(MIN, 2, 1)).toBe(false);
    expect(isBetter(MIN, 1, 1)).toBe(false);
  });

  it('ranks a defined value above null, and null above nothing', () => {
    for (const o of [MAX, MIN]) {
      expect(isBetter(o, -1e9, null)).toBe(true);
      expect(isBetter(o, 1e9, null)).toBe(true);
      expect(isBetter(o, null, -1e9)).toBe(false);
      expect(isBetter(o, null, 1e9)).toBe(false);
      expect(isBetter(o, null, null)).toBe(false);
    }
  });
});
