import type { Job } from '../../../core/ipc/contract/backtests';
import { useJobs } from '../../api/backtests';
import { fmtDateTime } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import './jobs.css';

/** How many recent launches that failed before recording a run the list shows. */
const SHOWN = 5;

/** Jobs that failed before their first session: they left no run, so the runs list names them itself. Newest first. */
export function failedLaunches(jobs: readonly Job[]): Job[] {
  return jobs.filter((j) => j.state === 'failed' && j.runId === null).reverse();
}

/** The runs list's note of launches that failed before they recorded a run, with the engine's reason. */
export function FailedLaunches() {
  const jobs = useJobs();
  const failed = failedLaunches(jobs.data ?? []);
  if (failed.length === 0) return null;
  return (
    <section className="failed-launches" data-testid="failed-launches">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Launch that failed</th>
              <th>Status</th>
              <th>Queued</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {failed.slice(0, SHOWN).map((j) => (
              <tr key={j.jobId} data-testid="failed-launch">
                <td className="cell-name">{j.name}</td>
                <td>
                  <StatusBadge status={j.state} />
                </td>
                <td className="muted">{fmtDateTime(j.queuedAt)}</td>
                <td className="failed-launches__error">{j.error ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failed.length > SHOWN && (
        <p className="muted">
          and {failed.length - SHOWN} more on the <a href="#/jobs">Jobs</a> screen
        </p>
      )}
    </section>
  );
}
