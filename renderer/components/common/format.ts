/** Display formatting for engine numbers. A missing value (null, undefined, NaN) shows as an em dash. */

export const EMPTY = '—';

type Num = number | null | undefined;

const isNum = (v: Num): v is number => typeof v === 'number' && Number.isFinite(v);

const formatters = new Map<string, Intl.NumberFormat>();
function nf(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f;
}

/** The one minus sign the app shows (U+2212, as wide as the plus sign), never the hyphen. */
export const MINUS = '\u2212';

/**
 * A number already written out, its leading hyphen as the minus sign; a value that rounds to zero
 * loses its sign (-0.001 at two digits is 0.00, not −0.00). Every formatter of the app ends here.
 */
export function withMinus(text: string): string {
  if (!text.startsWith('-')) return text;
  return /[1-9]/.test(text) ? MINUS + text.slice(1) : text.slice(1);
}

/** 12,345.68 / −1,358.31 */
export function fmtNumber(v: Num, digits = 2): string {
  return isNum(v) ? withMinus(nf(digits, digits).format(v)) : EMPTY;
}

/** Whole numbers with thousands separators: 1,234 */
export function fmtInt(v: Num): string {
  return isNum(v) ? withMinus(nf(0, 0).format(v)) : EMPTY;
}

/** A value already in percent: 12.34 % */
export function fmtPct(v: Num, digits = 2): string {
  return isNum(v) ? `${withMinus(nf(digits, digits).format(v))} %` : EMPTY;
}

/** A percent with an explicit sign, for returns: +12.34 % / −3.10 %; one that rounds to zero has none. */
export function fmtSignedPct(v: Num, digits = 2): string {
  if (!isNum(v)) return EMPTY;
  const body = nf(digits, digits).format(Math.abs(v));
  const sign = /[1-9]/.test(body) ? (v > 0 ? '+' : v < 0 ? MINUS : '') : '';
  return `${sign}${body} %`;
}

/** Ratios such as Sharpe: 0.824 */
export function fmtRatio(v: Num): string {
  return fmtNumber(v, 3);
}

/** 'pos' | 'neg' | '' for colouring a signed value. */
export function signClass(v: Num): 'pos' | 'neg' | '' {
  if (!isNum(v) || v === 0) return '';
  return v > 0 ? 'pos' : 'neg';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A session date (epoch ms, UTC): 2013-03-01 */
export function fmtDate(ts: Num): string {
  if (!isNum(ts)) return EMPTY;
  const d = new Date(ts);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A wall-clock moment in the user's time zone: 2024-05-02 14:07 */
export function fmtDateTime(ts: Num): string {
  if (!isNum(ts)) return EMPTY;
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A duration in milliseconds, two units at most: 850 ms, 42 s, 3 m 05 s, 2 h 07 m */
export function fmtDuration(ms: Num): string {
  if (!isNum(ms) || ms < 0) return EMPTY;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${pad(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${pad(m % 60)} m`;
}

/** A period between two session dates: 2004-08-19 → 2013-03-01 */
export function fmtPeriod(start: Num, end: Num): string {
  return `${fmtDate(start)} → ${fmtDate(end)}`;
}
