import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MethodInput } from '../../../core/ipc/contract';
import type { ResearchJob } from '../../../core/ipc/contract/research';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useEngineQuery } from '../../api/useEngineQuery';
import { useDebounced } from '../../components/common/useDebounced';
import { upsertResearchJob } from './researchJobs';
import type { SweepRequestInput } from './sweepRequest';

/** Hooks for the research screens: sweeps, walk-forwards and their jobs. */

export const useObjectives = () => useEngineQuery(queryKeys.researchObjectives, 'research.objectives', {}, { staleTime: Infinity });
export const useResearchJobs = () => useEngineQuery(queryKeys.researchJobs, 'research.jobs', {});
export const useSweeps = () => useEngineQuery(queryKeys.sweepList, 'research.sweeps', {});
export const useWalkForwards = () => useEngineQuery(queryKeys.walkForwardList, 'research.walkForwards', {});
export const useSweep = (id: string) => useEngineQuery(queryKeys.sweep(id), 'research.sweep', { id });
export const useWalkForward = (id: string) => useEngineQuery(queryKeys.walkForward(id), 'research.walkForward', { id });

export const PLAN_DEBOUNCE_MS = 300;

export interface Plan {
  combinations: number | null;
  issues: string[];
  /** True until the engine has counted the request as it is now. */
  checking: boolean;
  error: ApiError | null;
}

/** The engine's count of combinations (or its issues) for the request, asked once editing pauses. */
export function usePlan(request: SweepRequestInput | null): Plan {
  // Debounced as text: a request rebuilt with the same content is the same request.
  const text = request === null ? null : JSON.stringify(request);
  const settledText = useDebounced(text, PLAN_DEBOUNCE_MS);
  const settled = useMemo(() => (settledText === null ? null : (JSON.parse(settledText) as SweepRequestInput)), [settledText]);
  const q = useEngineQuery(queryKeys.researchPlan(settled), 'research.plan', settled ?? { spec: {}, axes: [] }, {
    enabled: settled !== null,
    keepPrevious: true,
    staleTime: Infinity,
  });
  const current = text !== null && settledText === text && !q.isPlaceholderData;
  return {
    combinations: current && q.data ? q.data.combinations : null,
    issues: current ? (q.data?.issues ?? []) : [],
    checking: request !== null && (!current || q.isFetching),
    error: request !== null ? q.error : null,
  };
}

/** Every job answer updates the research jobs at once, before the engine's event arrives. */
function useResearchJobMutation<M extends 'research.sweepStart' | 'research.walkForwardStart' | 'research.cancel'>(method: M) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<ResearchJob, ApiError, MethodInput<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: (job) => {
      qc.setQueryData<ResearchJob[]>(queryKeys.researchJobs, (jobs) => upsertResearchJob(jobs, job));
      void qc.invalidateQueries({ queryKey: job.kind === 'sweep' ? queryKeys.sweepList : queryKeys.walkForwardList });
    },
  });
}

/** Deletes an ended sweep or walk-forward; both lists are read again. */
export function useResearchDelete() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<{ deleted: boolean }, ApiError, { id: string }>({
    mutationFn: (input) => api.call('research.delete', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.sweepList });
      void qc.invalidateQueries({ queryKey: queryKeys.walkForwardList });
    },
  });
}

export const useSweepStart = () => useResearchJobMutation('research.sweepStart');
export const useWalkForwardStart = () => useResearchJobMutation('research.walkForwardStart');
export const useResearchCancel = () => useResearchJobMutation('research.cancel');
