import { useStrategies } from '../../api/backtests';
import { fmtInt } from '../../components/common/format';
import { navigate } from '../../stores/routeStore';
import { EfficiencyCard } from './EfficiencyCard';
import { objectiveInfo } from './metricFormat';
import { useResearchDraft } from './researchDraftStore';
import { ResearchDetailHead, ResearchProgress } from './ResearchDetailHead';
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
      <ResearchDetailHead
        kind="walkforward"
        name={d.name}
        state={d.state}
        about={`${d.strategy} · ${objective.label} · ${windowsText(d.request.windows)} · ${fmtInt(d.windows.length)} windows · ${fmtInt(d.done)} / ${fmtInt(d.total)} runs`}
        createdAt={d.createdAt}
        elapsedMs={d.elapsedMs}
      >
        <button type="button" className="btn btn--small" data-testid="walkforward-rerun" disabled={!strategies.data} onClick={rerun}>
          Edit and run again
        </button>
      </ResearchDetailHead>
      <div className="stack">
        <ResearchProgress kind="walkforward" job={job} active={active} error={d.error} />
        <EfficiencyCard detail={d} />
        <WalkForwardChart detail={d} />
        <WindowsTable windows={d.windows} paramNames={d.paramNames} objective={objective} />
        <StabilityTable stability={d.stability} windows={d.windows.length} />
      </div>
    </div>
  );
}
