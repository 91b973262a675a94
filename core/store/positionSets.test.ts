import { describe, expect, it } from 'vitest';
import { emptyHeldPositions } from '../domain/portfolio';
import { packPositionSet, unpackPositionSet } from './positionSets';

function held(entries: [string, number, number, number, number][]) {
  const h = emptyHeldPositions(entries.length + 2);
  entries.forEach(([name, q, avg, px, realized], k) => {
    h.instruments[k] = name;
    h.quantity[k] = q;
    h.avgCost[k] = avg;
    h.marketPrice[k] = px;
    h.realizedPnl[k] = realized;
  });
  h.count = entries.length;
  return h;
}

describe('position sets', () => {
  it('gives back every value bit for bit, with value and unrealized P&L computed as the portfolio does', () => {
    const row = packPositionSet(7, held([['AAA', 0.1 + 0.2, 1 / 3, 101.7, -0], ['BBB', -12, 5e-324, Number.MAX_VALUE / 2, 1e-9]]));
    expect(row).toMatchObject({ ts: 7, held: 2, instruments: 'AAA\nBBB' });
    // Through bytes that sit at an odd offset, as a buffer from anywhere may.
    const copy = new Uint8Array(row.data.byteLength + 1);
    copy.set(row.data, 1);
    const [a, b] = unpackPositionSet({ ...row, data: copy.subarray(1) });
    expect(a).toEqual({ ts: 7, instrument: 'AAA', quantity: 0.1 + 0.2, avgCost: 1 / 3, marketPrice: 101.7, marketValue: (0.1 + 0.2) * 101.7, unrealizedPnl: (0.1 + 0.2) * (101.7 - 1 / 3), realizedPnl: -0 });
    expect(Object.is(a.realizedPnl, -0)).toBe(true);
    expect(b).toMatchObject({ instrument: 'BBB', quantity: -12, avgCost: 5e-324, marketPrice: Number.MAX_VALUE / 2, realizedPnl: 1e-9 });
  });

  it('keeps only the first `count` entries of reused columns', () => {
    const h = held([['AAA', 1, 1, 1, 0], ['BBB', 2, 2, 2, 0]]);
    h.count = 1;
    const row = packPositionSet(1, h);
    expect(row.instruments).toBe('AAA');
    expect(unpackPositionSet(row)).toHaveLength(1);
  });

  it('refuses a value SQLite could not give back, and an instrument its list cannot hold, naming them', () => {
    expect(() => packPositionSet(3, held([['AAA', 1, 1, 1, 0], ['BBB', 1, 1, Number.NaN, 0]]))).toThrow("position snapshot at 3: BBB's marketPrice is NaN, not a finite number");
    expect(() => packPositionSet(3, held([['AAA', Number.POSITIVE_INFINITY, 1, 1, 0]]))).toThrow("AAA's quantity is Infinity");
    expect(() => packPositionSet(3, held([['A\nB', 1, 1, 1, 0]]))).toThrow('position snapshot at 3: instrument "A\\nB" cannot be stored');
    expect(() => packPositionSet(3, held([['', 1, 1, 1, 0]]))).toThrow('instrument "" cannot be stored');
  });

  it('says which stored row is damaged rather than misreading it', () => {
    const row = packPositionSet(9, held([['AAA', 1, 1, 1, 0], ['BBB', 1, 1, 1, 0]]));
    expect(() => unpackPositionSet({ ...row, instruments: 'AAA' })).toThrow('position set at 9 is damaged: 2 positions, 1 instruments, 64 bytes of values');
    expect(() => unpackPositionSet({ ...row, data: row.data.subarray(8) })).toThrow('56 bytes of values');
  });
});
