import { useState } from 'react';
import { ErrorNote } from '../../../components/common/ErrorNote';
import { ExecutionAnalyticsView } from '../../execution/ExecutionAnalyticsView';
import { useRunExecution } from './useRunExecution';

/**
 * How the run's orders were executed, opened on demand: slippage against each decision's close and
 * the simulator's quoted price, fill rate, time to fill and implementation shortfall.
 */
export function ExecutionSection({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  const q = useRunExecution(runId, open);
  const a = q.data;
  return (
    <section
      className="card execution-section"
      aria-labelledby="execution-title"
      data-testid="execution-section"
      data-state={!open ? 'closed' : a ? 'ready' : q.error ? 'error' : 'loading'}
    >
      <div className="chart-card__head">
        <h2 id="execution-title">Execution</h2>
        <button type="button" className="btn btn--small" data-testid="tab-execution" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide execution analytics' : 'Show execution analytics'}
        </button>
      </div>
      {open && <ErrorNote error={q.error} what="Could not analyse the run's execution" />}
      {open && !a && !q.error && <p className="muted">Analysing the run's orders and fills…</p>}
      {open && a && <ExecutionAnalyticsView analytics={a} />}
    </section>
  );
}
