import { useState } from 'react';
import type { SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useControlSession, type SessionAction } from './sessionQueries';
import { ACTION_LABEL, confirmText, needsConfirm, sessionControls } from './sessionView';

/**
 * One click per command: Pause or Resume, Stop, Flatten & stop. Flatten asks first, and a LIVE
 * session asks before every command; the engine's refusal shows beside the buttons.
 */
export function SessionControls({ session }: { session: SessionSummaryDto }) {
  const control = useControlSession();
  const [asking, setAsking] = useState<SessionAction | null>(null);
  const can = sessionControls(session);
  const send = (action: SessionAction): void => control.mutate({ id: session.id, action }, { onSettled: () => setAsking(null) });
  const click = (action: SessionAction): void => {
    control.reset();
    if (needsConfirm(session, action)) setAsking(action);
    else send(action);
  };
  const button = (action: SessionAction, enabled: boolean, danger = false) => (
    <button
      type="button"
      className={`btn btn--small${danger ? ' btn--danger' : ''}`}
      data-testid={`session-${action}`}
      disabled={!enabled || control.isPending}
      title={can.hint ?? undefined}
      onClick={() => click(action)}
    >
      {ACTION_LABEL[action]}
    </button>
  );
  const ask = asking ? confirmText(session, asking) : null;

  return (
    <div className="session-controls" data-testid="session-controls">
      {session.state === 'paused' ? button('resume', can.resume) : button('pause', can.pause)}
      {button('stop', can.stop)}
      {button('flatten', can.flatten, true)}
      {control.error && (
        <div className="session-controls__error">
          <ErrorNote error={control.error} what={`${ACTION_LABEL[control.variables?.action ?? 'stop']} refused`} />
        </div>
      )}
      {asking && ask && (
        <ConfirmDialog
          open
          title={ask.title}
          confirmLabel={control.isPending ? 'Sending…' : ACTION_LABEL[asking]}
          busy={control.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={() => send(asking)}
        >
          <p data-testid="session-confirm-text">{ask.body}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
