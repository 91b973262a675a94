import { describe, expect, it } from 'vitest';
import { Portfolio } from './portfolio';

const margin = { type: 'margin', max_leverage: 2, maintenance_margin: 0.25, allow_short: true } as const;

describe('Portfolio positions', () => {
  it('read like a Map in the order positions were opened, and forget a position once flat', () => {
    const p = new Portfolio(['A', 'B', 'C'], 10_000, margin);
    p.applyFill(2, 5, 10, 0);
    p.applyFill(0, -3, 20, 0);
    p.applyFill(2, 2, 11, 0);
    const expected = new Map([['C', 7], ['A', -3]]);
    expect([...p.positions]).toEqual([...expected]);
    expect([...p.positions.keys()]).toEqual(['C', 'A']);
    expect([...p.positions.values()]).toEqual([7, -3]);
    expect(p.positions.size).toBe(2);
    expect(p.positions.get('A')).toBe(-3);
    expect(p.positions.get('B')).toBeUndefined();
    expect(p.positions.get('nope')).toBeUndefined();
    const seen: string[] = [];
    p.positions.forEach((q, s) => seen.push(`${s}=${q}`));
    expect(seen).toEqual(['C=7', 'A=-3']);

    p.applyFill(2, -7, 12, 0);
    expect(p.positions.has('C')).toBe(false);
    expect([...p.positions]).toEqual([['A', -3]]);
    // Reopened, it comes after the positions still held.
    p.applyFill(2, 1, 12, 0);
    p.applyFill(1, 4, 5, 0);
    expect([...p.positions.keys()]).toEqual(['A', 'C', 'B']);
    expect([...p.heldIndices()]).toEqual([0, 2, 1]);
  });

  it('keeps equity equal to cash plus marked positions through opens, flips and closes', () => {
    const p = new Portfolio(['A', 'B'], 1_000, margin);
    p.applyFill(0, 10, 10, 1);
    p.applyFill(1, -5, 20, 1);
    p.applyFill(0, -15, 12, 1);
    p.markAll((i) => (i === 0 ? 13 : 18));
    expect(p.equity).toBeCloseTo(p.cash + -5 * 13 + -5 * 18, 9);
    expect(p.realizedTotal).toBeCloseTo(10 * (12 - 10), 9);
    expect(p.avgCost[0]).toBe(12);
  });

  it('marks from prices by instrument number as from a function, keeping the last mark where the price is NaN', () => {
    const fromArray = new Portfolio(['A', 'B', 'C'], 1_000, margin);
    const fromFunction = new Portfolio(['A', 'B', 'C'], 1_000, margin);
    for (const p of [fromArray, fromFunction]) {
      p.applyFill(0, 10, 10, 1);
      p.applyFill(1, -5, 20, 1);
    }
    const prices = Float64Array.from([11, Number.NaN, 7]);
    fromArray.markFrom(prices);
    fromFunction.markAll((i) => prices[i]);
    expect(Array.from(fromArray.mark)).toEqual([11, 20, 7]);
    expect(Array.from(fromArray.mark)).toEqual(Array.from(fromFunction.mark));
    expect(fromArray.equity).toBe(fromFunction.equity);
    expect(fromArray.equity).toBeCloseTo(fromArray.cash + 10 * 11 - 5 * 20, 9);
  });
});
