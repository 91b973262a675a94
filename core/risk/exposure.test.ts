import { describe, expect, it } from 'vitest';
import { concentration, exposures } from './exposure';

describe('exposures', () => {
  const book = [
    { symbol: 'AAA', quantity: 100, price: 10 },
    { symbol: 'BBB', quantity: -50, price: 20 },
    { symbol: 'CCC', quantity: 10, price: 5 },
    { symbol: 'FLAT', quantity: 0, price: 7 },
  ];

  it('splits gross, net, long and short against equity', () => {
    const e = exposures(book, 2000);
    expect(e.long).toBe(1050);
    expect(e.short).toBe(1000);
    expect(e.gross).toBe(2050);
    expect(e.net).toBe(50);
    expect(e.grossPct).toBeCloseTo(1.025, 12);
    expect(e.shortPct).toBeCloseTo(0.5, 12);
    expect(e.bySymbol.map((s) => s.symbol)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(e.bySymbol[1].weight).toBeCloseTo(-0.5, 12);
  });

  it('measures concentration by the Herfindahl index of gross shares', () => {
    const c = concentration(exposures(book, 2000), 2);
    const s = [1000 / 2050, 1000 / 2050, 50 / 2050];
    expect(c.herfindahl).toBeCloseTo(s[0] ** 2 + s[1] ** 2 + s[2] ** 2, 12);
    expect(c.effectivePositions).toBeCloseTo(1 / c.herfindahl, 12);
    expect(c.topShare).toBeCloseTo(2000 / 2050, 12);
    expect(c.top).toHaveLength(2);
  });

  it('is 1 for a single position and 0 when flat', () => {
    expect(concentration(exposures([{ symbol: 'A', quantity: 3, price: 1 }], 10)).herfindahl).toBe(1);
    expect(concentration(exposures([], 10))).toEqual({ herfindahl: 0, effectivePositions: 0, topShare: 0, top: [] });
  });

  it('refuses a non-positive equity', () => {
    expect(() => exposures(book, 0)).toThrow(/equity must be positive, got 0/);
  });
});
