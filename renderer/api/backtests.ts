import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../core/ipc/contract';
import type { Job } from '../../core/ipc/contract/backtests';
import type { ApiError } from '../../core/ipc/errors';
import { useApi } from './ApiProvider';
import { upsertJob } from './jobsCache';
import { queryKeys, type RunListFilter } from './queryKeys';
import { useEngineQuery } from './useEngineQuery';

/** Hooks for the backtest screens; per-run data hooks for the detail screen live with it. */

export const useRuns = (filter: RunListFilter) =>
  useEngineQuery(
    queryKeys.runList(filter),
    'backtests.list',
    { search: filter.search || undefined, status: filter.status || undefined },
    { keepPrevious: true },
  );

export const useRunDetail = (runId: string | null) =>
  useEngineQuery(queryKeys.runDetail(runId ?? ''), 'backtests.get', { runId: runId ?? '' }, { enabled: runId !== null });

export const useJobs = () => useEngineQuery(queryKeys.jobs, 'backtests.jobs', {});

export const useStrategies = () => useEngineQuery(queryKeys.strategies, 'strategies.list', {}, { staleTime: Infinity });

export const useSpecDefaults = () => useEngineQuery(queryKeys.specDefaults, 'backtests.defaults', {}, { staleTime: Infinity });

export const useSystemInfo = () => useEngineQuery(queryKeys.system, 'system.info', {}, { staleTime: Infinity });

export const useCompare = (runIds: readonly string[]) =>
  useEngineQuery(queryKeys.compare(runIds), 'backtests.compare', { runIds: [...runIds] }, { enabled: runIds.length >= 2 });

/** Every job answer updates the jobs list at once, before the engine's event arrives. */
function useJobMutation<M extends 'backtests.launch' | 'backtests.cancel'>(method: M) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<Job, ApiError, MethodInput<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: (job) => {
      qc.setQueryData<Job[]>(queryKeys.jobs, (jobs) => upsertJob(jobs, job));
      void qc.invalidateQueries({ queryKey: queryKeys.runs });
    },
  });
}

export const useLaunch = () => useJobMutation('backtests.launch');
export const useCancelJob = () => useJobMutation('backtests.cancel');

export function useDeleteRun() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<{ deleted: boolean }, ApiError, string>({
    mutationFn: (runId) => api.call('backtests.delete', { runId }),
    onSuccess: (_res, runId) => {
      qc.removeQueries({ queryKey: queryKeys.run(runId) });
      void qc.invalidateQueries({ queryKey: queryKeys.runs });
    },
  });
}
