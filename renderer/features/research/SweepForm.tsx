import { useMemo, type FormEvent } from 'react';
import type { StrategyInfo } from '../../../core/ipc/contract/backtests';
import { Tabs } from '../../components/common/Tabs';
import { navigate } from '../../stores/routeStore';
import type { ObjectiveInfo } from './metricFormat';
import { paramModels } from './paramModels';
import { ParamRow } from './ParamRow';
import { PlanBar } from './PlanBar';
import { usePlan, useSweepStart, useWalkForwardStart } from './researchQueries';
import { SearchCard } from './SearchCard';
import { withStrategy, type ParamDraft, type ResearchTab, type SweepDraft } from './sweepDraft';
import { buildSweep, buildWindows } from './sweepRequest';
import { WindowFields } from './WindowFields';

const TABS = [
  { id: 'sweep' as const, label: 'Sweep' },
  { id: 'walkforward' as const, label: 'Walk-forward' },
];

interface SweepFormProps {
  draft: SweepDraft;
  update: (fn: (d: SweepDraft) => SweepDraft) => void;
  strategies: readonly StrategyInfo[];
  objectives: readonly ObjectiveInfo[];
}

/**
 * The research form: the strategy's parameters (each varied over a range or choices, or held),
 * the search, the constraint and the objective; then a sweep, or a walk-forward of the same sweep
 * over rolling or anchored windows. The engine counts the combinations as the user types.
 */
export function SweepForm({ draft, update, strategies, objectives }: SweepFormProps) {
  const info = strategies.find((s) => s.name === draft.strategy);
  const models = useMemo(() => paramModels(info), [info]);
  // A draft's objective the engine does not offer falls back to its first, so what is sent is what is shown.
  const objective = objectives.some((o) => o.name === draft.objective) ? draft.objective : (objectives[0]?.name ?? draft.objective);
  const built = useMemo(() => buildSweep(draft, models, objective), [draft, models, objective]);
  const windows = useMemo(() => buildWindows(draft.windows), [draft.windows]);
  const plan = usePlan(built.request);
  const sweepStart = useSweepStart();
  const wfStart = useWalkForwardStart();
  const walk = draft.tab === 'walkforward';
  const starter = walk ? wfStart : sweepStart;

  const setParam = (name: string, next: ParamDraft): void => update((d) => ({ ...d, params: { ...d.params, [name]: next } }));
  const pickStrategy = (name: string): void => update((d) => withStrategy(d, name, strategies, {}));
  const formIssues = [...built.issues, ...(walk ? windows.issues : [])];

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const request = built.request;
    if (!request || plan.checking || plan.issues.length > 0) return;
    if (!walk) {
      sweepStart.mutate(request, { onSuccess: (job) => navigate({ name: 'sweep', id: job.id }) });
    } else if (windows.plan) {
      wfStart.mutate({ ...request, windows: windows.plan }, { onSuccess: (job) => navigate({ name: 'walkForward', id: job.id }) });
    }
  };

  return (
    <form className="research-form stack" onSubmit={submit} noValidate data-testid="sweep-form">
      <section className="card" aria-labelledby="research-strategy">
        <div className="card__head">
          <h2 id="research-strategy">Strategy and parameters</h2>
        </div>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="sweep-name">Name</label>
            <input id="sweep-name" className="input" type="text" data-testid="sweep-name" value={draft.name} onChange={(e) => update((d) => ({ ...d, name: e.target.value }))} />
          </div>
          <div className="field">
            <label htmlFor="sweep-strategy">Strategy</label>
            <select id="sweep-strategy" className="select" data-testid="sweep-strategy" value={draft.strategy} onChange={(e) => pickStrategy(e.target.value)}>
              {draft.strategy === '' && <option value="">Choose…</option>}
              {strategies.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {info && <p className="field__hint">{info.description}</p>}
        <div className="sweep-params" data-testid="sweep-params">
          {models.length === 0 ? (
            <p className="muted">This strategy has no parameters to vary.</p>
          ) : (
            // A row per parameter the draft knows (a re-run draft may predate a schema change).
            models
              .filter((m) => draft.params[m.name] !== undefined)
              .map((m) => (
                <ParamRow
                  key={m.name}
                  model={m}
                  draft={draft.params[m.name]}
                  issue={built.paramIssues[m.name]}
                  count={built.counts[m.name]}
                  onChange={(next) => setParam(m.name, next)}
                />
              ))
          )}
        </div>
      </section>
      <SearchCard
        search={draft.search}
        where={draft.where}
        objective={objective}
        objectives={objectives}
        onSearch={(search) => update((d) => ({ ...d, search }))}
        onWhere={(where) => update((d) => ({ ...d, where }))}
        onObjective={(o) => update((d) => ({ ...d, objective: o }))}
      />
      <section className="card">
        <Tabs<ResearchTab> tabs={TABS} active={draft.tab} onChange={(tab) => update((d) => ({ ...d, tab }))} label="Run as" idPrefix="research-run" />
        <div id="research-run-panel" role="tabpanel" aria-labelledby={`research-run-tab-${draft.tab}`}>
          {walk ? (
            <>
              <p className="muted research-form__lead">
                Each window sweeps its in-sample period, keeps the best combination by the objective, and trades it over the out-of-sample period that follows. The
                out-of-sample pieces, stitched, are what the strategy would have earned choosing its parameters as it went.
              </p>
              <WindowFields windows={draft.windows} onChange={(w) => update((d) => ({ ...d, windows: w }))} />
            </>
          ) : (
            <p className="muted research-form__lead">
              Every combination is a full backtest on the base; the results rank them by the objective and check the best for overfitting.
            </p>
          )}
        </div>
      </section>
      <PlanBar
        tab={draft.tab}
        formIssues={formIssues}
        rowIssues={Object.keys(built.paramIssues).length}
        plan={plan}
        random={draft.search.kind === 'random'}
        starting={starter.isPending}
        startError={starter.error}
      />
    </form>
  );
}
