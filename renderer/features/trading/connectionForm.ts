import type { ConnectInput, ConnectionDto, ConnectionPreset } from '../../../core/ipc/contract/trading';
import { PRESET_PORTS } from '../../../core/ipc/contract/trading';

/** The connection panel's fields as typed; empty host or client id means "the execution config's". */
export interface ConnectionDraft {
  preset: ConnectionPreset;
  host: string;
  port: string;
  clientId: string;
}

export const DEFAULT_CONNECTION_DRAFT: ConnectionDraft = { preset: 'tws_paper', host: '', port: '', clientId: '' };

export type ConnectionForm = { ok: true; input: ConnectInput } | { ok: false; issue: string };

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The port a preset connects to; a custom connection uses the one typed. */
export const presetPort = (preset: ConnectionPreset): number | null => (preset === 'custom' ? null : PRESET_PORTS[preset]);

/** What Connect sends, or why it cannot be sent yet. */
export function connectInputOf(d: ConnectionDraft): ConnectionForm {
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

/** The fields as the current session was opened, shown (read-only) while it lasts. */
export function draftOfSession(c: ConnectionDto): ConnectionDraft {
  return {
    preset: c.preset ?? 'custom',
    host: c.host ?? '',
    port: c.port === null ? '' : String(c.port),
    clientId: c.clientId === null ? '' : String(c.clientId),
  };
}
