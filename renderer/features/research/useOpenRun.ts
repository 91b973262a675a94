import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../core/ipc/contract';
import type { Job } from '../../../core/ipc/contract/backtests';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { upsertJob } from '../../api/jobsCache';
import { queryKeys } from '../../api/queryKeys';
import { navigate } from '../../stores/routeStore';

export interface OpeningRun {
  /** The combination's index in the sweep's results. */
  index: number;
  /** The backtest recording its full run, once the engine has queued one. */
  job: Job | null;
}

export interface OpenRun {
  open: (index: number) => void;
  /** The combination being opened, until its run exists. */
  opening: OpeningRun | null;
  error: { message: string } | null;
}

/**
 * Opens one combination's full run: at once when the engine has it recorded, else after the engine
 * records it as a backtest job (the job names the run as soon as it starts; the run screen shows a
 * running run, so there is no need to wait for the end).
 */
export function useOpenRun(sweepId: string): OpenRun {
  const api = useApi();
  const qc = useQueryClient();
  const [opening, setOpening] = useState<OpeningRun | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const goTo = useCallback(
    (runId: string): void => {
      setOpening(null);
      // The combination now has a run id the table can show.
      void qc.invalidateQueries({ queryKey: queryKeys.sweep(sweepId) });
      navigate({ name: 'run', runId });
    },
    [qc, sweepId],
  );

  const mutation = useMutation<MethodOutput<'research.openRun'>, ApiError, number>({
    mutationFn: (index) => api.call('research.openRun', { id: sweepId, index }),
    onMutate: (index) => {
      setFailure(null);
      setOpening({ index, job: null });
    },
    onSuccess: (res, index) => {
      const job = res.job;
      // The job's own events may have overtaken this answer: what the jobs cache holds is newer.
      const cached = job ? qc.getQueryData<Job[]>(queryKeys.jobs)?.find((j) => j.jobId === job.jobId) : undefined;
      if (job && !cached) qc.setQueryData<Job[]>(queryKeys.jobs, (jobs) => upsertJob(jobs, job));
      const runId = res.runId ?? cached?.runId ?? job?.runId ?? null;
      if (runId !== null) goTo(runId);
      else if (job) setOpening({ index, job: cached ?? job });
      else {
        setOpening(null);
        setFailure('The engine neither had this combination’s run nor started one.');
      }
    },
    onError: () => setOpening(null),
  });

  // Follows the recording job until it names its run, or fails before it does.
  const jobId = opening?.job?.jobId ?? null;
  useEffect(() => {
    if (jobId === null) return;
    return api.on('backtests.job', (job) => {
      if (job.jobId !== jobId) return;
      if (job.runId !== null) {
        goTo(job.runId);
      } else if (job.state === 'failed' || job.state === 'cancelled') {
        setOpening(null);
        setFailure(job.error ?? `The run was ${job.state} before it was recorded.`);
      } else {
        setOpening((o) => (o ? { ...o, job } : o));
      }
    });
  }, [api, jobId, goTo]);

  const { mutate } = mutation;
  const open = useCallback(
    (index: number): void => {
      // One at a time: a second click while recording would queue a second backtest.
      if (opening === null) mutate(index);
    },
    [opening, mutate],
  );

  return { open, opening, error: mutation.error ?? (failure === null ? null : { message: failure }) };
}
