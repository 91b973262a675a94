import { beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../core/ipc/contract/backtests';
import { useFailedJobs } from './failedJobsStore';

const failed = (jobId: string, error: string): Job => ({ jobId, name: jobId, state: 'failed', runId: null, done: 0, total: 0, etaMs: null, error, queuedAt: 0 });

describe('failedJobsStore', () => {
  beforeEach(() => useFailedJobs.setState({ failed: [], toasts: [] }));
  const ids = (): string[] => useFailedJobs.getState().failed.map((j) => j.jobId);

  it('keeps failures newest first, each with its notification until closed', () => {
    const s = useFailedJobs.getState();
    s.noticed(failed('a', 'x'));
    s.noticed(failed('b', 'y'));
    expect(ids()).toEqual(['b', 'a']);
    expect(useFailedJobs.getState().toasts).toEqual(['b', 'a']);
    s.closeToast('b');
    expect(useFailedJobs.getState().toasts).toEqual(['a']);
    expect(ids()).toEqual(['b', 'a']);
  });

  it('ignores the same failure told again, but shows it anew when its reason changed', () => {
    const s = useFailedJobs.getState();
    s.noticed(failed('a', 'x'));
    s.closeToast('a');
    s.noticed(failed('a', 'x'));
    expect(useFailedJobs.getState().toasts).toEqual([]);
    s.noticed(failed('a', 'worse'));
    expect(useFailedJobs.getState().toasts).toEqual(['a']);
    expect(useFailedJobs.getState().failed.map((j) => j.error)).toEqual(['worse']);
  });

  it('forgets a dismissed failure everywhere', () => {
    const s = useFailedJobs.getState();
    s.noticed(failed('a', 'x'));
    s.dismiss('a');
    expect(useFailedJobs.getState()).toMatchObject({ failed: [], toasts: [] });
  });
});
