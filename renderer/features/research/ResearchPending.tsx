import type { ResearchJob } from '../../../core/ipc/contract/research';
import { ErrorNote } from '../../components/common/ErrorNote';
import { ResearchJobCard } from './ResearchJobCard';
import { isResearchActive } from './researchJobs';

/**
 * A sweep's or walk-forward's screen before its record loads: its job's progress while it runs, the error once
 * loading it failed (not while the job is still running: the record may not be readable yet).
 */
export function ResearchPending({ title, testId, job, error, what }: { title: string; testId: string; job: ResearchJob | undefined; error: { message: string } | null; what: string }) {
  return (
    <div className="research" data-testid={testId}>
      <div className="screen-head">
        <h1>{title}</h1>
        <a className="btn btn--ghost" href="#/research">
          ← Research
        </a>
      </div>
      {job && <ResearchJobCard job={job} compact />}
      {error && !(job && isResearchActive(job)) && <ErrorNote error={error} what={what} />}
      {!error && <p className="muted">Loading…</p>}
    </div>
  );
}
