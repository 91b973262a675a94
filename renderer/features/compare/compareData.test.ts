import { describe, expect, it } from 'vitest';
import { bestIndexes, COMPARE_METRICS, metricValue, overlayRows } from './compareData';

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

  it('ranks nothing without a direction, with fewer than two values, or when all are equal', () => {
    expect(bestIndexes([1, 2], undefined)).toEqual([]);
    expect(bestIndexes([1, null, undefined], 'higher')).toEqual([]);
    expect(bestIndexes([2, 2], 'higher')).toEqual([]);
  });

  it('ranks drawdown by closeness to zero', () => {
    const dd = COMPARE_METRICS.find((m) => m.key === 'maxDrawdownPct');
    expect(bestIndexes([-34.1, -8.2, -20], dd?.better)).toEqual([1]);
  });
});

describe('metricValue', () => {
  it('reads numbers only', () => {
    expect(metricValue({ sharpe: 0.8, note: 'x' }, 'sharpe')).toBe(0.8);
    expect(metricValue({ note: 'x' }, 'note')).toBeNull();
    expect(metricValue(null, 'sharpe')).toBeNull();
  });
});
