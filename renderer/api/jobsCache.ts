import type { Job } from '../../core/ipc/contract/backtests';

/** The jobs list with `job` replacing its earlier state, or added at the end when new. */
export function upsertJob(jobs: readonly Job[] | undefined, job: Job): Job[] {
  const list = jobs ?? [];
  const i = list.findIndex((j) => j.jobId === job.jobId);
  if (i === -1) return [...list, job];
  const out = [...list];
  out[i] = job;
  return out;
}

/**
 * What a job event changes beyond the jobs list: 'run' when the run's recorded state changed
 * (started, got its run id, ended) and every query about runs must refresh; 'progress' when only
 * its counters moved; 'none' before the engine has recorded a run.
 */
export function jobEventImpact(prev: Job | undefined, next: Job): 'run' | 'progress' | 'none' {
  if (next.runId === null) return 'none';
  if (!prev || prev.runId !== next.runId || prev.state !== next.state) return 'run';
  return 'progress';
}

export const isActive = (job: Job): boolean => job.state === 'queued' || job.state === 'running';
