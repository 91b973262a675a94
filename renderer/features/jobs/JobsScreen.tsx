import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useJobs } from '../../api/backtests';
import { useFailedJobs } from '../../stores/failedJobsStore';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime, fmtInt } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { useLiveEquity } from '../../stores/liveEquityStore';
import { JobCard } from './JobCard';
import { jobsLayout } from './jobsLayout';

/**
 * The queue: failures first, then running and queued jobs in full, then jobs that ended while watched (until dismissed);
 * the rest as a short history with links to their runs.
 */
export function JobsScreen() {
  const jobs = useJobs();
  // Only which jobs were watched matters here, not their points (those re-render each card alone).
  const watched = useLiveEquity(useShallow((s) => Object.keys(s.byJob)));
  const failed = useFailedJobs((s) => s.failed);
  const { cards, ended } = useMemo(() => jobsLayout(jobs.data ?? [], watched, failed), [jobs.data, watched, failed]);

  return (
    <div>
      <div className="screen-head">
        <h1>Jobs</h1>
        <a className="btn btn--primary" href="#/new">
          + New backtest
        </a>
      </div>
      <ErrorNote error={jobs.error} what="The jobs could not be loaded" />
      {cards.length === 0 && !jobs.isPending && (
        <div className="empty card" data-testid="jobs-idle">
          <p>No backtest is running.</p>
        </div>
      )}
      <div className="stack">
        {cards.map((j) => (
          <JobCard key={j.jobId} job={j} />
        ))}
      </div>
      {ended.length > 0 && (
        <>
          <h2 className="section-title">Finished in this session</h2>
          <div className="table-wrap">
            <table className="table" data-testid="jobs-ended">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>State</th>
                  <th className="num">Sessions</th>
                  <th>Queued</th>
                  <th>Note</th>
                </tr>
              </thead>
              <tbody>
                {ended.map((j) => (
                  <tr key={j.jobId} data-testid="ended-job" data-state={j.state}>
                    <td className="cell-name">{j.runId ? <a href={`#/runs/${j.runId}`}>{j.name}</a> : j.name}</td>
                    <td>
                      <StatusBadge status={j.state} />
                    </td>
                    <td className="num">
                      {fmtInt(j.done)} / {fmtInt(j.total)}
                    </td>
                    <td className="muted">{fmtDateTime(j.queuedAt)}</td>
                    <td className="muted job-error">{j.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
