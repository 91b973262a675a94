import type { AlpacaKeysStateDto } from '../../../core/ipc/contract/trading';
import type { ConnectionDraft } from './connectionForm';
import { useForgetAlpacaKeys } from './tradingQueries';

interface Props {
  draft: ConnectionDraft;
  keys: AlpacaKeysStateDto;
  editable: boolean;
  set: (changes: Partial<ConnectionDraft>) => void;
}

/**
 * Alpaca's part of the connection panel: the endpoints (empty: the config's, Alpaca's own by default; the
 * fake's for a try without an account) and where the keys come from. Keys are typed only where the app
 * can keep them in the OS keychain; web mode says to set them in the environment.
 */
export function AlpacaFields({ draft, keys, editable, set }: Props) {
  const forget = useForgetAlpacaKeys();
  const typing = keys.canStore && !keys.environment;
  return (
    <>
      <label className="field field--wide">
        <span className="field__label">Trading URL</span>
        <input
          className="input"
          data-testid="conn-trading-url"
          placeholder="from config (Alpaca's)"
          value={draft.tradingUrl}
          disabled={!editable}
          onChange={(e) => set({ tradingUrl: e.target.value })}
        />
      </label>
      <label className="field field--wide">
        <span className="field__label">Data URL</span>
        <input className="input" data-testid="conn-data-url" placeholder="from config (Alpaca's)" value={draft.dataUrl} disabled={!editable} onChange={(e) => set({ dataUrl: e.target.value })} />
      </label>
      <div className="field field--wide muted" data-testid="conn-keys">
        {keys.environment
          ? 'Keys: from the environment (APCA_API_KEY_ID, APCA_API_SECRET_KEY).'
          : !keys.canStore
            ? 'Web mode takes Alpaca keys from the environment only: set APCA_API_KEY_ID and APCA_API_SECRET_KEY before starting it.'
            : keys.keychain
              ? 'Keys: kept in the OS keychain (or type others below).'
              : 'Keys: type them below, or set APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment.'}
        {keys.keychain && keys.canStore && (
          <button type="button" className="btn btn--small btn--ghost" data-testid="conn-forget-keys" disabled={forget.isPending} onClick={() => forget.mutate({})}>
            Forget kept keys
          </button>
        )}
      </div>
      {typing && (
        <>
          <label className="field">
            <span className="field__label">Key id</span>
            <input className="input" autoComplete="off" data-testid="conn-key-id" value={draft.keyId} disabled={!editable} onChange={(e) => set({ keyId: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Secret key</span>
            <input
              className="input"
              type="password"
              autoComplete="off"
              data-testid="conn-secret-key"
              value={draft.secretKey}
              disabled={!editable}
              onChange={(e) => set({ secretKey: e.target.value })}
            />
          </label>
          <label className="field field--wide">
            <span>
              <input type="checkbox" data-testid="conn-remember" checked={draft.remember} disabled={!editable} onChange={(e) => set({ remember: e.target.checked })} /> Keep
              them in the OS keychain
            </span>
          </label>
        </>
      )}
    </>
  );
}
