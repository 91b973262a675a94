import { useEffect } from 'react';
import type { Job } from '../../../core/ipc/contract/backtests';
import { useApi } from '../../api/ApiProvider';
import { useCancelJob, useRunDetail } from '../../api/backtests';
import { isActive } from '../../api/jobsCache';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDuration, fmtInt, fmtNumber, fmtPct } from '../../components/common/format';
import { navigate } from '../../stores/routeStore';
import { ProgressBar } from '../../components/common/ProgressBar';
import { StatusBadge } from '../../components/common/StatusBadge';
import { useFailedJobs } from '../../stores/failedJobsStore';
import { useLiveEquity } from '../../stores/liveEquityStore';
import { LiveEquityChart } from './LiveEquityChart';

const SEED_POINTS = 2000;

/**
 * A job: progress, ETA, the equity drawing as it runs, and Cancel. A job that ended while watched
 * keeps its card (final state, chart, link to the run) until dismissed.
 */
export function JobCard({ job }: { job: Job }) {
  const api = useApi();
  const cancel = useCancelJob();
  const series = useLiveEquity((s) => s.byJob[job.jobId]);
  const seed = useLiveEquity((s) => s.seed);
  const dismissSeries = useLiveEquity((s) => s.dismiss);
  const dismissFailure = useFailedJobs((s) => s.dismiss);
  const active = isActive(job);
  const run = useRunDetail(job.runId);
  const hasSeries = series !== undefined;

  // A page opened mid-run starts the chart from what the engine has already recorded.
  useEffect(() => {
    if (job.runId === null || hasSeries || job.state !== 'running') return;
    let live = true;
    api
      .call('backtests.equity', { runId: job.runId, maxPoints: SEED_POINTS })
      .then((curve) => live && seed(job.jobId, { ts: curve.ts, equity: curve.equity }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, job.jobId, job.runId, job.state, hasSeries, seed]);

  const pct = job.total > 0 ? (job.done / job.total) * 100 : 0;
  const last = series && series.equity.length > 0 ? series.equity[series.equity.length - 1] : null;
  const initialCash = run.data?.initialCash ?? null;
  const domain: [number, number] | null = run.data ? [run.data.periodStart, run.data.periodEnd] : null;

  return (
    <section className="card job-card" data-testid="job-card" data-job-id={job.jobId} data-state={job.state} aria-label={`Job ${job.name}`}>
      <div className="card__head">
        <h2>{job.name}</h2>
        <StatusBadge status={job.state} />
        {active ? (
          <button
            type="button"
            className="btn btn--small btn--danger"
            data-testid="job-cancel"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ jobId: job.jobId })}
          >
            {cancel.isPending ? 'Cancelling…' : job.state === 'queued' ? 'Remove from queue' : 'Cancel'}
          </button>
        ) : (
          <>
            {job.runId !== null && (
              <button type="button" className="btn btn--small btn--primary" data-testid="job-open-run" onClick={() => navigate({ name: 'run', runId: job.runId as string })}>
                Open run
              </button>
            )}
            <button
              type="button"
              className="btn btn--small btn--ghost"
              data-testid="job-dismiss"
              onClick={() => {
                dismissSeries(job.jobId);
                dismissFailure(job.jobId);
              }}
            >
              Dismiss
            </button>
          </>
        )}
      </div>
      {job.error && (
        <div className="notice notice--error job-card__error" data-testid="job-error">
          {job.error}
        </div>
      )}
      {job.state === 'failed' && job.runId === null ? (
        <p className="muted" data-testid="job-not-started">
          It stopped before its first session, so no run was recorded.{' '}
          <a href="#/new">Back to the form</a>
        </p>
      ) : job.state === 'running' && job.total === 0 ? (
        <p className="muted" data-testid="job-preparing">
          Preparing the data…
        </p>
      ) : job.state !== 'queued' ? (
        <>
          <ProgressBar size="large" done={job.done} total={job.total} label={`${job.name} progress`} testId="job-progress" />
          <div className="job-card__stats">
            <span data-testid="job-sessions">
              <strong>{fmtInt(job.done)}</strong> / {fmtInt(job.total)} sessions
            </span>
            <span>{fmtPct(pct, 1)}</span>
            {active && <span data-testid="job-eta">ETA {job.etaMs === null ? '—' : fmtDuration(job.etaMs)}</span>}
            <span className="job-card__equity">
              Equity <strong className="num">{fmtNumber(last)}</strong>
            </span>
          </div>
          {series && series.ts.length > 1 ? (
            <LiveEquityChart series={series} initialCash={initialCash} domain={domain} />
          ) : (
            <div className="chart-placeholder muted" data-testid="job-chart-empty">
              {active
                ? 'Waiting for the first sessions…'
                : job.done === 0
                  ? `It ended (${job.state}) before its first session: nothing to draw.`
                  : 'Its equity was not followed here: open the run to see it.'}
            </div>
          )}
        </>
      ) : (
        <p className="muted">Waiting for the runs before it to finish.</p>
      )}
      <ErrorNote error={cancel.error} what="Cancel failed" />
    </section>
  );
}
