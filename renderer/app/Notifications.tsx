import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';
import { navigate } from '../stores/routeStore';
import { useFailedJobs } from '../stores/failedJobsStore';

/**
 * Tells the user where they are when a backtest fails: a notification in the corner of whatever screen
 * is open, kept until closed. The same failure heads the Jobs screen and shows in the status bar.
 */
export function Notifications() {
  const api = useApi();
  const { failed, toasts, noticed, closeToast } = useFailedJobs();

  useEffect(
    () =>
      api.on('backtests.job', (job) => {
        if (job.state === 'failed') noticed(job);
      }),
    [api, noticed],
  );

  const shown = failed.filter((j) => toasts.includes(j.jobId));
  if (shown.length === 0) return null;
  return (
    <div className="toasts" aria-live="assertive">
      {shown.map((job) => (
        <div key={job.jobId} className="toast toast--error" role="alert" data-testid="toast" data-job-id={job.jobId}>
          <div className="toast__body">
            <strong>Backtest “{job.name}” failed</strong>
            <p className="toast__message" data-testid="toast-error">
              {job.error ?? 'The engine gave no reason.'}
            </p>
          </div>
          <div className="toast__actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                closeToast(job.jobId);
                navigate({ name: 'jobs' });
              }}
            >
              Show in Jobs
            </button>
            <button type="button" className="btn btn--small btn--ghost" aria-label="Close notification" onClick={() => closeToast(job.jobId)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
