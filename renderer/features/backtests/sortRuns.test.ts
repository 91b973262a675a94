import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../core/ipc/contract/backtests';
import { isSortKey, sortRuns } from './sortRuns';

function run(id: string, name: string, createdAt: number, totalReturnPct: number | null): RunSummary {
  return {
    id,
    name,
    strategy: 'sma-cross',
    status: totalReturnPct === null ? 'running' : 'completed',
    error: null,
    createdAt,
    finishedAt: null,
    periodStart: 0,
    periodEnd: 1,
    sessionsTotal: 10,
    sessionsDone: 10,
    initialCash: 10_000,
    metrics: totalReturnPct === null ? null : { totalReturnPct, closedTrades: 3, openTrades: 1 },
  };
}

const runs = [run('a', 'beta', 1, 5), run('b', 'Alpha', 2, null), run('c', 'gamma', 3, -2), run('d', 'delta', 4, 5)];
const ids = (rs: RunSummary[]) => rs.map((r) => r.id);

describe('sortRuns', () => {
  it('sorts by a metric both ways, runs without metrics last', () => {
    expect(ids(sortRuns(runs, 'totalReturn', 'asc'))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortRuns(runs, 'totalReturn', 'desc'))).toEqual(['d', 'a', 'c', 'b']);
  });

  it('sorts names case-insensitively', () => {
    expect(ids(sortRuns(runs, 'name', 'asc'))).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts by creation time and counts open trades with closed ones', () => {
    expect(ids(sortRuns(runs, 'createdAt', 'desc'))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(sortRuns(runs, 'trades', 'asc'))).toEqual(['d', 'c', 'a', 'b']);
  });

  it('does not mutate its input and knows its keys', () => {
    const before = ids(runs);
    sortRuns(runs, 'name', 'desc');
    expect(ids(runs)).toEqual(before);
    expect(isSortKey('sharpe')).toBe(true);
    expect(isSortKey('toString')).toBe(false);
  });
});
