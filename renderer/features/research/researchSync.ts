import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../core/ipc/client';
import type { ResearchJob } from '../../../core/ipc/contract/research';
import { queryKeys } from '../../api/queryKeys';
import { researchJobImpact, upsertResearchJob } from './researchJobs';

/** Progress alone refreshes a job's results and lists at most this often: a sweep's results can be long. */
export const RESEARCH_REFRESH_MS = 2000;

/**
 * Keeps the research jobs current from the engine's `research.job` events; a job that starts or
 * ends refreshes its list and its results at once, progress refreshes them now and then.
 */
export function syncResearchJobs(api: ApiClient, qc: QueryClient, now: () => number = Date.now): () => void {
  const lastRefresh = new Map<string, number>();
  return api.on('research.job', (job) => {
    const prev = qc.getQueryData<ResearchJob[]>(queryKeys.researchJobs)?.find((j) => j.id === job.id);
    qc.setQueryData<ResearchJob[]>(queryKeys.researchJobs, (jobs) => upsertResearchJob(jobs, job));
    const list = job.kind === 'sweep' ? queryKeys.sweepList : queryKeys.walkForwardList;
    const detail = job.kind === 'sweep' ? queryKeys.sweep(job.id) : queryKeys.walkForward(job.id);
    if (researchJobImpact(prev, job) === 'state') {
      lastRefresh.set(job.id, now());
      void qc.invalidateQueries({ queryKey: list });
      void qc.invalidateQueries({ queryKey: detail });
    } else if (now() - (lastRefresh.get(job.id) ?? 0) >= RESEARCH_REFRESH_MS) {
      lastRefresh.set(job.id, now());
      void qc.invalidateQueries({ queryKey: list }, { cancelRefetch: false });
      void qc.invalidateQueries({ queryKey: detail }, { cancelRefetch: false });
    }
  });
}
