import { describe, expect, it } from 'vitest';
import { bookCurve } from './bookCurve';

describe('bookCurve', () => {
  const closes = new Map([
    ['AAA', { ts: [1, 2, 3, 4], close: [10, 11, 12, 13] }],
    ['BBB', { ts: [2, 3, 4, 5], close: [50, 40, 45, 60] }],
  ]);

  it('values today’s book at each past close, on the dates all its symbols share', () => {
    // Equity 1,500 with 100 AAA at 13 and −5 BBB at 60: market value 1,000, so cash 500.
    const curve = bookCurve(
      [
        { symbol: 'AAA', quantity: 100, price: 13 },
        { symbol: 'BBB', quantity: -5, price: 60 },
      ],
      1500,
      closes,
    );
    expect(curve).toEqual([
      { ts: 2, equity: 500 + 1100 - 250, benchmark: null },
      { ts: 3, equity: 500 + 1200 - 200, benchmark: null },
      { ts: 4, equity: 500 + 1300 - 225, benchmark: null },
    ]);
  });

  it('gives no curve for a flat book and names a symbol without closes', () => {
    expect(bookCurve([{ symbol: 'AAA', quantity: 0, price: 1 }], 100, closes)).toEqual([]);
    expect(() => bookCurve([{ symbol: 'ZZZ', quantity: 1, price: 1 }], 100, closes)).toThrow(/no closes given for ZZZ/);
  });
});
