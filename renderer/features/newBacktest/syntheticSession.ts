import { getAt } from './specPath';
import { SESSION_PATH, SYNTHETIC_DEFAULTS } from './syntheticFields';

type SessionKey = 'open' | 'close';
type Session = { open: string; close: string };

/** Which time a session input edits, from its path; null for any other input. */
export function sessionKeyOf(path: string): SessionKey | null {
  return path === `${SESSION_PATH}.open` ? 'open' : path === `${SESSION_PATH}.close` ? 'close' : null;
}

/**
 * The spec's `session` after one of its times is edited. The engine wants both times or neither, so
 * the other keeps its value or the default; empty means the default, and a session that is the default
 * both ends is left out of the spec.
 */
export function withSessionTime(session: unknown, key: SessionKey, value: unknown): Session | undefined {
  const current = (k: SessionKey): unknown => getAt(session, k) ?? SYNTHETIC_DEFAULTS.session[k];
  const next = { open: current('open'), close: current('close'), [key]: value ?? SYNTHETIC_DEFAULTS.session[key] };
  if (next.open === SYNTHETIC_DEFAULTS.session.open && next.close === SYNTHETIC_DEFAULTS.session.close) return undefined;
  // A value that is not a time yet goes to the engine as typed, which names the problem on its input.
  return next as Session;
}

/** Past this many bars in all the generator refuses the market (core/data/synthetic.ts, MAX_BARS). */
const MAX_SYNTHETIC_BARS = 20_000_000;
const TRADING_DAYS_PER_YEAR = 252;

export interface SyntheticSize {
  sessions: number;
  /** null: daily bars. */
  barsPerSession: number | null;
  barsPerSymbol: number;
  total: number;
  /** Why the generator would refuse this market, though its spec is valid. */
  problem: string | null;
}

const minutesOf = (hhmm: unknown): number | null => {
  const m = typeof hhmm === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Minutes of an intraday bar size ('5m', '1h'); 0 for '1d'; null for what the engine will name as wrong. */
function barMinutes(size: unknown): number | null {
  if (size === undefined || size === SYNTHETIC_DEFAULTS.bar_size) return 0;
  const m = typeof size === 'string' ? /^(\d+)([mh])$/.exec(size) : null;
  if (!m || Number(m[1]) === 0) return null;
  return Number(m[1]) * (m[2] === 'h' ? 60 : 1);
}

/**
 * How many bars the synthetic market will have, as the generator counts them, and the reason it would
 * refuse them; null while the spec's own values are not valid (the engine's issues say why).
 */
export function syntheticSize(synthetic: unknown): SyntheticSize | null {
  const symbols = getAt(synthetic, 'symbols');
  const years = getAt(synthetic, 'years');
  const minutes = barMinutes(getAt(synthetic, 'bar_size'));
  if (typeof symbols !== 'number' || typeof years !== 'number' || !(years > 0) || minutes === null) return null;
  const sessions = Math.max(1, Math.round(years * TRADING_DAYS_PER_YEAR));
  let barsPerSession: number | null = null;
  if (minutes > 0) {
    const open = minutesOf(getAt(synthetic, 'session.open') ?? SYNTHETIC_DEFAULTS.session.open);
    const close = minutesOf(getAt(synthetic, 'session.close') ?? SYNTHETIC_DEFAULTS.session.close);
    if (open === null || close === null || close <= open) return null;
    const span = close - open;
    if (span % minutes !== 0) {
      return { sessions, barsPerSession: null, barsPerSymbol: 0, total: 0, problem: `the session's ${span} minutes are not a whole number of ${minutes}-minute bars` };
    }
    barsPerSession = span / minutes;
  }
  const barsPerSymbol = sessions * (barsPerSession ?? 1);
  const total = symbols * barsPerSymbol;
  const problem = total > MAX_SYNTHETIC_BARS ? `more than ${MAX_SYNTHETIC_BARS.toLocaleString('en-US')} bars in all; use fewer symbols or years, or larger bars` : null;
  return { sessions, barsPerSession, barsPerSymbol, total, problem };
}
