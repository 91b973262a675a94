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
  disconnected: { label: 'Disconnected', tone: 'idle', busy: false, hint: 'Choose where TWS or IB Gateway listens, then connect.' },
  connecting: { label: 'Connecting…', tone: 'warn', busy: true, hint: 'Waiting for the broker to accept the session.' },
  ready: { label: 'Ready', tone: 'ok', busy: false, hint: 'Orders can be sent.' },
  degraded: { label: 'Degraded', tone: 'warn', busy: false, hint: 'Connected, but the broker reports a problem: no order is sent until it is ready again.' },
  reconnecting: { label: 'Reconnecting…', tone: 'bad', busy: true, hint: 'The connection dropped; reconnecting with backoff. No order is sent meanwhile.' },
};

export const indicatorOf = (state: ConnectionState): Indicator => INDICATORS[state];

/** Where the session points: "127.0.0.1:7497 · client 1", or null before any connection. */
export function connectionTarget(c: Pick<ConnectionDto, 'host' | 'port' | 'clientId'>): string | null {
  if (c.host === null || c.port === null) return null;
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
};
