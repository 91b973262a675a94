import type { SessionSummaryDto } from '../../../core/ipc/contract/sessions';

/**
 * The sessions list (newest first) with `s` replacing its earlier summary, or on top when new; an
 * unknown list stays unknown (its first answer will include the session).
 */
export function upsertSession(list: readonly SessionSummaryDto[] | undefined, s: SessionSummaryDto): SessionSummaryDto[] | undefined {
  if (!list) return undefined;
  const i = list.findIndex((x) => x.id === s.id);
  if (i === -1) return [s, ...list];
  const out = [...list];
  out[i] = s;
  return out;
}

/** Running or paused: the session holds (or will hold, once its broker is back) an account's positions. */
export const isActiveSession = (s: SessionSummaryDto): boolean => s.state === 'running' || s.state === 'paused';

export interface SessionsTally {
  /** Sessions running or paused. */
  active: number;
  /** Of those, the ones trading a live account. */
  live: number;
  /** Their summed P&L today; null when none has one yet. */
  pnlToday: number | null;
}

/** What the status bar says about the sessions. */
export function tallySessions(list: readonly SessionSummaryDto[]): SessionsTally {
  const active = list.filter(isActiveSession);
  const known = active.filter((s) => s.pnlToday !== null);
  return {
    active: active.length,
    live: active.filter((s) => s.mode === 'LIVE').length,
    pnlToday: known.length === 0 ? null : known.reduce((sum, s) => sum + (s.pnlToday ?? 0), 0),
  };
}
