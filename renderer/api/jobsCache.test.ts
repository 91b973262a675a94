import { describe, expect, it } from 'vitest';
import type { Job } from '../../core/ipc/contract/backtests';
import { isActive, jobEventImpact, upsertJob } from './jobsCache';

const RUN = '00000000-0000-4000-8000-000000000001';
const job = (jobId: string, over: Partial<Job> = {}): Job => ({
  jobId,
  name: jobId,
  state: 'queued',
  runId: null,
  done: 0,
  total: 100,
  etaMs: null,
  error: null,
  queuedAt: 1,
  ...over,
});

describe('jobs cache', () => {
  it('replaces a known job in place and appends a new one', () => {
    const list = [job('a'), job('b')];
    expect(upsertJob(list, job('b', { state: 'running' })).map((j) => [j.jobId, j.state])).toEqual([
      ['a', 'queued'],
      ['b', 'running'],
    ]);
    expect(upsertJob(list, job('c')).map((j) => j.jobId)).toEqual(['a', 'b', 'c']);
    expect(upsertJob(undefined, job('a'))).toHaveLength(1);
    expect(list.map((j) => j.state)).toEqual(['queued', 'queued']);
  });

  it('tells run changes from mere progress', () => {
    const queued = job('a');
    const started = job('a', { state: 'running', runId: RUN, done: 1 });
    const moved = job('a', { state: 'running', runId: RUN, done: 50 });
    const ended = job('a', { state: 'completed', runId: RUN, done: 100 });
    expect(jobEventImpact(undefined, queued)).toBe('none');
    expect(jobEventImpact(queued, started)).toBe('run');
    expect(jobEventImpact(started, moved)).toBe('progress');
    expect(jobEventImpact(moved, ended)).toBe('run');
    expect(jobEventImpact(undefined, moved)).toBe('run');
  });

  it('counts queued and running jobs as active', () => {
    expect(['queued', 'running', 'completed', 'failed', 'cancelled'].map((state) => isActive(job('a', { state: state as Job['state'] })))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
