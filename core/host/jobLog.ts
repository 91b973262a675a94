import type { Job } from '../ipc/contract/backtests';
import { logFor } from '../log/log';

const log = logFor('jobs');

/**
 * Logs a backtest job each time its state changes (queued, running, and how it ended), not at every
 * progress report. Answers the listener the job queue calls on every change.
 */
export function jobStateLogger(): (job: Job) => void {
  const states = new Map<string, Job['state']>();
  return (job) => {
    if (states.get(job.jobId) === job.state) return;
    const fields = { jobId: job.jobId, name: job.name, runId: job.runId };
    if (job.state === 'failed') log.error(`backtest ${job.name} failed: ${job.error ?? 'no reason given'}`, fields);
    else log.info(`backtest ${job.name} ${job.state}`, fields);
    if (job.state === 'queued' || job.state === 'running') states.set(job.jobId, job.state);
    else states.delete(job.jobId);
  };
}
