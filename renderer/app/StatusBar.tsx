import type { ConnectionState } from '../../core/ipc/client';
import { useJobs, useSystemInfo } from '../api/backtests';
import { fmtDuration, fmtPct } from '../components/common/format';
import { ProgressBar } from '../components/common/ProgressBar';
import { useSessions } from '../features/sessions/sessionQueries';
import { tallySessions } from '../features/sessions/sessionsCache';
import { fmtPnl, pnlClass } from '../features/trading/tradingFormat';
import { useConnectionStore } from '../stores/connectionStore';
import { navigate } from '../stores/routeStore';
import { useFailedJobs } from '../stores/failedJobsStore';

const STATE_LABEL: Record<ConnectionState, string> = {
  connecting: 'connecting…',
  open: 'connected',
  reconnecting: 'reconnecting…',
  closed: 'disconnected',
};

/**
 * The strategy sessions running (or paused) and their summed P&L today, kept current by the
 * `sessions.changed` events; nothing while none runs.
 */
function SessionsStatus() {
  const list = useSessions().data;
  if (!list) return null;
  const t = tallySessions(list);
  if (t.active === 0) return null;
  return (
    <button
      type="button"
      className="statusbar__jobs statusbar__sessions"
      data-testid="status-sessions"
      data-count={t.active}
      data-pnl-today={t.pnlToday ?? ''}
      title="Strategy sessions running or paused, and their P&L today"
      onClick={() => navigate({ name: 'sessions' })}
    >
      <span>
        <strong>{t.active}</strong> {t.active === 1 ? 'session' : 'sessions'}
        {t.live > 0 && <span className="statusbar__live"> · {t.live} LIVE</span>}
      </span>
      <span className="muted">today</span>
      <span className={`num ${pnlClass(t.pnlToday)}`} data-testid="status-sessions-pnl">
        {fmtPnl(t.pnlToday)}
      </span>
    </button>
  );
}

/** Always visible: whether the engine is reachable, what it is running, the sessions trading, and the last backtest that failed (until dismissed). */
export function StatusBar() {
  const { state, kind } = useConnectionStore();
  const info = useSystemInfo();
  const jobs = useJobs().data ?? [];
  const running = jobs.find((j) => j.state === 'running');
  const queued = jobs.filter((j) => j.state === 'queued').length;
  const lastFailed = useFailedJobs((s) => s.failed[0]);

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="statusbar__item" data-testid="connection-state" data-state={state} title={kind === 'electron' ? 'Desktop engine' : 'Engine over WebSocket'}>
        <span className="dot" data-state={state} aria-hidden="true" />
        Engine {STATE_LABEL[state]}
      </span>
      {info.data && (
        <span className="statusbar__item" title={info.data.dbPath}>
          {kind === 'electron' ? 'desktop' : 'web'} · v{info.data.appVersion}
        </span>
      )}
      <span className="statusbar__spacer" />
      <SessionsStatus />
      {lastFailed && (
        <button
          type="button"
          className="statusbar__item statusbar__failed"
          data-testid="status-failed"
          title={lastFailed.error ?? undefined}
          onClick={() => navigate({ name: 'jobs' })}
        >
          ✕ {lastFailed.name} failed{lastFailed.error ? `: ${lastFailed.error}` : ''}
        </button>
      )}
      {running || queued > 0 ? (
        <button type="button" className="statusbar__jobs" data-testid="status-jobs" onClick={() => navigate({ name: 'jobs' })}>
          {running && (
            <>
              <span>
                Running <strong>{running.name}</strong>
              </span>
              <ProgressBar size="mini" done={running.done} total={running.total} label={`${running.name} progress`} />
              <span className="num">{fmtPct(running.total > 0 ? (running.done / running.total) * 100 : 0, 0)}</span>
              {running.etaMs !== null && <span className="muted">ETA {fmtDuration(running.etaMs)}</span>}
            </>
          )}
          {queued > 0 && <span className="muted">+{queued} queued</span>}
        </button>
      ) : (
        <span className="statusbar__item" data-testid="status-idle">
          No jobs running
        </span>
      )}
    </footer>
  );
}
