import { useStrategies } from '../../api/backtests';
import { fmtDateTime, fmtDuration, fmtInt } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { navigate } from '../../stores/routeStore';
import { EfficiencyCard } from './EfficiencyCard';
import { objectiveInfo } from './metricFormat';
import { useResearchDraft } from './researchDraftStore';
import { ResearchJobCard } from './ResearchJobCard';
import { ResearchPending } from './ResearchPending';
import { isResearchActive } from './researchJobs';
import { useObjectives, useResearchJobs, useWalkForward } from './researchQueries';
import { draftFromRequest } from './rerunDraft';
import { StabilityTable } from './StabilityTable';
import { WalkForwardChart } from './WalkForwardChart';
import { WindowsTable } from './WindowsTable';
import './research.css';

/** "rolling 24 + 6 months, step 3": how the walk-forward cut its windows. */
function windowsText(w: { mode: string; unit: string; inSample: number; outOfSample: number; step?: number }): string {
  return `${w.mode} ${w.inSample} + ${w.outOfSample} ${w.unit}${w.step === undefined ? '' : `, step ${w.step}`}`;
}

/**
 * One walk-forward's results: its efficiency and stitched out-of-sample figures first, the stitched
 * equity against each window's in-sample equity, then the windows and how stable the chosen
 * parameters were. While it runs, its progress shows on top and the windows fill in.
 */
export function WalkForwardScreen({ id }: { id: string }) {
  const wf = useWalkForward(id);
  const jobs = useResearchJobs();
  const objectives = useObjectives();
  const strategies = useStrategies();
  const loadDraft = useResearchDraft((s) => s.load);
  const job = jobs.data?.find((j) => j.id === id && j.kind === 'walkforward');

  if (!wf.data) return <ResearchPending title="Walk-forward" testId="walkforward-screen" job={job} error={wf.error} what="The walk-forward could not be loaded" />;

  const d = wf.data;
  const objective = objectiveInfo(d.objective, objectives.data);
  const active = job ? isResearchActive(job) : isResearchActive(d);
  const rerun = (): void => {
    if (!strategies.data) return;
    loadDraft(draftFromRequest(d.request, d.request.windows, strategies.data, `walkforward:${d.id}`, `walk-forward “${d.name}”`));
    navigate({ name: 'research', from: null });
  };

  return (
    <div className="research" data-testid="walkforward-screen" data-walkforward-id={d.id} data-state={d.state}>
      <header className="screen-head">
        <div className="research__title">
          <h1 data-testid="walkforward-name">{d.name}</h1>
          <StatusBadge status={d.state} />
          <span className="muted">
            {d.strategy} · {objective.label} · {windowsText(d.request.windows)} · {fmtInt(d.windows.length)} windows · {fmtInt(d.done)} / {fmtInt(d.total)} runs · {fmtDateTime(d.createdAt)}
            {d.elapsedMs !== null && ` · took ${fmtDuration(d.elapsedMs)}`}
          </span>
        </div>
        <button type="button" className="btn btn--small" data-testid="walkforward-rerun" disabled={!strategies.data} onClick={rerun}>
          Edit and run again
        </button>
        <a className="btn btn--small btn--ghost" href="#/research">
          ← Research
        </a>
      </header>
      <div className="stack">
        {active && job && <ResearchJobCard job={job} compact />}
        {d.error && (
          <div className="notice notice--error" data-testid="walkforward-error">
            {d.error}
          </div>
        )}
        <EfficiencyCard detail={d} />
        <WalkForwardChart detail={d} />
        <WindowsTable windows={d.windows} paramNames={d.paramNames} objective={objective} />
        <StabilityTable stability={d.stability} windows={d.windows.length} />
      </div>
    </div>
  );
}
