const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `yyyyMMdd-HH:mm:ss` in UTC: the form TWS reads as UTC in execution filters and historical end times. */
export function ibUtcDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}-${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Offset (ms) of `zone` from UTC at instant `utcMs`; NaN for a zone name Intl does not know. */
function zoneOffset(zone: string, utcMs: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(utcMs));
  } catch {
    return Number.NaN;
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - utcMs;
}

/**
 * An execution time as TWS writes it: `yyyyMMdd  HH:mm:ss` (one or two spaces, or `-`), optionally
 * followed by a time-zone name. Without a zone the time is TWS's local time, which is this machine's
 * (the API only accepts local connections by default). Returns NaN when it does not parse.
 */
export function parseExecutionTime(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})[- ]+(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, zone] = m.map((v, i) => (i >= 1 && i <= 6 ? Number(v) : v)) as [string, number, number, number, number, number, number, string | undefined];
  if (zone === undefined) return new Date(y, mo - 1, d, h, mi, s).getTime();
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = zoneOffset(zone, wall);
  if (Number.isNaN(first)) return Number.NaN;
  // Once more at the corrected instant, for wall times next to a DST change.
  return wall - zoneOffset(zone, wall - first);
}

/** A daily bar's date (`yyyyMMdd`, or epoch seconds with formatDate=2) as 00:00 UTC of that date. */
export function parseBarDate(text: string): number {
  const t = text.trim();
  const ymd = /^(\d{4})(\d{2})(\d{2})(?:\s.*)?$/.exec(t);
  if (ymd) return Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]));
  if (/^\d{9,11}$/.test(t)) {
    const d = new Date(Number(t) * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  return Number.NaN;
}
