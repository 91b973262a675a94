import { describe, expect, it } from 'vitest';
import { priceGrid } from './priceGrid';

const bar = (open: number, high: number, low: number, close: number) => ({ ts: 0, open, high, low, close, volume: 1 });

describe('priceGrid', () => {
  it('finds the decimals a series is quoted to, at least cents', () => {
    expect(priceGrid([bar(700, 712.5, 698.25, 710)])).toBe(2);
    expect(priceGrid([bar(1.0823, 1.08235, 1.0801, 1.0822)])).toBe(5);
    expect(priceGrid([bar(0.1 + 0.2, 0.3, 0.3, 0.3)])).toBe(2);
    expect(priceGrid([])).toBe(2);
  });

  it('stops at eight for unrounded prices', () => {
    expect(priceGrid([bar(Math.PI, 4, 3, Math.E)])).toBe(8);
  });
});
