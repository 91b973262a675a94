import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../core/ipc/client';
import type { ResearchJob } from '../../../core/ipc/contract/research';
import { queryKeys } from '../../api/queryKeys';
import { researchJob } from '../../testing/researchFixtures';
import { RESEARCH_REFRESH_MS, syncResearchJobs } from './researchSync';
import { pushTransport } from '../../testing/pushTransport';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('syncResearchJobs', () => {
  it('keeps the research jobs current and refreshes a job’s results when it starts, ends, or every so often', () => {
    const t = pushTransport();
    const qc = new QueryClient();
    let now = 10_000;
    stop = syncResearchJobs(new ApiClient(t), qc, () => now);
    const stale = (key: readonly unknown[]): boolean | undefined => qc.getQueryState(key)?.isInvalidated;
    const seed = (): void => {
      qc.setQueryData(queryKeys.sweep('sw-1'), {});
      qc.setQueryData(queryKeys.sweepList, []);
      qc.setQueryData(queryKeys.walkForward('sw-1'), {});
    };

    seed();
    t.push('research.job', researchJob({ state: 'running', done: 1, total: 10 }));
    expect(qc.getQueryData<ResearchJob[]>(queryKeys.researchJobs)?.map((j) => [j.state, j.done])).toEqual([['running', 1]]);
    expect([stale(queryKeys.sweep('sw-1')), stale(queryKeys.sweepList), stale(queryKeys.walkForward('sw-1'))]).toEqual([true, true, false]);

    // Progress soon after refreshes nothing; progress after the interval refreshes the results.
    seed();
    now += 100;
    t.push('research.job', researchJob({ state: 'running', done: 2, total: 10 }));
    expect(stale(queryKeys.sweep('sw-1'))).toBe(false);
    now += RESEARCH_REFRESH_MS;
    t.push('research.job', researchJob({ state: 'running', done: 3, total: 10 }));
    expect(stale(queryKeys.sweep('sw-1'))).toBe(true);

    // The end refreshes at once.
    seed();
    now += 1;
    t.push('research.job', researchJob({ state: 'completed', done: 10, total: 10 }));
    expect(stale(queryKeys.sweep('sw-1'))).toBe(true);
    expect(qc.getQueryData<ResearchJob[]>(queryKeys.researchJobs)).toHaveLength(1);
  });

  it('refreshes a walk-forward’s own keys', () => {
    const t = pushTransport();
    const qc = new QueryClient();
    stop = syncResearchJobs(new ApiClient(t), qc);
    qc.setQueryData(queryKeys.walkForward('wf-1'), {});
    qc.setQueryData(queryKeys.walkForwardList, []);
    qc.setQueryData(queryKeys.sweepList, []);
    t.push('research.job', researchJob({ id: 'wf-1', kind: 'walkforward', state: 'running' }));
    expect(qc.getQueryState(queryKeys.walkForward('wf-1'))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.walkForwardList)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.sweepList)?.isInvalidated).toBe(false);
  });
});
