import { describe, expect, it } from 'vitest';
import { drawdownSeries, drawdownStats, monthlyReturns, yearlyReturns } from './metricsSeries';

const f64 = (xs: number[]) => Float64Array.from(xs);
const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('drawdownSeries', () => {
  it('is equity over its running peak minus one', () => {
    expect([...drawdownSeries(f64([100, 110, 99, 120]))]).toEqual([0, 0, 99 / 110 - 1, 0]);
    const fromCash = drawdownSeries(f64([90, 100]), 100);
    expect(fromCash[0]).toBeCloseTo(-0.1, 12);
    expect(fromCash[1]).toBe(0);
  });
});

describe('drawdownStats', () => {
  it('spans peak to recovery in calendar days and bars', () => {
    const ts = f64(['2024-01-01', '2024-01-02', '2024-01-05', '2024-01-11', '2024-01-12'].map(day));
    expect(drawdownStats(ts, f64([100, 110, 100, 110, 90]))).toEqual({
      maxDrawdown: 90 / 110 - 1,
      maxDurationDays: 9, // Jan 2 peak, back at 110 on Jan 11; the later Jan 11 -> end span is 1 day
      maxDurationBars: 2,
      episodes: 2,
      avgDrawdown: (90 / 110 - 1 + (100 / 110 - 1)) / 2,
      avgDurationDays: 5, // (9 + 1) / 2
      avgDurationBars: 1.5, // (2 + 1) / 2
    });
  });

  it('counts a fall from the starting peak as an episode and gives null means without any', () => {
    const ts = f64(['2024-01-01', '2024-01-02', '2024-01-03'].map(day));
    const fromCash = drawdownStats(ts, f64([80, 90, 100]), 100);
    expect(fromCash).toMatchObject({ episodes: 1, avgDrawdown: 80 / 100 - 1, avgDurationDays: 2, avgDurationBars: 2 });
    expect(drawdownStats(ts, f64([100, 101, 102]))).toMatchObject({
      episodes: 0, avgDrawdown: null, avgDurationDays: null, avgDurationBars: null, maxDrawdown: 0,
    });
  });
});

describe('monthly and yearly returns', () => {
  const ts = f64(['2023-12-29', '2024-01-15', '2024-01-31', '2024-02-10', '2024-02-28', '2024-03-01'].map(day));
  const equity = f64([100, 105, 110, 99, 120, 126]);

  it('chains each month to the previous month-end', () => {
    const got = monthlyReturns(ts, equity, 100);
    expect(got.map((r) => [r.year, r.month])).toEqual([[2023, 12], [2024, 1], [2024, 2], [2024, 3]]);
    const pcts = got.map((r) => r.returnPct);
    expect(pcts[0]).toBe(0);
    expect(pcts[1]).toBeCloseTo(10, 10);
    expect(pcts[2]).toBeCloseTo((120 / 110 - 1) * 100, 10);
    expect(pcts[3]).toBeCloseTo(5, 10);
  });

  it('chains each year to the previous year-end, the first from the base', () => {
    const got = yearlyReturns(ts, equity, 80);
    expect(got.map((r) => r.year)).toEqual([2023, 2024]);
    expect(got[0].returnPct).toBeCloseTo(25, 10);
    expect(got[1].returnPct).toBeCloseTo(26, 10);
  });
});
