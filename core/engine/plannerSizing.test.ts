import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import { allInCeiling, allInQuantity, type SizingCosts } from './plannerSizing';

function costs(markup: number, fee: (side: Side, qty: number, price: number) => number): SizingCosts {
  return { buyPrice: (_i, p) => p * (1 + markup), sellPrice: (_i, p) => p * (1 - markup), fee };
}
const percent = (rate: number) => costs(0, (_s, q, p) => rate * q * p);

describe('allInQuantity', () => {
  it('is the peers’ floor(cash / (open × (1 + commission))) for a percent commission, to the share', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1e8, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.constantFrom(0.001, 0.002, 0.0025, 0.01),
        (cash, open, rate) => {
          expect(allInQuantity(percent(rate), 'X', 1, cash, open, 1)).toBe(Math.floor(cash / (open * (1 + rate))));
          expect(allInQuantity(percent(rate), 'X', -1, cash, open, 1)).toBe(-Math.floor(cash / (open * (1 + rate))));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('adds spread and slippage to the price before the commission rate', () => {
    const q = allInQuantity(costs(0.001, (_s, qty, p) => 0.002 * qty * p), 'X', 0.5, 100_000, 20, 1);
    expect(q).toBe(Math.floor(50_000 / (20 * 1.001 * 1.002)));
  });

  it('shrinks an order a fixed charge makes dearer per unit until the charge is paid too', () => {
    // Rate taken at the whole budget: 50 / 100 = 50%, so 66 units; 66 + 50 = 116 > 100. The fit: 50 + 50.
    expect(allInQuantity(costs(0, () => 50), 'X', 1, 100, 1, 1)).toBe(50);
  });

  it('never spends more than the weight of the equity, whatever the fee schedule and lot', () => {
    const fee = fc.oneof(
      fc.record({ rate: fc.double({ min: 0, max: 0.02, noNaN: true }) }).map(({ rate }) => (_s: Side, q: number, p: number) => rate * q * p),
      fc
        .record({ perShare: fc.double({ min: 0, max: 0.05, noNaN: true }), minimum: fc.double({ min: 0, max: 20, noNaN: true }) })
        .map(({ perShare, minimum }) => (_s: Side, q: number) => Math.max(minimum, perShare * q)),
      fc.double({ min: 0, max: 30, noNaN: true }).map((amount) => () => amount),
      fc.constant((_s: Side, q: number, p: number) => Math.min(Math.max(1, 0.005 * q), 0.01 * q * p)),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.constantFrom(0, 1, 10, 100),
        fee,
        (equity, w, price, markup, lot, feeOf) => {
          const c = costs(markup, feeOf);
          const q = allInQuantity(c, 'X', w, equity, price, lot);
          expect(Math.sign(q) === Math.sign(w) || q === 0).toBe(true);
          const units = Math.abs(q);
          if (lot > 0) expect(units / lot).toBe(Math.round(units / lot));
          const unit = w > 0 ? c.buyPrice('X', price, units) : c.sellPrice('X', price, units);
          const spent = units === 0 ? 0 : units * unit + feeOf(w > 0 ? 'BUY' : 'SELL', units, unit);
          expect(spent).toBeLessThanOrEqual(Math.abs(w) * equity * (1 + 1e-9));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('allInCeiling', () => {
  const fees = [
    (_s: Side, q: number, p: number) => 0.001 * q * p,
    (_s: Side, q: number) => Math.max(1, 0.005 * q),
    (_s: Side, q: number, p: number) => Math.min(Math.max(1, 0.005 * q), 0.01 * q * p),
    () => 7,
  ];

  it('bounds the quantity at the higher equity from the terms sized at the lower one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.005, noNaN: true }),
        fc.constantFrom(0, 1, 10, 100),
        fc.constantFrom(...fees),
        (hi, depth, w, price, markup, lot, feeOf) => {
          const c = costs(markup, feeOf);
          const lo = hi * (1 - depth);
          const terms = { unit: 0, rate: 0 };
          allInQuantity(c, 'X', w, lo, price, lot, terms);
          const ceiling = allInCeiling(c, 'X', w, lo, hi, price, lot, terms);
          if (!Number.isNaN(ceiling)) expect(Math.abs(allInQuantity(c, 'X', w, hi, price, lot))).toBeLessThanOrEqual(ceiling);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is the quantity itself across a narrow bracket, unless a lot boundary lies inside it', () => {
    let same = 0;
    const runs = 1000;
    for (let i = 0; i < runs; i++) {
      const hi = 1e6 + i * 977.3;
      const terms = { unit: 0, rate: 0 };
      const q = allInQuantity(costs(0.0005, fees[2]), 'X', 0.01, hi * (1 - 1e-5), 37.5 + i / 7, 1, terms);
      if (allInCeiling(costs(0.0005, fees[2]), 'X', 0.01, hi * (1 - 1e-5), hi, 37.5 + i / 7, 1, terms) === q) same++;
    }
    expect(same).toBeGreaterThan(0.95 * runs);
  });

  it('gives up (NaN) when the unit price moves with the quantity', () => {
    const impact: SizingCosts = { buyPrice: (_i, p, q) => p * (1 + 1e-6 * q), sellPrice: (_i, p) => p, fee: fees[0] };
    const terms = { unit: 0, rate: 0 };
    allInQuantity(impact, 'X', 0.5, 99_000, 10, 1, terms);
    expect(allInCeiling(impact, 'X', 0.5, 99_000, 100_000, 10, 1, terms)).toBeNaN();
  });
});
