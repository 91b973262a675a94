import type { ResearchJob } from '../../../core/ipc/contract/research';

/** The research jobs with `job` replacing its earlier state, or added at the end when new. */
export function upsertResearchJob(jobs: readonly ResearchJob[] | undefined, job: ResearchJob): ResearchJob[] {
  const list = jobs ?? [];
  const i = list.findIndex((j) => j.id === job.id);
  if (i === -1) return [...list, job];
  const out = [...list];
  out[i] = job;
  return out;
}

export const isResearchActive = (job: Pick<ResearchJob, 'state'>): boolean => job.state === 'queued' || job.state === 'running';

/**
 * What a job event changes beyond the jobs list: 'state' when it started or ended (its list and its
 * results must refresh), 'progress' when only its counters moved (its partial results grew).
 */
export function researchJobImpact(prev: ResearchJob | undefined, next: ResearchJob): 'state' | 'progress' {
  return !prev || prev.state !== next.state ? 'state' : 'progress';
}
