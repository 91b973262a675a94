import type { ConnectInput, ConnectionDto, ConnectionPreset } from '../../../core/ipc/contract/trading';
import { PRESET_BROKERS, PRESET_PORTS } from '../../../core/ipc/contract/trading';

/**
 * The connection panel's fields as typed. TWS: empty host or client id means "the execution config's".
 * Alpaca: empty URLs mean the config's (Alpaca's own by default); keys are typed only when the app can
 * keep them (the desktop app), else they come from the engine's environment.
 */
export interface ConnectionDraft {
  preset: ConnectionPreset;
  host: string;
  port: string;
  clientId: string;
  tradingUrl: string;
  dataUrl: string;
  keyId: string;
  secretKey: string;
  remember: boolean;
}

export const DEFAULT_CONNECTION_DRAFT: ConnectionDraft = {
  preset: 'tws_paper',
  host: '',
  port: '',
  clientId: '',
  tradingUrl: '',
  dataUrl: '',
  keyId: '',
  secretKey: '',
  remember: false,
};

export type ConnectionForm = { ok: true; input: ConnectInput } | { ok: false; issue: string };

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export const isAlpacaPreset = (preset: ConnectionPreset): boolean => PRESET_BROKERS[preset] === 'alpaca';

/** The port a preset connects to; a custom connection uses the one typed, Alpaca none. */
export const presetPort = (preset: ConnectionPreset): number | null =>
  preset === 'custom' || preset === 'alpaca_paper' || preset === 'alpaca_live' ? null : PRESET_PORTS[preset];

function httpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function alpacaInputOf(d: ConnectionDraft): ConnectionForm {
  const input: ConnectInput = { preset: d.preset };
  for (const [field, label] of [
    ['tradingUrl', 'trading URL'],
    ['dataUrl', 'data URL'],
  ] as const) {
    const text = d[field].trim();
    if (text === '') continue;
    if (!httpUrl(text)) return { ok: false, issue: `${label}: an http(s) address, e.g. http://127.0.0.1:5001` };
    input[field] = text;
  }
  const keyId = d.keyId.trim();
  const secretKey = d.secretKey.trim();
  if ((keyId === '') !== (secretKey === '')) return { ok: false, issue: 'keys: enter both the key id and the secret key' };
  if (keyId !== '') {
    input.keyId = keyId;
    input.secretKey = secretKey;
    if (d.remember) input.remember = true;
  }
  return { ok: true, input };
}

/** What Connect sends, or why it cannot be sent yet. */
export function connectInputOf(d: ConnectionDraft): ConnectionForm {
  if (isAlpacaPreset(d.preset)) return alpacaInputOf(d);
  const input: ConnectInput = { preset: d.preset };
  const host = d.host.trim();
  if (host !== '') input.host = host;
  if (d.preset === 'custom') {
    const port = wholeNumber(d.port);
    if (port === null || port < 1 || port > 65_535) return { ok: false, issue: 'port: a whole number from 1 to 65535' };
    input.port = port;
  }
  if (d.clientId.trim() !== '') {
    const id = wholeNumber(d.clientId);
    if (id === null || id > 2_147_483_647) return { ok: false, issue: 'client id: a whole number from 0 up' };
    input.clientId = id;
  }
  return { ok: true, input };
}

/** The fields as the current session was opened, shown (read-only) while it lasts; keys are never shown. */
export function draftOfSession(c: Pick<ConnectionDto, 'preset' | 'host' | 'port' | 'clientId'>): ConnectionDraft {
  return {
    ...DEFAULT_CONNECTION_DRAFT,
    preset: c.preset ?? 'custom',
    host: c.host ?? '',
    port: c.port === null ? '' : String(c.port),
    clientId: c.clientId === null ? '' : String(c.clientId),
  };
}
