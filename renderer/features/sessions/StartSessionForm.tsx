import { useState } from 'react';
import type { SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { useRuns } from '../../api/backtests';
import { routeHash } from '../../app/routes';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime } from '../../components/common/format';
import { useTradingState } from '../trading/tradingQueries';
import { BrokerChoice } from './BrokerChoice';
import { useStartSession } from './sessionQueries';
import { connectedBroker } from './sessionView';
import { EMPTY_START, startRequest, type StartDraft, type StartIssues } from './startForm';

/** The session's optional limits: draft field, label and element id. */
const LIMITS = [
  ['maxDailyLoss', 'Max daily loss', 'start-max-daily-loss'],
  ['maxPositionValue', 'Max position value', 'start-max-position-value'],
] as const;

function Issue({ text }: { text: string | undefined }) {
  return text ? <span className="field__issue">{text}</span> : null;
}

/**
 * Starts a session: a spec file or a completed backtest, on the connected broker or the local
 * simulator, with optional limits. A LIVE connection asks first; the engine's refusal (not
 * connected, a spec that does not load, ...) shows under the button.
 */
export function StartSessionForm({ onStarted }: { onStarted?: (s: SessionSummaryDto) => void }) {
  const [draft, setDraft] = useState<StartDraft>(EMPTY_START);
  const [issues, setIssues] = useState<StartIssues>({});
  const [askLive, setAskLive] = useState(false);
  const [started, setStarted] = useState<SessionSummaryDto | null>(null);
  const start = useStartSession();
  const runs = useRuns({ status: 'completed' });
  const conn = connectedBroker(useTradingState().data);
  const set = (patch: Partial<StartDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setIssues({});
  };

  const send = (): void => {
    const req = startRequest(draft);
    if (req.issues) {
      setIssues(req.issues);
      return;
    }
    setStarted(null);
    start.mutate(req.input, {
      onSuccess: (s) => {
        setStarted(s);
        onStarted?.(s);
      },
      onSettled: () => setAskLive(false),
    });
  };
  const submit = (): void => {
    start.reset();
    if (draft.broker === 'connected' && conn.live && startRequest(draft).input) setAskLive(true);
    else send();
  };

  return (
    <form
      className="card start-session"
      data-testid="start-session-form"
      aria-labelledby="start-session-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="card__head">
        <h2 id="start-session-title">Start session</h2>
        <div className="segmented" role="radiogroup" aria-label="What to run">
          {(['spec', 'run'] as const).map((k) => (
            <label key={k} className="segmented__item" data-checked={draft.source === k}>
              <input type="radio" name="start-source" checked={draft.source === k} data-testid={`start-source-${k}`} onChange={() => set({ source: k })} />
              {k === 'spec' ? 'Spec file' : 'Backtest run'}
            </label>
          ))}
        </div>
      </div>
      {draft.source === 'spec' ? (
        <div className="field">
          <label htmlFor="start-spec-path">Spec file</label>
          <input
            id="start-spec-path"
            className="input mono"
            data-testid="start-spec-path"
            placeholder="/path/to/strategy.yaml"
            spellCheck={false}
            aria-invalid={issues.specPath !== undefined}
            value={draft.specPath}
            onChange={(e) => set({ specPath: e.target.value })}
          />
          <span className="field__hint">Its strategy, params, planner and risk limits, with its session settings (warm-up, decision time, grace).</span>
          <Issue text={issues.specPath} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor="start-run">Completed backtest</label>
          <select
            id="start-run"
            className="select"
            data-testid="start-run"
            aria-invalid={issues.runId !== undefined}
            value={draft.runId}
            onChange={(e) => set({ runId: e.target.value })}
          >
            <option value="">{runs.data && runs.data.length === 0 ? 'no completed backtest yet' : 'choose a run…'}</option>
            {(runs.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {r.strategy} · {fmtDateTime(r.createdAt)}
              </option>
            ))}
          </select>
          <Issue text={issues.runId} />
        </div>
      )}
      <h3 className="card__sub">Broker</h3>
      <BrokerChoice
        name="start-broker"
        broker={draft.broker}
        simBars={draft.simBars}
        speed={draft.speed}
        speedIssue={issues.speed}
        onBroker={(broker) => set({ broker })}
        onSimBars={(simBars) => set({ simBars })}
        onSpeed={(speed) => set({ speed })}
      />
      <h3 className="card__sub">Limits (optional)</h3>
      <div className="field-grid">
        {LIMITS.map(([key, label, id]) => (
          <div key={key} className="field">
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              className="input"
              inputMode="decimal"
              data-testid={id}
              placeholder="none"
              aria-invalid={issues[key] !== undefined}
              value={draft[key]}
              onChange={(e) => set({ [key]: e.target.value })}
            />
            <Issue text={issues[key]} />
          </div>
        ))}
      </div>
      <p className="field__hint">Crossing a limit flattens the session and stops it, with the reason recorded.</p>
      <div className="start-session__foot">
        <button type="submit" className="btn btn--primary" data-testid="start-session" disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Start session'}
        </button>
        {started && !start.isPending && (
          <span className="pos" data-testid="start-started">
            Started <a href={routeHash({ name: 'session', id: started.id })}>{started.name}</a>
          </span>
        )}
      </div>
      <div data-testid="start-error">
        <ErrorNote error={start.error} what="Session not started" />
      </div>
      {askLive && (
        <ConfirmDialog
          open
          title="Start a LIVE session?"
          confirmLabel={start.isPending ? 'Starting…' : 'Start LIVE session'}
          busy={start.isPending}
          onCancel={() => setAskLive(false)}
          onConfirm={send}
        >
          <p>The connected broker trades in LIVE mode: the session’s orders trade real money, without asking for each one.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
