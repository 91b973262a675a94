import type { Job } from '../../../core/ipc/contract/backtests';
import { isActive } from '../../api/jobsCache';

export interface JobsLayout {
  /** Full cards, top to bottom: failures not yet dismissed, then running, queued, and jobs that ended while watched. */
  cards: Job[];
  /** The short history below the cards, newest first. */
  ended: Job[];
}

/**
 * Where each job goes on the Jobs screen. A failure comes first, where the user looks, however many
 * runs are going on below it; `failed` is newest first, and the jobs list's copy of such a job replaces
 * it once that copy shows it failed too.
 */
export function jobsLayout(all: readonly Job[], watched: readonly string[], failed: readonly Job[]): JobsLayout {
  const byId = new Map(all.map((j) => [j.jobId, j]));
  // Failing is final: a list that still shows the job queued or running has not caught up yet.
  const top = failed.map((f) => (byId.get(f.jobId)?.state === 'failed' ? (byId.get(f.jobId) as Job) : f));
  const onTop = new Set(top.map((j) => j.jobId));
  const rest = all.filter((j) => !onTop.has(j.jobId));
  const finished = rest.filter((j) => !isActive(j)).reverse();
  return {
    cards: [
      ...top,
      ...rest.filter((j) => j.state === 'running'),
      ...rest.filter((j) => j.state === 'queued'),
      ...finished.filter((j) => watched.includes(j.jobId)),
    ],
    ended: finished.filter((j) => !watched.includes(j.jobId)),
  };
}
