import { describe, expect, it } from 'vitest';
import { periodReturns } from './periodReturns';

const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);

describe('periodReturns', () => {
  it('chains months and years from the initial cash', () => {
    const ts = [day('2020-01-02'), day('2020-01-31'), day('2020-02-28'), day('2021-01-04')];
    const eq = [100, 110, 99, 108.9];
    const bench = [100, 105, 105, 126];
    const r = periodReturns(ts, eq, bench, 100);
    expect(r.monthly.map((m) => [m.year, m.month])).toEqual([[2020, 1], [2020, 2], [2021, 1]]);
    expect(r.monthly[0].returnPct).toBeCloseTo(10);
    expect(r.monthly[1].returnPct).toBeCloseTo(-10);
    expect(r.monthly[2].returnPct).toBeCloseTo(10);
    expect(r.yearly).toHaveLength(2);
    expect(r.yearly[0].returnPct).toBeCloseTo(-1);
    expect(r.yearly[0].benchmarkPct).toBeCloseTo(5);
    expect(r.yearly[1].benchmarkPct).toBeCloseTo(20);
  });

  it('is empty for an empty curve', () => {
    expect(periodReturns([], [], [], 100)).toEqual({ monthly: [], yearly: [] });
  });
});
