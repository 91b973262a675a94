import { ErrorNote } from '../../components/common/ErrorNote';
import { isResearchActive } from './researchJobs';
import { ResearchJobCard } from './ResearchJobCard';
import { useResearchJobs } from './researchQueries';

/** Sweeps and walk-forwards running now, each with its progress and Cancel. */
export function RunningResearch() {
  const jobs = useResearchJobs();
  const active = (jobs.data ?? []).filter(isResearchActive);
  return (
    <section className="card" aria-labelledby="research-running" data-testid="research-running">
      <div className="card__head">
        <h2 id="research-running">Running</h2>
      </div>
      <ErrorNote error={jobs.error} what="The research jobs could not be loaded" />
      {active.length === 0 && !jobs.isPending ? (
        <p className="muted" data-testid="research-idle">
          No sweep or walk-forward is running.
        </p>
      ) : (
        <div className="stack">
          {active.map((j) => (
            <ResearchJobCard key={j.id} job={j} />
          ))}
        </div>
      )}
    </section>
  );
}
