import { ErrorNote } from '../../components/common/ErrorNote';
import { useSessions } from './sessionQueries';
import { SessionsTable } from './SessionsTable';
import { StartSessionForm } from './StartSessionForm';
import './sessions.css';

/**
 * Forward testing: every strategy session (a backtested strategy running on a paper or live
 * account), live from the engine's `sessions.changed` events, with its commands; and the form that
 * starts one.
 */
export function SessionsScreen() {
  const sessions = useSessions();
  const list = sessions.data;
  return (
    <div className="sessions" data-testid="sessions">
      <div className="screen-head">
        <h1>Sessions</h1>
        <span className="muted">a backtested strategy on a paper or live account, against its shadow backtest</span>
      </div>
      <div className="stack">
        <ErrorNote error={sessions.error} what="The sessions could not be loaded" />
        {!list ? (
          !sessions.error && <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <div className="empty card" data-testid="sessions-empty">
            <p>No session yet. Start one from a spec file or a completed backtest below, or with a run’s “Run on paper”.</p>
          </div>
        ) : (
          <SessionsTable sessions={list} />
        )}
        <div className="sessions__start">
          <StartSessionForm />
        </div>
      </div>
    </div>
  );
}
