import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../domain/enums';
import { PlanRows } from './planRows';
import { allInQuantity, type SizingCosts } from './plannerSizing';
import { sizingEquity } from './sizingEquity';

function costs(markup: number, fee: (side: Side, qty: number, price: number) => number): SizingCosts {
  return { buyPrice: (_i, p) => p * (1 + markup), sellPrice: (_i, p) => p * (1 - markup), fee };
}
const percent = (rate: number) => costs(0, (_s, q, p) => rate * q * p);

interface MapInput {
  weights: ReadonlyMap<string, number>;
  positions: ReadonlyMap<string, number>;
  priceOf: (instrument: string) => number;
  equity: number;
  costs: SizingCosts;
  lot: number;
  shorts: boolean;
  withinBand: (qty: number, price: number, w: number) => boolean;
}

/** sizingEquity over the rows the planner gathers from these maps; the quantities it sized, by instrument. */
function sizeFromMaps(m: MapInput): { equity: number; quantities: Map<string, number> } {
  const rows = new PlanRows().gather(m.weights, m.positions, new Map(), true, m.priceOf, undefined);
  const got = sizingEquity({ rows, equity: m.equity, costs: m.costs, lot: m.lot, shorts: m.shorts, withinBand: m.withinBand });
  const quantities = new Map<string, number>();
  for (let k = 0; k < rows.count; k++) if (got.sized[k] === 1) quantities.set(rows.instruments[k], got.quantities[k]);
  return { equity: got.equity, quantities };
}

describe('sizingEquity', () => {
  const never = () => false;

  it('is the equity left after closing a reversed position at the execution price', () => {
    const e = sizeFromMaps({
      weights: new Map([['A', -1]]),
      positions: new Map([['A', 100]]),
      priceOf: () => 50,
      equity: 5000,
      costs: percent(0.002),
      lot: 1,
      shorts: true,
      withinBand: never,
    }).equity;
    expect(e).toBeCloseTo(5000 - 0.002 * 100 * 50, 9);
  });

  it('pays for a reducing leg sized from the equity it leaves (a fixed point)', () => {
    // Held 100 at 10 (1000 of 1000 equity) cut to half: the cut of about 50 costs 1% of its value.
    const e = sizeFromMaps({
      weights: new Map([['A', 0.5]]),
      positions: new Map([['A', 100]]),
      priceOf: () => 10,
      equity: 1000,
      costs: percent(0.01),
      lot: 0,
      shorts: true,
      withinBand: never,
    }).equity;
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
    expect(sizeFromMaps({ ...input, withinBand: () => true }).equity).toBe(1000);
    // Growing 40 to 49 units has no exit leg.
    expect(sizeFromMaps({ ...input, withinBand: never }).equity).toBe(1000);
  });
});

/** The fixed point as first written: every pass re-sizes every position. */
function referenceSizing(s: MapInput): { equity: number; quantities: Map<string, number> } {
  const marked = Math.max(0, s.equity);
  // Numbered as the planner's rows number them: the weights first, then holdings without one.
  const names = [...new Set([...s.weights.keys(), ...s.positions.keys()])];
  const numberOf = (instrument: string): number => names.indexOf(instrument);
  const exitCost = (instrument: string, sign: number, q: number, price: number): number => {
    if (sign > 0) {
      const px = s.costs.sellPrice(numberOf(instrument), price, q);
      return q * (price - px) + s.costs.fee('SELL', q, px);
    }
    const px = s.costs.buyPrice(numberOf(instrument), price, q);
    return q * (px - price) + s.costs.fee('BUY', q, px);
  };
  const resized: { instrument: string; held: number; w: number; price: number }[] = [];
  let fixedExits = 0;
  for (const [instrument, held] of s.positions) {
    const w = s.weights.get(instrument) ?? 0;
    const price = s.priceOf(instrument);
    if (w !== 0 && Math.sign(w) === Math.sign(held) && (w > 0 || s.shorts)) {
      if (!s.withinBand(held, price, w)) resized.push({ instrument, held, w, price });
    } else {
      fixedExits += exitCost(instrument, Math.sign(held), Math.abs(held), price);
    }
  }
  if (resized.length === 0) return { equity: Math.max(0, marked - fixedExits), quantities: new Map() };
  let e = marked;
  for (let round = 0; round < 4; round++) {
    let exits = fixedExits;
    const quantities = new Map<string, number>();
    for (const r of resized) {
      const q = allInQuantity(s.costs, numberOf(r.instrument), r.w, e, r.price, s.lot);
      quantities.set(r.instrument, q);
      const cut = Math.abs(r.held) - Math.abs(q);
      if (cut > 0) exits += exitCost(r.instrument, Math.sign(r.held), cut, r.price);
    }
    const next = Math.max(0, marked - exits);
    if (next === e) return { equity: next, quantities };
    e = next;
  }
  return { equity: e, quantities: new Map() };
}

describe('sizingEquity against re-sizing every position on every pass', () => {
  it('gives the same equity and quantities to the last bit, session after session', () => {
    const fee = fc.constantFrom(
      (_s: Side, q: number, p: number) => 0.001 * q * p,
      (_s: Side, q: number) => Math.max(1, 0.005 * q),
      (_s: Side, q: number, p: number) => Math.min(Math.max(1, 0.005 * q), 0.01 * q * p),
      () => 7,
    );
    const session = fc.record({
      equityScale: fc.double({ min: 0.5, max: 2, noNaN: true }),
      holdings: fc.array(
        fc.record({
          held: fc.integer({ min: -400, max: 400 }).filter((h) => h !== 0),
          w: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
          price: fc.double({ min: 1, max: 500, noNaN: true }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(session, { minLength: 1, maxLength: 6 }),
        fee,
        fc.double({ min: 0, max: 0.005, noNaN: true }),
        fc.constantFrom(0, 1, 10),
        fc.boolean(),
        (sessions, feeOf, markup, lot, shorts) => {
          const c = costs(markup, feeOf);
          for (const { equityScale, holdings } of sessions) {
            const names = holdings.map((_, i) => `S${i}`);
            const input = {
              weights: new Map(holdings.map((h, i) => [names[i], h.w])),
              positions: new Map(holdings.map((h, i) => [names[i], h.held])),
              priceOf: (inst: string) => holdings[Number(inst.slice(1))].price,
              equity: holdings.reduce((sum, h) => sum + Math.abs(h.held) * h.price, 0) * equityScale,
              costs: c,
              lot,
              shorts,
              withinBand: () => false,
            };
            const expected = referenceSizing(input);
            const got = sizeFromMaps(input);
            expect(got.equity).toBe(expected.equity);
            expect(got.quantities).toEqual(expected.quantities);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
