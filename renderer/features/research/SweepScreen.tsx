import { useState } from 'react';
import { useStrategies } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { navigate } from '../../stores/routeStore';
import { BestCard } from './BestCard';
import { objectiveInfo } from './metricFormat';
import { ObjectiveLineChart } from './ObjectiveLineChart';
import { OpeningNotice } from './OpeningNotice';
import { OverfittingPanel } from './OverfittingPanel';
import { ParamHeatmap } from './ParamHeatmap';
import { useResearchDraft } from './researchDraftStore';
import { ResearchDetailHead, ResearchProgress } from './ResearchDetailHead';
import { ResearchPending } from './ResearchPending';
import { isResearchActive } from './researchJobs';
import { useObjectives, useResearchJobs, useSweep } from './researchQueries';
import { draftFromRequest } from './rerunDraft';
import { SliceModeSwitch } from './SliceModeSwitch';
import { SweepResultsTable } from './SweepResultsTable';
import type { SliceMode } from './sweepSlices';
import { useOpenRun } from './useOpenRun';
import './research.css';

/**
 * One sweep's results: the best combination and how far to trust it, the objective along one
 * parameter and over two, and every combination in a table; a cell or row opens its full run.
 * While it runs, its progress shows on top and the results fill in.
 */
export function SweepScreen({ id }: { id: string }) {
  const sweep = useSweep(id);
  const jobs = useResearchJobs();
  const objectives = useObjectives();
  const strategies = useStrategies();
  const loadDraft = useResearchDraft((s) => s.load);
  const opener = useOpenRun(id);
  const [mode, setMode] = useState<SliceMode>('atBest');
  const job = jobs.data?.find((j) => j.id === id && j.kind === 'sweep');

  if (!sweep.data) return <ResearchPending title="Sweep" testId="sweep-screen" job={job} error={sweep.error} what="The sweep could not be loaded" />;

  const d = sweep.data;
  const objective = objectiveInfo(d.objective, objectives.data);
  const active = job ? isResearchActive(job) : isResearchActive(d);
  const best = d.best === null ? null : (d.results[d.best] ?? null);
  const openingIndex = opener.opening?.index ?? null;
  const rerun = (walk: boolean): void => {
    if (!strategies.data) return;
    const draft = draftFromRequest(d.request, null, strategies.data, `sweep:${d.id}`, `sweep “${d.name}”`);
    loadDraft(walk ? { ...draft, tab: 'walkforward' } : draft);
    navigate({ name: 'research', from: null });
  };

  return (
    <div className="research" data-testid="sweep-screen" data-sweep-id={d.id} data-state={d.state}>
      <ResearchDetailHead
        kind="sweep"
        name={d.name}
        state={d.state}
        about={`${d.strategy} · ${objective.label} (${objective.direction === 'max' ? 'higher' : 'lower'} is better) · ${fmtInt(d.combinations)} combinations`}
        createdAt={d.createdAt}
        elapsedMs={d.elapsedMs}
      >
        <button type="button" className="btn btn--small" data-testid="sweep-rerun" disabled={!strategies.data} onClick={() => rerun(false)}>
          Edit and run again
        </button>
        <button type="button" className="btn btn--small" data-testid="sweep-walkforward" disabled={!strategies.data} onClick={() => rerun(true)}>
          Walk it forward
        </button>
      </ResearchDetailHead>
      <div className="stack">
        <ResearchProgress kind="sweep" job={job} active={active} error={d.error} />
        {opener.opening && <OpeningNotice opening={opener.opening} />}
        <ErrorNote error={opener.error} what="Could not open the run" />
        <div className="research__pair">
          <BestCard best={best} paramNames={d.paramNames} objective={objective} openingIndex={openingIndex} onOpen={opener.open} />
          <OverfittingPanel overfitting={d.overfitting} finished={!active} />
        </div>
        {d.results.length > 0 && (
          <>
            <SliceModeSwitch mode={mode} onChange={setMode} />
            <div className="research__pair">
              <ObjectiveLineChart key={`line-${d.id}`} sweep={d} objective={objective} mode={mode} onOpen={opener.open} />
              <ParamHeatmap key={`heat-${d.id}`} sweep={d} objective={objective} mode={mode} openingIndex={openingIndex} onOpen={opener.open} />
            </div>
          </>
        )}
        <SweepResultsTable
          key={`table-${objective.direction}`}
          results={d.results} paramNames={d.paramNames} objective={objective} bestIndex={best?.index ?? null} openingIndex={openingIndex} onOpen={opener.open} />
      </div>
    </div>
  );
}
