import { describe, expect, it } from 'vitest';
import { bestIndexes, COMPARE_METRICS, metricValue, overlayRows, valueDomain, valueTicks } from './compareData';

describe('overlayRows', () => {
  it('merges curves on the union of their dates, as percent returns', () => {
    const rows = overlayRows([
      { runId: 'a', ts: [1, 2, 3], value: [1, 1.1, 1.2] },
      { runId: 'b', ts: [2, 4], value: [0.95, 1.5] },
    ]);
    expect(rows.map((r) => r.t)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toEqual({ t: 1, a: 0 });
    expect(rows[1].a).toBeCloseTo(10);
    expect(rows[1].b).toBeCloseTo(-5);
    expect('b' in rows[2]).toBe(false);
    expect(rows[3]).toEqual({ t: 4, b: 50 });
  });
});

describe('bestIndexes', () => {
  it('picks the highest or lowest, ties included, ignoring missing values', () => {
    expect(bestIndexes([1.2, 0.8, null], 'higher')).toEqual([0]);
    expect(bestIndexes([5, 3, 3], 'lower')).toEqual([1, 2]);
    expect(bestIndexes([-30, -12.5], 'higher')).toEqual([1]);
  });

  it('ranks nothing for a neutral metric, with fewer than two values, or when all are equal', () => {
    expect(bestIndexes([1, 2], 'neutral')).toEqual([]);
    expect(bestIndexes([1, null, undefined], 'higher')).toEqual([]);
    expect(bestIndexes([2, 2], 'higher')).toEqual([]);
  });

  it('ranks drawdown by closeness to zero', () => {
    const dd = COMPARE_METRICS.find((m) => m.key === 'maxDrawdownPct');
    expect(bestIndexes([-34.1, -8.2, -20], dd?.better ?? 'neutral')).toEqual([1]);
  });
});

describe('COMPARE_METRICS', () => {
  const better = Object.fromEntries(COMPARE_METRICS.map((m) => [m.key, m.better]));

  it('calls no cost better: commissions, slippage and final equity (which follows the initial cash) are neutral', () => {
    expect(better.commissions).toBe('neutral');
    expect(better.slippage).toBe('neutral');
    expect(better.finalEquity).toBe('neutral');
    expect(bestIndexes([120.5, 80.25], better.commissions)).toEqual([]);
  });

  it('ranks returns and risk-adjusted returns upward, volatility and drawdown length downward', () => {
    expect([better.totalReturnPct, better.sharpe, better.sortino, better.calmar]).toEqual(['higher', 'higher', 'higher', 'higher']);
    expect([better.annualVolatilityPct, better.maxDrawdownDurationDays]).toEqual(['lower', 'lower']);
  });

  it('lists each metric once', () => {
    expect(new Set(COMPARE_METRICS.map((m) => m.key)).size).toBe(COMPARE_METRICS.length);
  });
});

describe('valueDomain', () => {
  it('spans the lowest to the highest return of the runs shown, with a twentieth as margin', () => {
    const rows = overlayRows([
      { runId: 'a', ts: [1, 2], value: [1, 0.4] },
      { runId: 'b', ts: [1, 2], value: [1, 1.2] },
    ]);
    const [lo, hi] = valueDomain(rows, ['a', 'b']);
    expect(lo).toBeCloseTo(-60 - 4);
    expect(hi).toBeCloseTo(20 + 4);
    // A run not shown does not stretch the axis.
    const [loA, hiA] = valueDomain(rows, ['a']);
    expect(loA).toBeCloseTo(-63);
    expect(hiA).toBeCloseTo(3);
  });

  it('gives a flat or empty set a point either side', () => {
    expect(valueDomain([{ t: 1, a: 5 }], ['a'])).toEqual([4, 6]);
    expect(valueDomain([], ['a'])).toEqual([-1, 1]);
  });
});

describe('metricValue', () => {
  it('reads numbers only', () => {
    expect(metricValue({ sharpe: 0.8, note: 'x' }, 'sharpe')).toBe(0.8);
    expect(metricValue({ note: 'x' }, 'note')).toBeNull();
    expect(metricValue(null, 'sharpe')).toBeNull();
  });
});

describe('valueTicks', () => {
  it('puts round numbers inside the domain, never beyond it', () => {
    expect(valueTicks([-7.3, 29.4])).toEqual([-5, 0, 5, 10, 15, 20, 25]);
    expect(valueTicks([0.12, 0.93])).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(valueTicks([-64, 24])).toEqual([-60, -40, -20, 0, 20]);
  });

  it('gives a single tick to an empty span', () => {
    expect(valueTicks([3, 3])).toEqual([3]);
  });
});
