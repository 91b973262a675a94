import { useEffect, useMemo, type FormEvent } from 'react';
import { useLaunch, useRunDetail, useSpecDefaults, useStrategies } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useDraftStore } from '../../stores/draftStore';
import { navigate } from '../../stores/routeStore';
import { CommissionSection, commissionModelOf } from './CommissionSection';
import { DATA_SECTION_PATHS, dataFieldPaths } from './dataFields';
import { DataSection } from './DataSection';
import { FieldCard, type SpecEditor } from './FieldList';
import { mergeIssues, placeIssues } from './issues';
import { ACCOUNT_FIELDS, COMMISSION_FIELDS, EXECUTION_FIELDS, GENERAL_FIELDS, PLANNER_FIELDS } from './specFields';
import { setAt, type Spec } from './specPath';
import { STRATEGY_SECTION_PATHS, StrategySection, strategyFields } from './StrategySection';
import { useStrategyModule } from './useStrategyModule';
import { useValidation } from './useValidation';

const SECTION_PATHS = [...DATA_SECTION_PATHS, ...STRATEGY_SECTION_PATHS, 'simulator', 'simulator.commission', 'simulator.account', 'planner', 'time_machine'];
const STATIC_PATHS = [...GENERAL_FIELDS, ...EXECUTION_FIELDS, ...ACCOUNT_FIELDS, ...PLANNER_FIELDS].map((f) => f.path);

/** A run's recorded spec, renamed so the copy is told apart in the list. */
function duplicateOf(config: Spec): Spec {
  return { ...config, name: `${typeof config.name === 'string' ? config.name : 'backtest'} (copy)` };
}

/** Brings the first input the engine objected to into view, with focus. */
function focusFirstIssue(): void {
  const el = document.querySelector<HTMLElement>('.new-form [aria-invalid="true"], .new-form .field__issue--section');
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) el.focus({ preventScroll: true });
}

export function NewBacktestScreen({ from }: { from: string | null }) {
  const { spec, origin, load, update } = useDraftStore();
  const defaults = useSpecDefaults();
  const source = useRunDetail(from);
  const strategies = useStrategies();
  const launch = useLaunch();
  const validation = useValidation(spec);
  const strategyModule = useStrategyModule(spec);
  // A module that does not load is an issue of the spec like any other: shown at its path, it blocks the launch.
  const issues = useMemo(() => mergeIssues(validation.issues, strategyModule.issues), [validation.issues, strategyModule.issues]);
  const checking = validation.checking || strategyModule.checking;

  useEffect(() => {
    if (from !== null) {
      if (source.data && origin !== from) load(duplicateOf(source.data.config), from);
    } else if (spec === null && defaults.data) {
      load(defaults.data.spec, 'defaults');
    }
  }, [from, source.data, origin, spec, defaults.data, load]);

  const strategyList = useMemo(() => strategies.data ?? [], [strategies.data]);
  const knownPaths = useMemo(() => {
    if (!spec) return [];
    const model = commissionModelOf(spec);
    return [
      ...STATIC_PATHS,
      ...SECTION_PATHS,
      ...dataFieldPaths(spec.data),
      ...strategyFields(spec, strategyList, strategyModule.info).map((f) => f.path),
      ...COMMISSION_FIELDS[model].map((f) => f.path),
    ];
  }, [spec, strategyList, strategyModule.info]);
  const placed = useMemo(() => placeIssues(issues, knownPaths), [issues, knownPaths]);

  const loading = from !== null ? source : defaults;
  if (!spec || (from !== null && origin !== from)) {
    return (
      <div className="screen-body">
        <h1>New backtest</h1>
        <ErrorNote error={loading.error} what={from !== null ? 'The run to duplicate could not be loaded' : 'The defaults could not be loaded'} />
        {!loading.error && <p className="muted">Loading…</p>}
      </div>
    );
  }

  const editor: SpecEditor = { spec, issues: placed.byPath, set: (path, value) => update((s) => setAt(s, path, value)) };
  const issueCount = issues.length;
  const canLaunch = !checking && issueCount === 0 && !validation.error && !launch.isPending;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!canLaunch) return;
    launch.mutate({ spec }, { onSuccess: () => navigate({ name: 'jobs' }) });
  };

  return (
    <form className="new-form" onSubmit={submit} noValidate data-testid="new-backtest-form">
      <div className="screen-head">
        <h1>New backtest</h1>
        {origin !== 'defaults' && origin !== null && <span className="muted">duplicated from a recorded run</span>}
        <button type="button" className="btn btn--ghost" onClick={() => defaults.data && load(defaults.data.spec, 'defaults')} disabled={!defaults.data}>
          Reset to defaults
        </button>
      </div>
      <div className="form-columns">
        <div className="stack">
          <FieldCard id="general" title="General" fields={GENERAL_FIELDS} editor={editor} />
          <DataSection editor={editor} />
          <StrategySection editor={editor} strategies={strategyList} moduleInfo={strategyModule.info} />
        </div>
        <div className="stack">
          <FieldCard id="execution" title="Execution" fields={EXECUTION_FIELDS} editor={editor} sectionPaths={['simulator']} />
          <CommissionSection editor={editor} />
          <FieldCard id="account" title="Account" fields={ACCOUNT_FIELDS} editor={editor} sectionPaths={['simulator.account']} />
          <FieldCard id="planner" title="Order planner" fields={PLANNER_FIELDS} editor={editor} sectionPaths={['planner', 'time_machine']} />
        </div>
      </div>
      <div className="launch-bar">
        <div className="launch-bar__status" data-testid="validation-status" aria-live="polite">
          {validation.error ? (
            <span className="neg">The engine could not check the spec: {validation.error.message}</span>
          ) : checking ? (
            <span className="muted">Checking…</span>
          ) : issueCount > 0 ? (
            <button type="button" className="link-btn neg" onClick={focusFirstIssue}>
              {issueCount} {issueCount === 1 ? 'issue' : 'issues'} to fix before launch
            </button>
          ) : (
            <span className="pos">✓ Ready to launch</span>
          )}
          {placed.unplaced.length > 0 && (
            <ul className="launch-bar__issues" data-testid="unplaced-issues">
              {placed.unplaced.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path || '(spec)'}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
          <ErrorNote error={launch.error} what="Launch failed" />
        </div>
        <button type="submit" className="btn btn--primary btn--launch" disabled={!canLaunch} data-testid="launch">
          {launch.isPending ? 'Launching…' : 'Launch backtest'}
        </button>
      </div>
    </form>
  );
}
