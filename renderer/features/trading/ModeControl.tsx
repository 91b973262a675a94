import { useState } from 'react';
import type { ModeStateDto } from '../../../core/ipc/contract/trading';
import { LIVE_ARMING_PHRASE } from '../../../core/ipc/contract/trading';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useArmLive, useDisarmLive } from './tradingQueries';

/** PAPER by default; LIVE only after the trader types the arming phrase. Disarming returns to PAPER at once. */
export function ModeControl({ mode, connected }: { mode: ModeStateDto; connected: boolean }) {
  const arm = useArmLive();
  const disarm = useDisarmLive();
  const [asking, setAsking] = useState(false);
  const [phrase, setPhrase] = useState('');
  const matches = phrase.trim() === LIVE_ARMING_PHRASE;

  return (
    <div className="mode-control" data-testid="mode-control" data-mode={mode.mode}>
      <span className={`mode-badge mode-badge--${mode.mode.toLowerCase()}`} data-testid="trading-mode">
        {mode.mode}
      </span>
      {mode.liveArmed ? (
        <button type="button" className="btn" data-testid="disarm-live" disabled={disarm.isPending} onClick={() => disarm.mutate({})}>
          Back to PAPER
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--danger"
          data-testid="arm-live"
          disabled={connected}
          title={connected ? 'Disconnect first: a session keeps the mode it was opened in' : 'Trade a live account'}
          onClick={() => {
            setPhrase('');
            arm.reset();
            setAsking(true);
          }}
        >
          Arm LIVE…
        </button>
      )}
      <ErrorNote error={disarm.error} what="Not disarmed" />
      {asking && (
        <ConfirmDialog
          open
          title="Arm LIVE trading?"
          confirmLabel={arm.isPending ? 'Arming…' : 'Arm LIVE'}
          busy={!matches || arm.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={() => arm.mutate({ phrase }, { onSuccess: () => setAsking(false) })}
        >
          <p>
            Orders will go to a live account and trade real money. A red banner stays on every screen while LIVE is armed, and each order asks for
            confirmation.
          </p>
          <label className="field arm-phrase">
            <span className="field__label">
              Type <strong className="mono">{LIVE_ARMING_PHRASE}</strong> to arm
            </span>
            <input className="input" data-testid="arm-phrase" autoComplete="off" spellCheck={false} value={phrase} onChange={(e) => setPhrase(e.target.value)} />
          </label>
          <ErrorNote error={arm.error} what="Not armed" />
        </ConfirmDialog>
      )}
    </div>
  );
}
