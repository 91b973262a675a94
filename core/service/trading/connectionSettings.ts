import type { AlpacaTarget } from '../../broker/alpaca/alpacaTarget';
import { alpacaBrokerConfigSchema, type AlpacaBrokerConfig, type ExecutionConfig } from '../../config/executionConfigSchema';
import { PRESET_BROKERS, PRESET_MODES, PRESET_PORTS, type ConnectInput, type IbPreset, type TradingMode } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import type { AlpacaKeys } from './alpacaKeys';
import type { IbTarget } from './tradingBroker';

const LIVE_PORTS = new Set(Object.entries(PRESET_PORTS).filter(([p]) => PRESET_MODES[p as keyof typeof PRESET_MODES] === 'LIVE').map(([, port]) => port));

/** A preset's mode must match the armed mode: a live one needs LIVE armed, a paper one is refused while it is. */
function checkPresetMode(preset: Exclude<ConnectInput['preset'], 'custom'>, mode: TradingMode): void {
  const presetMode = PRESET_MODES[preset];
  if (presetMode === 'LIVE' && mode !== 'LIVE') throw new ApiError('CONFLICT', `${preset} trades real money: arm LIVE first`);
  if (presetMode === 'PAPER' && mode === 'LIVE') throw new ApiError('CONFLICT', `LIVE is armed: disarm it to connect to ${preset}`);
}

/** The preset is TWS / IB Gateway's. */
export const isIbPreset = (preset: ConnectInput['preset']): preset is IbPreset => PRESET_BROKERS[preset] === 'ib';

/**
 * Where an IB session connects, from the connection panel's choice and the mode's execution config. A
 * live preset needs LIVE armed, and an armed LIVE mode connects only to a live preset (or a custom
 * address): a paper session can never reach a live port by accident.
 */
export function resolveIbTarget(input: ConnectInput & { preset: IbPreset }, mode: TradingMode, config: ExecutionConfig): IbTarget {
  const ib = config.broker?.type === 'alpaca' ? undefined : config.broker;
  const host = input.host ?? ib?.host ?? '127.0.0.1';
  const clientId = input.clientId ?? ib?.client_id ?? 0;
  if (input.preset === 'custom') {
    if (input.port === undefined) throw new ApiError('BAD_INPUT', 'a custom connection needs a port');
    if (mode === 'PAPER' && LIVE_PORTS.has(input.port)) {
      throw new ApiError('CONFLICT', `port ${input.port} is a live trading port: arm LIVE first`);
    }
    return { host, port: input.port, clientId };
  }
  const presetPort = PRESET_PORTS[input.preset];
  if (input.port !== undefined && input.port !== presetPort) {
    throw new ApiError('BAD_INPUT', `port ${input.port} does not match preset ${input.preset} (${presetPort}); use custom`);
  }
  checkPresetMode(input.preset, mode);
  return { host, port: presetPort, clientId };
}

/** The trading stream of a trading API root: …/stream over ws(s). */
function streamOf(httpUrl: string, path: string): string {
  const u = new URL(httpUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = `${u.pathname.replace(/\/+$/, '')}${path}`;
  return u.href.replace(/\/$/, '');
}

const origin = (url: string): string => new URL(url).origin;

/**
 * Where an Alpaca session connects: the config's Alpaca endpoints (Alpaca's public ones when the config
 * names TWS), or the URLs typed for this session (e.g. the fake's). alpaca_live needs LIVE armed, and a
 * PAPER session is refused the configured live API whatever URL reaches it.
 */
export function resolveAlpacaTarget(input: ConnectInput & { preset: 'alpaca_paper' | 'alpaca_live' }, mode: TradingMode, config: ExecutionConfig, keys: AlpacaKeys): AlpacaTarget {
  checkPresetMode(input.preset, mode);
  const endpoints: AlpacaBrokerConfig = config.broker?.type === 'alpaca' ? config.broker : alpacaBrokerConfigSchema.parse({ type: 'alpaca' });
  const tradingUrl = input.tradingUrl ?? (input.preset === 'alpaca_live' ? endpoints.live_url : endpoints.paper_url);
  if (mode === 'PAPER' && origin(tradingUrl) === origin(endpoints.live_url)) {
    throw new ApiError('CONFLICT', `${origin(tradingUrl)} is Alpaca's live trading API: arm LIVE and use alpaca_live`);
  }
  const dataUrl = input.dataUrl ?? endpoints.data_url;
  return {
    tradingBaseUrl: tradingUrl.replace(/\/+$/, ''),
    dataBaseUrl: dataUrl.replace(/\/+$/, ''),
    tradingStreamUrl: streamOf(tradingUrl, '/stream'),
    // Alpaca's own data stream has a host of its own; data typed for this session (the fake) streams where it serves.
    dataStreamUrl: input.dataUrl === undefined ? endpoints.data_stream_url : streamOf(dataUrl, ''),
    keyId: keys.keyId,
    secretKey: keys.secretKey,
  };
}
