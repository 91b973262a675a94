import { describe, expect, it } from 'vitest';
import { PlanRows } from './planRows';

describe('PlanRows', () => {
  const priceOf = (i: string): number => ({ A: 10, B: 20, C: 30, D: 40 })[i] ?? Number.NaN;

  it('lists the targets in their order, then the holdings and working orders they leave out', () => {
    const rows = new PlanRows().gather(
      new Map([['B', 0.5], ['A', 0.25]]),
      new Map([['A', 3], ['C', -2]]),
      new Map([['D', 5], ['B', 1]]),
      true,
      priceOf,
      (i) => i.charCodeAt(0),
    );
    const read = (k: number) => [rows.instruments[k], rows.index[k], rows.target[k], rows.held[k], rows.pending[k], rows.price[k]];
    expect(Array.from({ length: rows.count }, (_, k) => read(k))).toEqual([
      ['B', 66, 0.5, 0, 1, 20],
      ['A', 65, 0.25, 3, 0, 10],
      ['C', 67, 0, -2, 0, 30],
      ['D', 68, 0, 0, 5, Number.NaN],
    ]);
    // A price gather left out is looked up when asked for.
    expect(rows.priceAt(3)).toBe(40);
  });

  it('reads the targets’ holdings by instrument number when given positionAt', () => {
    const byNumber = new Map([[65, 7]]);
    const rows = new PlanRows().gather(
      new Map([['A', 0.5], ['B', 0.5]]),
      new Map([['A', 7], ['C', 1]]),
      new Map(),
      true,
      priceOf,
      (i) => i.charCodeAt(0),
      (n) => byNumber.get(n) ?? 0,
    );
    expect(Array.from({ length: rows.count }, (_, k) => [rows.instruments[k], rows.held[k]])).toEqual([['A', 7], ['B', 0], ['C', 1]]);
  });

  it('asks for no price when targets are quantities, numbers rows in order without indexOf, and starts afresh on each gather', () => {
    const asked: string[] = [];
    const rows = new PlanRows();
    rows.gather(new Map([['A', 100], ['B', 5]]), new Map(), new Map(), false, (i) => (asked.push(i), 1), undefined);
    expect(asked).toEqual([]);
    expect([rows.index[0], rows.index[1]]).toEqual([0, 1]);
    rows.gather(new Map([['C', 1]]), new Map(), new Map(), false, priceOf, undefined);
    expect([rows.count, rows.instruments[0], rows.price[0]]).toEqual([1, 'C', Number.NaN]);
  });
});
