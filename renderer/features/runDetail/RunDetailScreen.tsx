import { useState } from 'react';
import { useRunDetail } from '../../api/backtests';
import { routeHash } from '../../app/routes';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtPeriod, fmtInt } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { RunOnPaper } from '../sessions/RunOnPaper';
import { AsOfPanel } from './AsOfPanel';
import { AssumptionsPanel } from './AssumptionsPanel';
import { ExecutionSection } from './execution/ExecutionSection';
import { HeadlineMetrics } from './HeadlineMetrics';
import { PerformanceSection } from './PerformanceSection';
import { PriceSection } from './PriceSection';
import { ReturnsSection } from './ReturnsSection';
import { useExport } from './queries';
import { RiskSection } from './risk/RiskSection';
import { RunTables } from './RunTables';
import { TradeAnalysisSection } from './tradeAnalysis/TradeAnalysisSection';
import './runDetail.css';

/** Everything about one run: figures, charts, records, the session picked on the chart, assumptions. */
export function RunDetailScreen({ runId }: { runId: string }) {
  const run = useRunDetail(runId);
  const [pickedTs, setPickedTs] = useState<number | null>(null);
  const exporter = useExport(runId);

  if (run.error) return <ErrorNote error={run.error} what="Could not load the run" />;
  if (!run.data) return <div className="muted" data-testid="run-loading">Loading run…</div>;
  const r = run.data;
  // A run stopped before its first session computed nothing: empty charts and tables would only look broken.
  const nothingComputed = r.sessionsDone === 0 && r.status !== 'running';

  return (
    <div className="run-detail" data-testid="run-detail" data-run-id={r.id}>
      <header className="screen-head run-detail__head">
        <div className="run-detail__title">
          <h1 data-testid="run-name">{r.name}</h1>
          <StatusBadge status={r.status} />
          <span className="muted">
            {r.strategy} · {fmtPeriod(r.periodStart, r.periodEnd)} · {fmtInt(r.symbols.length)} {r.symbols.length === 1 ? 'symbol' : 'symbols'} ·{' '}
            {fmtInt(r.sessionsDone)} sessions
          </span>
        </div>
        <a className="btn btn--small" href={routeHash({ name: 'new', from: r.id })}>
          Duplicate as new
        </a>
        <a className="btn btn--small" href={routeHash({ name: 'research', from: r.id })} data-testid="sweep-parameters">
          Sweep parameters
        </a>
        {r.status === 'completed' && <RunOnPaper runId={r.id} />}
        <button type="button" className="btn btn--small" data-testid="export-report" disabled={exporter.isPending} onClick={() => exporter.mutate('report')}>
          ⤓ Report JSON
        </button>
      </header>
      {r.error && <div className="notice notice--error">{r.error}</div>}
      <ErrorNote error={exporter.error} what="Export failed" />
      {!nothingComputed && <HeadlineMetrics metrics={r.metrics} />}
      <div className="run-detail__body">
        {nothingComputed ? (
          <div className="run-detail__main">
            <div className="empty card" data-testid="run-empty">
              <p>
                This run was {r.status} before its first session: it has no equity, trades or figures to show.
              </p>
              <a className="btn btn--primary" href={routeHash({ name: 'new', from: r.id })}>
                Run it again
              </a>
            </div>
          </div>
        ) : (
          <div className="run-detail__main">
            <PerformanceSection runId={r.id} selectedTs={pickedTs} onPickDate={setPickedTs} />
            <ReturnsSection runId={r.id} />
            <PriceSection runId={r.id} symbols={r.symbols} />
            <RunTables run={r} />
            <TradeAnalysisSection runId={r.id} />
            <ExecutionSection runId={r.id} />
            <RiskSection runId={r.id} asOf={pickedTs} />
          </div>
        )}
        <aside className="run-detail__side">
          {!nothingComputed && (
            <AsOfPanel runId={r.id} ts={pickedTs} period={[r.periodStart, r.periodEnd]} onPick={setPickedTs} onClose={() => setPickedTs(null)} />
          )}
          <AssumptionsPanel run={r} />
        </aside>
      </div>
    </div>
  );
}
