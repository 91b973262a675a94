import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../../core/ipc/contract/research';
import { compareValues, distinctValues, heatGrid, isBetter, lineSlice, type SweepResults } from './sweepSlices';

const r = (index: number, params: SweepResult['params'], objective: number | null): SweepResult => ({ index, params, objective, metrics: {}, runId: null });

// a ∈ {1, 2}, b ∈ {10, 20}, c ∈ {x, y}; the best is a 2, b 20, c y. (a 1, b 10, c y) is missing.
const results = [
  r(0, { a: 1, b: 10, c: 'x' }, 0.1),
  r(1, { a: 1, b: 20, c: 'x' }, 0.2),
  r(2, { a: 1, b: 20, c: 'y' }, 0.3),
  r(3, { a: 2, b: 10, c: 'x' }, 0.4),
  r(4, { a: 2, b: 10, c: 'y' }, null),
  r(5, { a: 2, b: 20, c: 'x' }, 0.6),
  r(6, { a: 2, b: 20, c: 'y' }, 0.9),
];
const sweep: SweepResults = { paramNames: ['a', 'b', 'c'], results, best: 6 };
const objectives = (cells: { result: SweepResult | null }[]): (number | null | undefined)[] => cells.map((c) => (c.result ? c.result.objective : undefined));

describe('heatGrid', () => {
  it('puts each result at its pair of values, the others held at the best’s, and leaves gaps empty', () => {
    const g = heatGrid(sweep, 'a', 'b', 'atBest', 'max');
    expect(g.xs).toEqual([1, 2]);
    expect(g.ys).toEqual([10, 20]);
    // c held at y: (1, 10, y) never ran; (2, 10, y) ran without a defined objective.
    expect(g.rows.map(objectives)).toEqual([
      [undefined, null],
      [0.3, 0.9],
    ]);
    expect(g.range).toEqual([0.3, 0.9]);
  });

  it('takes the best over the other parameters per cell when asked, in the objective’s direction', () => {
    expect(heatGrid(sweep, 'a', 'b', 'bestOf', 'max').rows.map(objectives)).toEqual([
      [0.1, 0.4],
      [0.3, 0.9],
    ]);
    expect(heatGrid(sweep, 'a', 'b', 'bestOf', 'min').rows.map(objectives)).toEqual([
      [0.1, 0.4],
      [0.2, 0.6],
    ]);
  });

  it('is empty without a best to hold the others at', () => {
    const g = heatGrid({ ...sweep, best: null }, 'a', 'b', 'atBest', 'max');
    expect(g.rows.flat().every((c) => c.result === null)).toBe(true);
    expect(g.range).toBeNull();
  });
});

describe('lineSlice', () => {
  it('follows one parameter with the others at the best’s values', () => {
    expect(lineSlice(sweep, 'c', 'atBest', 'max').map((p) => [p.value, p.result?.objective])).toEqual([
      ['x', 0.6],
      ['y', 0.9],
    ]);
    expect(lineSlice(sweep, 'a', 'atBest', 'max').map((p) => [p.value, p.result?.index])).toEqual([
      [1, 2],
      [2, 6],
    ]);
  });
});

describe('values', () => {
  it('orders numbers, then booleans, then text, and lists each value once', () => {
    expect([true, 'b', 3, false, 'a', 1].sort(compareValues)).toEqual([1, 3, false, true, 'a', 'b']);
    expect(distinctValues(results, 'b')).toEqual([10, 20]);
  });

  it('ranks a defined objective above none, in either direction', () => {
    expect(isBetter(1, null, 'min')).toBe(true);
    expect(isBetter(null, 1, 'max')).toBe(false);
    expect(isBetter(1, 2, 'min')).toBe(true);
    expect(isBetter(1, 2, 'max')).toBe(false);
  });
});
