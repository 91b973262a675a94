import { onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../core/ipc/client';
import type { Job } from '../../core/ipc/contract/backtests';
import { useConnectionStore } from '../stores/connectionStore';
import { useLiveEquity } from '../stores/liveEquityStore';
import { syncWithEngine } from './engineSync';
import { queryKeys } from './queryKeys';
import { pushTransport } from '../testing/pushTransport';

const RUN = '00000000-0000-4000-8000-000000000001';

/** A transport driven by the test: it pushes events and connection states by hand. */

const job = (over: Partial<Job>): Job => ({
  jobId: 'j1',
  name: 'run',
  state: 'running',
  runId: RUN,
  done: 1,
  total: 10,
  etaMs: null,
  error: null,
  queuedAt: 1,
  ...over,
});

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('syncWithEngine', () => {
  it('follows the connection state, offline until the socket opens', () => {
    const t = pushTransport('connecting');
    stop = syncWithEngine(new ApiClient(t), new QueryClient());
    expect(useConnectionStore.getState().state).toBe('connecting');
    expect(onlineManager.isOnline()).toBe(false);
    t.setState('open');
    expect(useConnectionStore.getState().state).toBe('open');
    expect(onlineManager.isOnline()).toBe(true);
    t.setState('reconnecting');
    expect(useConnectionStore.getState().state).toBe('reconnecting');
    expect(onlineManager.isOnline()).toBe(false);
  });

  it('keeps the jobs list current and refreshes runs when a run starts or ends', () => {
    const t = pushTransport('connecting');
    const qc = new QueryClient();
    stop = syncWithEngine(new ApiClient(t), qc);
    qc.setQueryData(queryKeys.runDetail(RUN), { id: RUN });
    t.push('backtests.job', job({ state: 'queued', runId: null, done: 0 }));
    expect(qc.getQueryData<Job[]>(queryKeys.jobs)?.map((j) => j.state)).toEqual(['queued']);
    expect(qc.getQueryState(queryKeys.runDetail(RUN))?.isInvalidated).toBe(false);
    t.push('backtests.job', job({ done: 5 }));
    expect(qc.getQueryData<Job[]>(queryKeys.jobs)?.map((j) => [j.state, j.done])).toEqual([['running', 5]]);
    expect(qc.getQueryState(queryKeys.runDetail(RUN))?.isInvalidated).toBe(true);
  });

  it('feeds equity points to the live chart store', () => {
    const t = pushTransport('connecting');
    stop = syncWithEngine(new ApiClient(t), new QueryClient());
    t.push('backtests.progress', { jobId: 'live-1', runId: RUN, ts: [1, 2], equity: [100, 101] });
    t.push('backtests.progress', { jobId: 'live-1', runId: RUN, ts: [3], equity: [99] });
    t.push('other.event', { jobId: 'live-1', ts: [4], equity: [0] });
    expect(useLiveEquity.getState().byJob['live-1']).toEqual({ ts: [1, 2, 3], equity: [100, 101, 99] });
  });

  it('stops listening when stopped', () => {
    const t = pushTransport('connecting');
    const qc = new QueryClient();
    syncWithEngine(new ApiClient(t), qc)();
    t.push('backtests.job', job({}));
    expect(qc.getQueryData(queryKeys.jobs)).toBeUndefined();
  });
});
