import { describe, expect, it } from 'vitest';
import type { Bar } from '../data/BarSeries';
import { priceDecimals } from './pricePrecision';

const bar = (open: number, high: number, low: number, close: number): Bar => ({ ts: 0, open, high, low, close, volume: 1 });

describe('priceDecimals', () => {
  it('is the fewest decimals that write every price of the series exactly', () => {
    expect(priceDecimals([bar(100, 104.06, 95.96, 100.34), bar(101.01, 109.08, 100.5, 108.31)])).toBe(2);
    expect(priceDecimals([bar(1.0716, 1.0722, 1.07083, 1.07219)])).toBe(5);
    expect(priceDecimals([bar(3100, 3125, 3090, 3110)])).toBe(0);
    expect(priceDecimals([])).toBe(0);
  });

  it('ignores binary floating-point noise (0.1 + 0.2) and caps float noise at 8 decimals', () => {
    expect(priceDecimals([bar(0.1 + 0.2, 1.1 * 3, 0.7, 0.3)])).toBe(1);
    expect(priceDecimals([bar(10, 10, 10, 10 / 3)])).toBe(8);
  });
});
