import type { ResearchJob } from '../../../core/ipc/contract/research';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDuration, fmtInt, fmtPct } from '../../components/common/format';
import { ProgressBar } from '../../components/common/ProgressBar';
import { StatusBadge } from '../../components/common/StatusBadge';
import { routeHash } from '../../app/routes';
import { isResearchActive } from './researchJobs';
import { useResearchCancel } from './researchQueries';

/** Where a research job's results are, running or done. */
export const jobHref = (job: Pick<ResearchJob, 'id' | 'kind'>): string =>
  routeHash(job.kind === 'sweep' ? { name: 'sweep', id: job.id } : { name: 'walkForward', id: job.id });

/** What a research job counts: backtests for a sweep, windows for a walk-forward. */
/** A walk-forward counts runs: each window's in-sample combinations and its out-of-sample step. */
const unitOf = (job: ResearchJob): string => (job.kind === 'sweep' ? 'combinations' : 'runs');

/** A sweep or walk-forward in progress: how far, how long still, and Cancel. */
export function ResearchJobCard({ job, compact = false }: { job: ResearchJob; compact?: boolean }) {
  const cancel = useResearchCancel();
  const active = isResearchActive(job);
  const pct = job.total > 0 ? (job.done / job.total) * 100 : 0;
  return (
    <div className={`research-job${compact ? ' research-job--compact' : ''}`} data-testid="research-job" data-job-id={job.id} data-state={job.state} aria-label={`${job.kind === 'sweep' ? 'Sweep' : 'Walk-forward'} ${job.name}`}>
      <div className="research-job__head">
        <span className="research-job__kind muted">{job.kind === 'sweep' ? 'Sweep' : 'Walk-forward'}</span>
        {compact ? <strong>{job.name}</strong> : <a href={jobHref(job)}>{job.name}</a>}
        <StatusBadge status={job.state} />
        <span className="research-job__spacer" />
        {active && (
          <button type="button" className="btn btn--small btn--danger" data-testid="research-cancel" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: job.id })}>
            {cancel.isPending ? 'Cancelling…' : job.state === 'queued' ? 'Remove from queue' : 'Cancel'}
          </button>
        )}
      </div>
      {job.state === 'queued' ? (
        <p className="muted research-job__stats">Waiting for the jobs before it.</p>
      ) : (
        <>
          <ProgressBar done={job.done} total={job.total} label={`${job.name} progress`} testId="research-progress" />
          <div className="research-job__stats">
            <span data-testid="research-done">
              <strong>{fmtInt(job.done)}</strong> / {fmtInt(job.total)} {unitOf(job)}
            </span>
            <span>{fmtPct(pct, 1)}</span>
            {active && <span data-testid="research-eta">ETA {job.etaMs === null ? '—' : fmtDuration(job.etaMs)}</span>}
          </div>
        </>
      )}
      {job.error && (
        <div className="notice notice--error" data-testid="research-job-error">
          {job.error}
        </div>
      )}
      <ErrorNote error={cancel.error} what="Cancel failed" />
    </div>
  );
}
