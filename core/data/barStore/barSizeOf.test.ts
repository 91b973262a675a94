import { describe, expect, it } from 'vitest';
import type { BarSeries } from '../BarSeries';
import { seriesFromBars } from '../seriesFromBars';
import { barSizeOf } from './barSizeOf';

// The fixture files' sizes are checked where they are imported (core/data/import/importBars.test.ts).
const withStep = (barSeconds: number): BarSeries => ({ ...seriesFromBars('T', []), barSeconds });

describe('barSizeOf', () => {
  it('names intraday, daily and weekly steps in their largest whole unit', () => {
    expect([60, 300, 3600, 86_400, 2 * 86_400, 604_800, 1_209_600].map((s) => barSizeOf(withStep(s)))).toEqual([
      '1m',
      '5m',
      '1h',
      '1d',
      '2d',
      '1w',
      '2w',
    ]);
  });

  it('reads monthly steps of 28 to 31 days, quarters and years, and falls back to tick', () => {
    expect([28, 29, 30, 31].map((d) => barSizeOf(withStep(d * 86_400)))).toEqual(['1mo', '1mo', '1mo', '1mo']);
    expect(barSizeOf(withStep(91 * 86_400))).toBe('3mo');
    expect(barSizeOf(withStep(365 * 86_400))).toBe('12mo');
    expect(barSizeOf(withStep(15))).toBe('15s');
    expect(barSizeOf(withStep(7))).toBe('tick');
    expect(barSizeOf(withStep(4.2))).toBe('tick');
    expect(barSizeOf(withStep(0))).toBe('tick');
    expect(barSizeOf(withStep(1.5 * 86_400))).toBe('tick');
  });
});
