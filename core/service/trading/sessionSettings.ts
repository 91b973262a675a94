import type { ExecutionConfig } from '../../config/executionConfigSchema';
import type { ConnectInput, ConnectionDto, TradingMode } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { resolveAlpacaKeys, type AlpacaKeys, type Env, type KeyVault } from './alpacaKeys';
import { isIbPreset, resolveAlpacaTarget, resolveIbTarget } from './connectionSettings';
import type { BrokerSettings } from './tradingBroker';

/**
 * Where the connection panel's choice connects, in the armed mode: TWS / IB Gateway, or Alpaca with its
 * keys from what was typed, the environment or the keychain. Keys typed with `remember` come back as
 * `rememberKeys`, to be kept once a session is ready with them.
 */
export async function sessionSettings(
  input: ConnectInput,
  mode: TradingMode,
  config: ExecutionConfig,
  env: Env,
  vault: KeyVault,
): Promise<{ settings: BrokerSettings; rememberKeys: AlpacaKeys | null }> {
  const { preset } = input;
  if (isIbPreset(preset)) {
    const alpacaOnly = (['tradingUrl', 'dataUrl', 'keyId', 'secretKey', 'remember'] as const).filter((k) => input[k] !== undefined);
    if (alpacaOnly.length > 0) throw new ApiError('BAD_INPUT', `${alpacaOnly.join(', ')}: Alpaca settings, not for ${preset}`);
    return { settings: { broker: 'ib', mode, target: resolveIbTarget({ ...input, preset }, mode, config) }, rememberKeys: null };
  }
  const ibOnly = (['host', 'port', 'clientId'] as const).filter((k) => input[k] !== undefined);
  if (ibOnly.length > 0) throw new ApiError('BAD_INPUT', `${ibOnly.join(', ')}: TWS settings, not for ${preset}`);
  const { keys, from } = await resolveAlpacaKeys(input, env, vault);
  const target = resolveAlpacaTarget({ ...input, preset }, mode, config, keys);
  return { settings: { broker: 'alpaca', mode, target, keysFrom: from }, rememberKeys: from === 'entered' && input.remember === true ? keys : null };
}

/** What the connection panel shows of a session's target: TWS's host, port and client id, or Alpaca's trading host (never the keys). */
export function connectionFields(s: BrokerSettings): Pick<ConnectionDto, 'broker' | 'host' | 'port' | 'clientId' | 'keysFrom'> {
  if (s.broker === 'ib') return { broker: 'ib', host: s.target.host, port: s.target.port, clientId: s.target.clientId, keysFrom: null };
  const u = new URL(s.target.tradingBaseUrl);
  const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
  return { broker: 'alpaca', host: u.hostname, port, clientId: null, keysFrom: s.keysFrom };
}

/** The session's target in words, for messages: "127.0.0.1:7497" or "Alpaca at paper-api.alpaca.markets". */
export function targetText(s: BrokerSettings): string {
  return s.broker === 'ib' ? `${s.target.host}:${s.target.port}` : `Alpaca at ${new URL(s.target.tradingBaseUrl).host}`;
}
