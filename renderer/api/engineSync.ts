import { onlineManager, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../core/ipc/client';
import type { Job } from '../../core/ipc/contract/backtests';
import { syncResearchJobs } from '../features/research/researchSync';
import { syncSessions } from '../features/sessions/sessionsSync';
import { useConnectionStore } from '../stores/connectionStore';
import { useLiveEquity } from '../stores/liveEquityStore';
import { jobEventImpact, upsertJob } from './jobsCache';
import { queryKeys } from './queryKeys';

/** Progress alone refreshes the runs list at most this often. */
const PROGRESS_REFRESH_MS = 1000;

/**
 * Wires the engine's pushed events and connection state into the query cache and the stores:
 * job events (backtest and research) update their jobs lists and refresh what they change; session
 * events update the sessions list and refresh that session; equity points feed the live chart; a
 * (re)opened connection refetches every query.
 */
export function syncWithEngine(api: ApiClient, qc: QueryClient): () => void {
  const { transport } = api;
  useConnectionStore.setState({ state: transport.state });
  onlineManager.setOnline(transport.state === 'open');
  onlineManager.setEventListener((setOnline) =>
    transport.onState((state) => {
      useConnectionStore.setState({ state });
      setOnline(state === 'open');
    }),
  );

  let lastProgressRefresh = 0;
  const offJob = api.on('backtests.job', (job) => {
    const prev = qc.getQueryData<Job[]>(queryKeys.jobs)?.find((j) => j.jobId === job.jobId);
    qc.setQueryData<Job[]>(queryKeys.jobs, (jobs) => upsertJob(jobs, job));
    const impact = jobEventImpact(prev, job);
    if (impact === 'run') {
      void qc.invalidateQueries({ queryKey: queryKeys.runs });
    } else if (impact === 'progress' && Date.now() - lastProgressRefresh >= PROGRESS_REFRESH_MS) {
      lastProgressRefresh = Date.now();
      void qc.invalidateQueries({ queryKey: queryKeys.runLists }, { cancelRefetch: false });
    }
  });
  const offProgress = api.on('backtests.progress', (p) => useLiveEquity.getState().append(p.jobId, p.ts, p.equity));
  const offResearch = syncResearchJobs(api, qc);
  const offSessions = syncSessions(api, qc);

  return () => {
    offJob();
    offProgress();
    offResearch();
    offSessions();
    onlineManager.setEventListener(() => undefined);
  };
}
