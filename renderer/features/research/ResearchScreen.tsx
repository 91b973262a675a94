import { useEffect, useRef } from 'react';
import { useRunDetail, useSpecDefaults, useStrategies } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { navigate } from '../../stores/routeStore';
import { BaseCard } from './BaseCard';
import { SweepHistory, WalkForwardHistory } from './ResearchHistory';
import { useResearchDraft } from './researchDraftStore';
import { useObjectives } from './researchQueries';
import { RunningResearch } from './RunningResearch';
import { initialDraft } from './sweepDraft';
import { SweepForm } from './SweepForm';
import './research.css';

/**
 * The research hub: the sweep / walk-forward form over a base backtest (the engine's defaults, or
 * `?from=<run>`), what is running, and past results. The form is kept while the user looks at
 * results and comes back; an address naming another run starts it afresh from that run.
 */
export function ResearchScreen({ from }: { from: string | null }) {
  const { draft, load, update } = useResearchDraft();
  const defaults = useSpecDefaults();
  const source = useRunDetail(from);
  const strategies = useStrategies();
  const objectives = useObjectives();

  // The run the address named when the form was last loaded from it: "Reset to defaults" replaces the
  // form before the address drops `?from`, and that run must not be loaded again in between.
  const loadedFrom = useRef<string | null>(null);
  useEffect(() => {
    const list = strategies.data;
    if (from === null) loadedFrom.current = null;
    if (!list) return;
    if (from !== null) {
      if (source.data && draft?.origin !== from && loadedFrom.current !== from) {
        loadedFrom.current = from;
        load(initialDraft(source.data.config, list, from, `run “${source.data.name}”`));
      }
    } else if (draft === null && defaults.data) {
      load(initialDraft(defaults.data.spec, list, 'defaults', 'engine defaults'));
    }
  }, [from, source.data, draft, defaults.data, strategies.data, load]);

  const toDefaults = (): void => {
    if (defaults.data && strategies.data) load(initialDraft(defaults.data.spec, strategies.data, 'defaults', 'engine defaults'));
    if (from !== null) navigate({ name: 'research', from: null });
  };

  const list = strategies.data;
  const objs = objectives.data;
  const loadError = (from !== null ? source.error : defaults.error) ?? strategies.error ?? objectives.error;

  return (
    <div className="research" data-testid="research">
      <div className="screen-head">
        <h1>Research</h1>
        {draft && <span className="muted">based on {draft.originLabel}</span>}
        <button type="button" className="btn btn--ghost" onClick={toDefaults} disabled={!defaults.data || !strategies.data}>
          Reset to defaults
        </button>
      </div>
      <div className="research__columns">
        <div className="stack">
          {draft && (from === null || draft.origin === from) && list && objs ? (
            <>
              <BaseCard draft={draft} from={from} onDefaults={toDefaults} />
              <SweepForm draft={draft} update={update} strategies={list} objectives={objs} />
            </>
          ) : (
            <div className="card">
              <ErrorNote error={loadError} what={from !== null ? 'The run to sweep could not be loaded' : 'The research form could not be loaded'} />
              {!loadError && <p className="muted">Loading…</p>}
            </div>
          )}
        </div>
        <aside className="stack research__side">
          <RunningResearch />
          <SweepHistory />
          <WalkForwardHistory />
        </aside>
      </div>
    </div>
  );
}
