import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import { allInQuantity, sizingEquity, type SizingCosts } from './plannerSizing';

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

describe('sizingEquity', () => {
  const never = () => false;

  it('is the equity left after closing a reversed position at the execution price', () => {
    const e = sizingEquity({
      weights: new Map([['A', -1]]),
      positions: new Map([['A', 100]]),
      priceOf: () => 50,
      equity: 5000,
      costs: percent(0.002),
      lot: 1,
      shorts: true,
      withinBand: never,
    });
    expect(e).toBeCloseTo(5000 - 0.002 * 100 * 50, 9);
  });

  it('pays for a reducing leg sized from the equity it leaves (a fixed point)', () => {
    // Held 100 at 10 (1000 of 1000 equity) cut to half: the cut of about 50 costs 1% of its value.
    const e = sizingEquity({
      weights: new Map([['A', 0.5]]),
      positions: new Map([['A', 100]]),
      priceOf: () => 10,
      equity: 1000,
      costs: percent(0.01),
      lot: 0,
      shorts: true,
      withinBand: never,
    });
    const kept = (0.5 * e) / (10 * 1.01);
    expect(e).toBeCloseTo(1000 - 0.01 * (100 - kept) * 10, 6);
  });

  it('charges nothing for a position left alone within the band or kept on the same side', () => {
    const input = {
      weights: new Map([['A', 0.5]]),
      positions: new Map([['A', 40]]),
      priceOf: () => 10,
      equity: 1000,
      costs: percent(0.01),
      lot: 1,
      shorts: true,
    };
    expect(sizingEquity({ ...input, withinBand: () => true })).toBe(1000);
    // Growing 40 to 49 units has no exit leg.
    expect(sizingEquity({ ...input, withinBand: never })).toBe(1000);
  });
});
