import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import { allInAtMost, allInQuantity, type SizingCosts } from './plannerSizing';

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
          expect(allInQuantity(percent(rate), 0, 1, cash, open, 1)).toBe(Math.floor(cash / (open * (1 + rate))));
          expect(allInQuantity(percent(rate), 0, -1, cash, open, 1)).toBe(-Math.floor(cash / (open * (1 + rate))));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('adds spread and slippage to the price before the commission rate', () => {
    const q = allInQuantity(costs(0.001, (_s, qty, p) => 0.002 * qty * p), 0, 0.5, 100_000, 20, 1);
    expect(q).toBe(Math.floor(50_000 / (20 * 1.001 * 1.002)));
  });

  it('shrinks an order a fixed charge makes dearer per unit until the charge is paid too', () => {
    // Rate taken at the whole budget: 50 / 100 = 50%, so 66 units; 66 + 50 = 116 > 100. The fit: 50 + 50.
    expect(allInQuantity(costs(0, () => 50), 0, 1, 100, 1, 1)).toBe(50);
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
          const q = allInQuantity(c, 0, w, equity, price, lot);
          expect(Math.sign(q) === Math.sign(w) || q === 0).toBe(true);
          const units = Math.abs(q);
          if (lot > 0) expect(units / lot).toBe(Math.round(units / lot));
          const unit = w > 0 ? c.buyPrice(0, price, units) : c.sellPrice(0, price, units);
          const spent = units === 0 ? 0 : units * unit + feeOf(w > 0 ? 'BUY' : 'SELL', units, unit);
          expect(spent).toBeLessThanOrEqual(Math.abs(w) * equity * (1 + 1e-9));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('allInAtMost', () => {
  const fees = [
    (_s: Side, q: number, p: number) => 0.001 * q * p,
    (_s: Side, q: number) => Math.max(1, 0.005 * q),
    (_s: Side, q: number, p: number) => Math.min(Math.max(1, 0.005 * q), 0.01 * q * p),
    () => 7,
  ];

  it('holds only when the quantity at the higher equity is no more than the one sized at the lower', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.005, noNaN: true }),
        fc.constantFrom(1, 10, 100),
        fc.constantFrom(...fees),
        (hi, depth, w, price, markup, lot, feeOf) => {
          const c = costs(markup, feeOf);
          const lo = hi * (1 - depth);
          const terms = { unit: 0, rate: 0 };
          const q = allInQuantity(c, 0, w, lo, price, lot, terms);
          if (allInAtMost(c, 0, w, q, hi, lo / hi, price, lot, terms)) {
            expect(Math.abs(allInQuantity(c, 0, w, hi, price, lot))).toBe(Math.abs(q));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('holds across a narrow bracket unless a lot boundary lies inside it', () => {
    let held = 0;
    const runs = 1000;
    const c = costs(0.0005, fees[2]);
    for (let i = 0; i < runs; i++) {
      const hi = 1e6 + i * 977.3;
      const price = 37.5 + i / 7;
      const terms = { unit: 0, rate: 0 };
      const q = allInQuantity(c, 0, 0.01, hi * (1 - 1e-5), price, 1, terms);
      if (allInAtMost(c, 0, 0.01, q, hi, 1 - 1e-5, price, 1, terms)) held++;
    }
    expect(held).toBeGreaterThan(0.95 * runs);
  });

  it('does not hold when the unit price moves with the quantity, or for fractional quantities', () => {
    const impact: SizingCosts = { buyPrice: (_i, p, q) => p * (1 + 1e-6 * q), sellPrice: (_i, p) => p, fee: fees[0] };
    const terms = { unit: 0, rate: 0 };
    const q = allInQuantity(impact, 0, 0.5, 99_000, 10, 1, terms);
    expect(allInAtMost(impact, 0, 0.5, q, 100_000, 0.99, 10, 1, terms)).toBe(false);
    const f = allInQuantity(percent(0.001), 0, 0.5, 99_000, 10, 0, terms);
    expect(allInAtMost(percent(0.001), 0, 0.5, f, 100_000, 0.99, 10, 0, terms)).toBe(false);
  });
});
