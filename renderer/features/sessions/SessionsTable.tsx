import type { SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { routeHash } from '../../app/routes';
import { fmtInt, fmtNumber } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { fmtPnl, pnlClass } from '../trading/tradingFormat';
import { SessionControls } from './SessionControls';
import { brokerLabel, fmtBarTime } from './sessionView';

/** Mode as a tag: LIVE in red, as on the Trading screen. */
export function SessionMode({ mode }: { mode: SessionSummaryDto['mode'] }) {
  return (
    <span className={`session-mode session-mode--${mode.toLowerCase()}`} data-testid="session-mode">
      {mode}
    </span>
  );
}

/** The state tag with why it is so (a limit crossed, a resume that failed, the trader's stop). */
export function SessionState({ session }: { session: SessionSummaryDto }) {
  const waiting = (session.state === 'running' || session.state === 'paused') && !session.attached;
  return (
    <span className="session-state" data-testid="session-state" data-state={session.state} data-attached={session.attached}>
      <StatusBadge status={session.state} />
      {waiting && (
        <span className="session-state__waiting warn" title="A session of a previous app resumes once the app is connected to its broker again">
          waiting for broker
        </span>
      )}
      {session.reason && (
        <span className="session-state__reason muted" data-testid="session-reason" title={session.reason}>
          {session.reason}
        </span>
      )}
    </span>
  );
}

/** Every session, newest first, with one-click commands. */
export function SessionsTable({ sessions }: { sessions: readonly SessionSummaryDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table sessions-table" data-testid="sessions-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Strategy</th>
            <th>Mode</th>
            <th>Broker</th>
            <th>State</th>
            <th className="num">Decisions</th>
            <th>Last decision</th>
            <th className="num">Equity</th>
            <th className="num">P&amp;L today</th>
            <th className="num">P&amp;L total</th>
            <th className="cell-actions">
              <span className="visually-hidden">Commands</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-testid="session-row" data-id={s.id} data-state={s.state} data-attached={s.attached} data-mode={s.mode}>
              <td className="cell-name">
                <a href={routeHash({ name: 'session', id: s.id })} data-testid="session-link">
                  {s.name}
                </a>
              </td>
              <td title={s.strategyVersion}>{s.strategy}</td>
              <td>
                <SessionMode mode={s.mode} />
              </td>
              <td>{brokerLabel(s.broker)}</td>
              <td className="sessions-table__state">
                <SessionState session={s} />
              </td>
              <td className="num" data-col="decisions">
                {fmtInt(s.decisions)}
              </td>
              <td data-col="last-decided">{fmtBarTime(s.lastDecidedTs)}</td>
              <td className="num" data-col="equity">
                {fmtNumber(s.equity)}
              </td>
              <td className={`num ${pnlClass(s.pnlToday)}`} data-col="pnl-today">
                {fmtPnl(s.pnlToday)}
              </td>
              <td className={`num ${pnlClass(s.pnlTotal)}`} data-col="pnl-total">
                {fmtPnl(s.pnlTotal)}
              </td>
              <td className="cell-actions">
                <SessionControls session={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
