import { describe, expect, it } from 'vitest';
import type { BarSeries } from '../data/BarSeries';
import { periodsPerYear } from './runner';

function series(barSeconds: number, stamps: number[]): BarSeries {
  const ts = Float64Array.from(stamps);
  const z = new Float64Array(ts.length).fill(1);
  return { symbol: 'X', barSeconds, length: ts.length, ts, open: z, high: z, low: z, close: z, volume: z };
}

const DAY = 86_400_000;

describe('periodsPerYear', () => {
  it('is 252 for daily bars and calendar-based for weekly and monthly ones', () => {
    expect(periodsPerYear([series(86_400, [0, DAY])])).toBe(252);
    expect(periodsPerYear([series(7 * 86_400, [0])])).toBe(52);
    expect(periodsPerYear([series(30 * 86_400, [0])])).toBe(12);
  });

  it("counts an intraday series' own bars per day: a 13-hour session is not a 6.5-hour one", () => {
    const minute = 60_000;
    const stamps: number[] = [];
    for (let d = 0; d < 5; d++) for (let m = 0; m < 780; m++) stamps.push(d * DAY + 9 * 3_600_000 + m * minute);
    expect(periodsPerYear([series(60, stamps)])).toBe(252 * 780);
  });
});
