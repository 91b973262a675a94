/** IB's "unset" double (Java Double.MAX_VALUE): stoqey decodes it to undefined. */
export const UNSET_DOUBLE = '1.7976931348623157E308';
/** IB's "unset" int (Java Integer.MAX_VALUE): stoqey's readIntOrUndefined decodes it to undefined. */
export const UNSET_INT = 2147483647;

/** A double that may be unset. */
export function optDouble(v: number | null | undefined): string | number {
  return v === null || v === undefined || !Number.isFinite(v) ? UNSET_DOUBLE : v;
}

/** Booleans travel as 0/1 (stoqey reads them with parseInt; "true" would decode as false). */
export function bool(v: boolean): number {
  return v ? 1 : 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `yyyyMMdd` of an epoch-ms instant, in UTC. */
export function ymd(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
}

/** `yyyyMMdd  HH:mm:ss` in UTC; two spaces by default, as TWS writes execution times. */
export function ibDateTime(ms: number, separator = '  '): string {
  const d = new Date(ms);
  return `${ymd(ms)}${separator}${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/**
 * Parses the date-times clients send (`yyyyMMdd HH:mm:ss`, `yyyyMMdd-HH:mm:ss`, optionally followed by a
 * time-zone name, or a bare `yyyyMMdd`) as UTC. Returns NaN for anything else. The zone name is
 * ignored: the fake's clock is UTC throughout (documented in the README).
 */
export function parseIbDateTime(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:[- ]+(\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s+\S+)?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  return check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(mo) - 1 ? ms : Number.NaN;
}
