import { useState } from 'react';
import type { AlpacaKeysStateDto, ConnectionDto, ConnectionPreset } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDateTime } from '../../components/common/format';
import { AlpacaFields } from './AlpacaFields';
import { connectInputOf, DEFAULT_CONNECTION_DRAFT, draftOfSession, isAlpacaPreset, presetPort, type ConnectionDraft } from './connectionForm';
import { canConnect, canDisconnect, connectionTarget, indicatorOf, PRESET_GROUPS, PRESET_LABELS } from './connectionIndicator';
import { Panel } from './Panel';
import { useConnect, useDisconnect } from './tradingQueries';

/** TWS / IB Gateway or Alpaca (paper or live), Connect / Disconnect, and the session's state with the broker's own words. */
export function ConnectionPanel({ connection, alpacaKeys }: { connection: ConnectionDto; alpacaKeys: AlpacaKeysStateDto }) {
  const [draft, setDraft] = useState<ConnectionDraft>(DEFAULT_CONNECTION_DRAFT);
  const connect = useConnect();
  const disconnect = useDisconnect();
  const ind = indicatorOf(connection.state);
  const target = connectionTarget(connection);
  const editable = canConnect(connection.state) && !connect.isPending;
  // While a session lasts the fields show where it connected, not what was typed before.
  const shown = canConnect(connection.state) ? draft : draftOfSession(connection);
  const form = connectInputOf(shown);
  const fixedPort = presetPort(shown.preset);
  const set = (changes: Partial<ConnectionDraft>) => setDraft((d) => ({ ...d, ...changes }));

  return (
    <Panel
      title="Connection"
      testId="connection-panel"
      actions={
        <span className="conn-state" data-testid="conn-state" data-state={connection.state} data-tone={ind.tone} title={ind.hint}>
          <span className="tone-dot" data-tone={ind.tone} data-busy={ind.busy} aria-hidden="true" />
          {ind.label}
        </span>
      }
    >
      <div className="conn-detail">
        {target && (
          <div>
            <span className="mono" data-testid="conn-target">
              {target}
            </span>
            {connection.since !== null && <span className="muted"> · since {fmtDateTime(connection.since)}</span>}
          </div>
        )}
        {connection.detail && (
          <div className={ind.tone === 'ok' ? 'muted' : 'conn-detail__why'} data-testid="conn-detail">
            {connection.detail}
          </div>
        )}
      </div>
      <form
        className="conn-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (form.ok && editable) connect.mutate(form.input);
        }}
      >
        <label className="field field--wide">
          <span className="field__label">Preset</span>
          <select
            className="select"
            data-testid="conn-preset"
            value={shown.preset}
            disabled={!editable}
            onChange={(e) => set({ preset: e.target.value as ConnectionPreset })}
          >
            {PRESET_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.presets.map((p) => (
                  <option key={p} value={p}>
                    {PRESET_LABELS[p]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {isAlpacaPreset(shown.preset) ? (
          <AlpacaFields draft={shown} keys={alpacaKeys} editable={editable} set={set} />
        ) : (
          <IbFields shown={shown} fixedPort={fixedPort} editable={editable} portIssue={fixedPort === null && !form.ok && form.issue.startsWith('port')} set={set} />
        )}
        <div className="conn-actions">
          {canDisconnect(connection.state) ? (
            <button type="button" className="btn" data-testid="conn-disconnect" disabled={disconnect.isPending} onClick={() => disconnect.mutate({})}>
              Disconnect
            </button>
          ) : (
            <button type="submit" className="btn btn--primary" data-testid="conn-connect" disabled={!form.ok || !editable}>
              {connect.isPending ? 'Connecting…' : 'Connect'}
            </button>
          )}
        </div>
      </form>
      {!form.ok && editable && <div className="field__issue">{form.issue}</div>}
      <ErrorNote error={connect.error?.message === connection.detail ? null : connect.error} what="Not connected" />
      <ErrorNote error={disconnect.error} what="Disconnect failed" />
    </Panel>
  );
}

interface IbFieldsProps {
  shown: ConnectionDraft;
  fixedPort: number | null;
  editable: boolean;
  portIssue: boolean;
  set: (changes: Partial<ConnectionDraft>) => void;
}

/** TWS / IB Gateway's part of the panel: host, port (fixed by a preset) and client id. */
function IbFields({ shown, fixedPort, editable, portIssue, set }: IbFieldsProps) {
  return (
    <>
      <label className="field">
        <span className="field__label">Host</span>
        <input className="input" data-testid="conn-host" placeholder="from config (127.0.0.1)" value={shown.host} disabled={!editable} onChange={(e) => set({ host: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">Port</span>
        <input
          className="input"
          inputMode="numeric"
          data-testid="conn-port"
          value={fixedPort === null ? shown.port : String(fixedPort)}
          readOnly={fixedPort !== null}
          disabled={!editable}
          aria-invalid={portIssue}
          onChange={(e) => set({ port: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Client id</span>
        <input className="input" inputMode="numeric" data-testid="conn-client-id" placeholder="from config" value={shown.clientId} disabled={!editable} onChange={(e) => set({ clientId: e.target.value })} />
      </label>
    </>
  );
}
