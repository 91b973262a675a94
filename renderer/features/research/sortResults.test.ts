import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../../core/ipc/contract/research';
import { sortResults } from './sortResults';

const r = (index: number, fast: number, objective: number | null, trades: number | null): SweepResult => ({
  index,
  params: { fast },
  objective,
  metrics: { closed_trades: trades },
  runId: null,
});
const rows = [r(0, 10, 0.5, 3), r(1, 5, null, 8), r(2, 20, 1.5, null), r(3, 5, 0.5, 1)];
const order = (s: SweepResult[]): number[] => s.map((x) => x.index);

describe('sortResults', () => {
  it('sorts by the objective either way, rows without one last, ties in combination order', () => {
    expect(order(sortResults(rows, { field: 'objective', dir: 'desc' }))).toEqual([2, 0, 3, 1]);
    expect(order(sortResults(rows, { field: 'objective', dir: 'asc' }))).toEqual([0, 3, 2, 1]);
  });

  it('sorts by a parameter or a metric', () => {
    expect(order(sortResults(rows, { field: 'p:fast', dir: 'asc' }))).toEqual([1, 3, 0, 2]);
    expect(order(sortResults(rows, { field: 'm:closed_trades', dir: 'desc' }))).toEqual([1, 0, 3, 2]);
    expect(order(sortResults(rows, { field: 'index', dir: 'desc' }))).toEqual([3, 2, 1, 0]);
  });
});
