import { routeHash } from '../../app/routes';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime, fmtInt } from '../../components/common/format';
import { ExecutionAnalyticsView } from '../execution/ExecutionAnalyticsView';
import { CalibrationPanel } from './CalibrationPanel';
import { SessionControls } from './SessionControls';
import { SessionEquityChart } from './SessionEquityChart';
import { useSession } from './sessionQueries';
import { SessionMode, SessionState } from './SessionsTable';
import { ActionsLog, FillPairsTable, SessionOrdersTable } from './SessionTables';
import { brokerLabel, fmtBarTime, summaryTiles } from './sessionView';
import './sessions.css';

/**
 * One session against its shadow backtest (the same strategy over exactly the bars the session saw):
 * the figures, both equity curves, the fills side by side, the orders with their latencies, what the
 * session did on its own, and the simulator's costs fitted to its fills.
 */
export function SessionDetailScreen({ id }: { id: string }) {
  const q = useSession(id);
  if (!q.data) {
    return (
      <div data-testid="session-detail-pending">
        <div className="screen-head">
          <h1>Session</h1>
          <a className="btn btn--small" href={routeHash({ name: 'sessions' })}>
            All sessions
          </a>
        </div>
        <ErrorNote error={q.error} what="The session could not be loaded" />
        {!q.error && <p className="muted">Loading…</p>}
      </div>
    );
  }
  const d = q.data;
  const s = d.session;
  return (
    <div className="sessions session-detail" data-testid="session-detail" data-id={s.id} data-state={s.state}>
      <header className="screen-head">
        <div className="session-detail__title">
          <h1 data-testid="session-title">{s.name}</h1>
          <SessionMode mode={s.mode} />
          <SessionState session={s} />
        </div>
        <SessionControls session={s} />
        <a className="btn btn--small" href={routeHash({ name: 'sessions' })}>
          All sessions
        </a>
      </header>
      <p className="muted session-detail__about" data-testid="session-about">
        <span title={s.strategyVersion}>{s.strategy}</span> · {brokerLabel(s.broker)} · started {fmtDateTime(s.createdAt)} ·{' '}
        <span data-testid="session-decisions">{fmtInt(s.decisions)}</span> decisions · last {fmtBarTime(s.lastDecidedTs)}
        {s.sourceRunId && (
          <>
            {' '}
            · from <a href={routeHash({ name: 'run', runId: s.sourceRunId })}>its backtest</a>
          </>
        )}
      </p>
      {d.shadowError && (
        <div className="notice notice--error session-detail__notice" role="alert" data-testid="session-shadow-error">
          The shadow backtest could not run: {d.shadowError}. The live side is shown alone.
        </div>
      )}
      <dl className="figure-strip session-tiles" data-testid="session-tiles">
        {summaryTiles(d).map((t) => (
          <div key={t.id} className="figure" data-testid={`tile-${t.id}`} data-value={t.raw ?? ''} title={t.title}>
            <dt>{t.label}</dt>
            <dd className={`num ${t.tone}`}>{t.value}</dd>
          </div>
        ))}
      </dl>
      <div className="stack">
        <SessionEquityChart curve={d.curve} />
        <FillPairsTable fills={d.fills} />
        <SessionOrdersTable orders={d.orders} />
        <ExecutionAnalyticsView analytics={d.execution} />
        <div className="session-detail__pair">
          <ActionsLog actions={d.actions} />
          <CalibrationPanel calibration={d.calibration} />
        </div>
      </div>
    </div>
  );
}
