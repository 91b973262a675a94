import { useState } from 'react';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useModalDialog } from '../../components/common/useModalDialog';
import { navigate } from '../../stores/routeStore';
import { useTradingState } from '../trading/tradingQueries';
import { BrokerChoice } from './BrokerChoice';
import { useStartSession } from './sessionQueries';
import { connectedBroker } from './sessionView';
import { EMPTY_START, startRequest } from './startForm';

/**
 * "Run on paper": forward-tests a completed backtest as a session, on the connected broker or the
 * local simulator, then opens the session's live-vs-backtest screen.
 */
export function RunOnPaper({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn--small" data-testid="run-on-paper" onClick={() => setOpen(true)}>
        ▶ Run on paper
      </button>
      {open && <RunOnPaperDialog runId={runId} onClose={() => setOpen(false)} />}
    </>
  );
}

function RunOnPaperDialog({ runId, onClose }: { runId: string; onClose: () => void }) {
  const [broker, setBroker] = useState<'connected' | 'sim'>('connected');
  const [simBars, setSimBars] = useState<'replay' | 'connected'>('replay');
  const [speed, setSpeed] = useState(EMPTY_START.speed);
  const start = useStartSession();
  const conn = connectedBroker(useTradingState().data);
  const ref = useModalDialog(true);
  const req = startRequest({ ...EMPTY_START, source: 'run', runId, broker, simBars, speed });
  const live = broker === 'connected' && conn.live;

  return (
    <dialog
      ref={ref}
      className="confirm run-on-paper"
      data-testid="run-on-paper-dialog"
      aria-labelledby="run-on-paper-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (req.input) start.mutate(req.input, { onSuccess: (s) => navigate({ name: 'session', id: s.id }) });
        }}
      >
        <h2 id="run-on-paper-title">Forward-test this backtest</h2>
        <p>
          A session runs the run’s strategy, params, planner and limits on new bars, and compares every fill with a shadow backtest over the same
          bars.
        </p>
        <BrokerChoice
          name="run-on-paper-broker"
          broker={broker}
          simBars={simBars}
          speed={speed}
          speedIssue={req.issues?.speed}
          onBroker={setBroker}
          onSimBars={setSimBars}
          onSpeed={setSpeed}
        />
        {live && (
          <div className="notice notice--error" data-testid="run-on-paper-live">
            The connected broker trades in LIVE mode: this session’s orders trade real money.
          </div>
        )}
        <ErrorNote error={start.error} what="Session not started" />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="submit" className={`btn ${live ? 'btn--danger-solid' : 'btn--primary'}`} data-testid="run-on-paper-start" disabled={req.input === null || start.isPending}>
            {start.isPending ? 'Starting…' : live ? 'Start LIVE session' : 'Start session'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
