import { describe, expect, it } from 'vitest';
import type { Job } from '../../../core/ipc/contract/backtests';
import { failedLaunches } from './FailedLaunches';
import { jobsLayout } from './jobsLayout';

const job = (jobId: string, state: Job['state'], runId: string | null = null): Job => ({
  jobId,
  name: jobId,
  state,
  runId,
  done: 0,
  total: 0,
  etaMs: null,
  error: state === 'failed' ? `${jobId} broke` : null,
  queuedAt: 0,
});

const ids = (jobs: readonly Job[]): string[] => jobs.map((j) => j.jobId);

describe('jobsLayout', () => {
  const all = [job('old-done', 'completed'), job('old-fail', 'failed'), job('new-fail', 'failed'), job('run', 'running'), job('wait', 'queued'), job('watched', 'completed')];

  it('puts the failures of this session above everything that is running, newest first', () => {
    const { cards, ended } = jobsLayout(all, ['watched'], [job('new-fail', 'failed'), job('old-fail', 'failed')]);
    expect(ids(cards)).toEqual(['new-fail', 'old-fail', 'run', 'wait', 'watched']);
    expect(ids(ended)).toEqual(['old-done']);
  });

  it('leaves earlier failures in the history, and takes the jobs list’s fresher copy', () => {
    const fresher = { ...job('new-fail', 'failed'), error: 'the full reason' };
    const { cards, ended } = jobsLayout([...all.filter((j) => j.jobId !== 'new-fail'), fresher], [], [job('new-fail', 'failed')]);
    expect(cards[0]).toEqual(fresher);
    expect(ids(ended)).toEqual(['watched', 'old-fail', 'old-done']);
  });

  it('shows a failure the jobs list does not hold yet, or still shows queued', () => {
    expect(ids(jobsLayout([], [], [job('just-failed', 'failed')]).cards)).toEqual(['just-failed']);
    const { cards } = jobsLayout([job('just-failed', 'queued'), job('run', 'running')], [], [job('just-failed', 'failed')]);
    expect(cards.map((j) => `${j.jobId} ${j.state}`)).toEqual(['just-failed failed', 'run running']);
  });
});

describe('failedLaunches', () => {
  it('keeps only failures that recorded no run, newest first', () => {
    const jobs = [job('a', 'failed'), job('b', 'failed', '00000000-0000-4000-8000-000000000001'), job('c', 'completed'), job('d', 'failed')];
    expect(ids(failedLaunches(jobs))).toEqual(['d', 'a']);
  });
});
