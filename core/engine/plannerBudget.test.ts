import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitBuysToBudget, roundDownToLot, type BuyCost } from './plannerBudget';

/** $10 flat per order: the non-linear case a single proportional scale gets wrong. */
const flatFee: BuyCost = (_i, q) => (q > 0 ? q * 10 + 10 : 0);
const keysOf = (wanted: readonly { instrument: string }[]) => wanted.map((w) => w.instrument);
const quantitiesOf = (wanted: readonly { quantity: number }[]) => wanted.map((w) => w.quantity);

describe('fitBuysToBudget', () => {
  it('returns the wanted quantities when they fit', () => {
    expect(fitBuysToBudget(['A'], [5], 60, 1, flatFee)).toEqual([5]);
  });

  it('shrinks by whole lots until the fee-inclusive total fits', () => {
    const wanted = [
      { instrument: 'A', quantity: 100 },
      { instrument: 'B', quantity: 100 },
    ];
    const fitted = fitBuysToBudget(keysOf(wanted), quantitiesOf(wanted), 1000, 1, flatFee);
    const total = fitted.reduce((sum, q, i) => sum + flatFee(wanted[i].instrument, q), 0);
    expect(total).toBeLessThanOrEqual(1000);
    expect(total).toBeGreaterThan(1000 - 2 * 10);
    for (const q of fitted) expect(Number.isInteger(q)).toBe(true);
  });

  it('buys nothing without a positive budget', () => {
    expect(fitBuysToBudget(['A'], [5], -1, 1, flatFee)).toEqual([0]);
  });

  it('never exceeds the budget (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom(0, 1, 10, 100),
        (quantities, budget, lot) => {
          const wanted = quantities.map((quantity, i) => ({ instrument: `S${i}`, quantity }));
          const cost: BuyCost = (i, q) => (q > 0 ? q * (1 + Number(i.slice(1))) * (1 + 1e-4 * Math.sqrt(q)) + 1 : 0);
          const fitted = fitBuysToBudget(keysOf(wanted), quantitiesOf(wanted), budget, lot, cost);
          const total = fitted.reduce((sum, q, i) => sum + cost(wanted[i].instrument, q), 0);
          expect(total).toBeLessThanOrEqual(budget + 1e-9);
          fitted.forEach((q, i) => expect(q).toBeLessThanOrEqual(wanted[i].quantity));
        },
      ),
    );
  });
});

describe('roundDownToLot', () => {
  it('rounds down to whole lots and survives float division noise', () => {
    expect(roundDownToLot(149, 50)).toBe(100);
    expect(roundDownToLot(0.3, 0.1)).toBeCloseTo(0.3, 12);
    expect(roundDownToLot(1.2345, 0)).toBe(1.2345);
  });
});
