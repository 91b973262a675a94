import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './queryKeys';

const RUN_A = '00000000-0000-4000-8000-00000000000a';
const RUN_B = '00000000-0000-4000-8000-00000000000b';

describe('queryKeys', () => {
  it('invalidating a run marks every query about it stale and no other run', async () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.runDetail(RUN_A), 1);
    qc.setQueryData(queryKeys.runPart(RUN_A, 'equity', { maxPoints: 2000 }), 2);
    qc.setQueryData(queryKeys.runDetail(RUN_B), 3);
    qc.setQueryData(queryKeys.jobs, []);
    await qc.invalidateQueries({ queryKey: queryKeys.run(RUN_A) });
    const stale = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;
    expect(stale(queryKeys.runDetail(RUN_A))).toBe(true);
    expect(stale(queryKeys.runPart(RUN_A, 'equity', { maxPoints: 2000 }))).toBe(true);
    expect(stale(queryKeys.runDetail(RUN_B))).toBe(false);
    expect(stale(queryKeys.jobs)).toBe(false);
  });

  it('invalidating runs covers the list and every run', async () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.runList({ search: 'x' }), []);
    qc.setQueryData(queryKeys.runDetail(RUN_B), 3);
    await qc.invalidateQueries({ queryKey: queryKeys.runs });
    expect(qc.getQueryState(queryKeys.runList({ search: 'x' }))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.runDetail(RUN_B))?.isInvalidated).toBe(true);
  });

  it('normalises list filters and compare selections', () => {
    expect(queryKeys.runList({})).toEqual(queryKeys.runList({ search: '', status: '' }));
    expect(queryKeys.compare([RUN_B, RUN_A])).toEqual(queryKeys.compare([RUN_A, RUN_B]));
  });
});
