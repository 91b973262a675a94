import type { ConnectionDto, ConnectionPreset, ConnectionState } from '../../../core/ipc/contract/trading';
import { PRESET_PORTS } from '../../../core/ipc/contract/trading';

export type Tone = 'ok' | 'warn' | 'bad' | 'idle';

export interface Indicator {
  label: string;
  tone: Tone;
  /** Something is in progress: the dot pulses. */
  busy: boolean;
  /** What the trader can do now. */
  hint: string;
}

const INDICATORS: Record<ConnectionState, Indicator> = {
  disconnected: { label: 'Disconnected', tone: 'idle', busy: false, hint: 'Choose TWS / IB Gateway or Alpaca, then connect.' },
  connecting: { label: 'Connecting…', tone: 'warn', busy: true, hint: 'Waiting for the broker to accept the session.' },
  ready: { label: 'Ready', tone: 'ok', busy: false, hint: 'Orders can be sent.' },
  degraded: { label: 'Degraded', tone: 'warn', busy: false, hint: 'Connected, but the broker reports a problem: no order is sent until it is ready again.' },
  reconnecting: { label: 'Reconnecting…', tone: 'bad', busy: true, hint: 'The connection dropped; reconnecting with backoff. No order is sent meanwhile.' },
};

export const indicatorOf = (state: ConnectionState): Indicator => INDICATORS[state];

const KEY_SOURCE_LABELS = { environment: 'keys from the environment', entered: 'keys as entered', keychain: 'keys from the keychain' } as const;

/** Where the session points: "127.0.0.1:7497 · client 1", "Alpaca paper-api.alpaca.markets · keys from the environment", or null before any connection. */
export function connectionTarget(c: Pick<ConnectionDto, 'broker' | 'host' | 'port' | 'clientId' | 'keysFrom'>): string | null {
  if (c.host === null || c.port === null) return null;
  if (c.broker === 'alpaca') {
    const port = c.port === 443 || c.port === 80 ? '' : `:${c.port}`;
    return `Alpaca ${c.host}${port}${c.keysFrom === null ? '' : ` · ${KEY_SOURCE_LABELS[c.keysFrom]}`}`;
  }
  return `${c.host}:${c.port}${c.clientId === null ? '' : ` · client ${c.clientId}`}`;
}

/** Connect and Disconnect are offered by state: a session that exists (even reconnecting) can only be ended. */
export const canConnect = (state: ConnectionState): boolean => state === 'disconnected';
export const canDisconnect = (state: ConnectionState): boolean => state !== 'disconnected';

export const PRESET_LABELS: Record<ConnectionPreset, string> = {
  tws_paper: `TWS paper (${PRESET_PORTS.tws_paper})`,
  tws_live: `TWS live (${PRESET_PORTS.tws_live})`,
  gateway_paper: `IB Gateway paper (${PRESET_PORTS.gateway_paper})`,
  gateway_live: `IB Gateway live (${PRESET_PORTS.gateway_live})`,
  custom: 'Custom host and port',
  alpaca_paper: 'Alpaca paper',
  alpaca_live: 'Alpaca live (real money)',
};

/** The preset list, by broker: TWS / IB Gateway first, then Alpaca. */
export const PRESET_GROUPS: readonly { label: string; presets: readonly ConnectionPreset[] }[] = [
  { label: 'IB (TWS / Gateway)', presets: ['tws_paper', 'tws_live', 'gateway_paper', 'gateway_live', 'custom'] },
  { label: 'Alpaca', presets: ['alpaca_paper', 'alpaca_live'] },
];
