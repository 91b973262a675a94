import type { ExecutionConfig } from '../../config/executionConfigSchema';
import { PRESET_MODES, PRESET_PORTS, type ConnectInput, type TradingMode } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import type { BrokerSettings } from './tradingBroker';

const LIVE_PORTS = new Set(Object.entries(PRESET_PORTS).filter(([p]) => PRESET_MODES[p as keyof typeof PRESET_MODES] === 'LIVE').map(([, port]) => port));

/**
 * Where to connect, from the connection panel's choice and the mode's execution config. A live
 * preset needs LIVE armed, and an armed LIVE mode connects only to a live preset (or a custom
 * address): a paper session can never reach a live port by accident.
 */
export function resolveConnection(input: ConnectInput, mode: TradingMode, config: ExecutionConfig): BrokerSettings {
  const host = input.host ?? config.broker?.host ?? '127.0.0.1';
  const clientId = input.clientId ?? config.broker?.client_id ?? 0;
  if (input.preset === 'custom') {
    if (input.port === undefined) throw new ApiError('BAD_INPUT', 'a custom connection needs a port');
    if (mode === 'PAPER' && LIVE_PORTS.has(input.port)) {
      throw new ApiError('CONFLICT', `port ${input.port} is a live trading port: arm LIVE first`);
    }
    return { host, port: input.port, clientId, mode };
  }
  const presetPort = PRESET_PORTS[input.preset];
  if (input.port !== undefined && input.port !== presetPort) {
    throw new ApiError('BAD_INPUT', `port ${input.port} does not match preset ${input.preset} (${presetPort}); use custom`);
  }
  const presetMode = PRESET_MODES[input.preset];
  if (presetMode === 'LIVE' && mode !== 'LIVE') throw new ApiError('CONFLICT', `${input.preset} trades real money: arm LIVE first`);
  if (presetMode === 'PAPER' && mode === 'LIVE') throw new ApiError('CONFLICT', `LIVE is armed: disarm it to connect to ${input.preset}`);
  return { host, port: presetPort, clientId, mode };
}
