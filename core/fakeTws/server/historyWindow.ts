import { ibDateTime, ymd } from '../wire/values';

const UNIT_SECONDS: Record<string, number> = { sec: 1, secs: 1, min: 60, mins: 60, hour: 3600, hours: 3600, day: 86_400, week: 604_800 };

/** IB bar size settings ("1 day", "5 mins", "1 hour", ...) in seconds; NaN when not one (months are not fixed-length). */
export function barSizeSeconds(setting: string): number {
  const m = /^(\d+) ([a-z]+)$/.exec(setting.trim());
  const unit = m ? UNIT_SECONDS[m[2]] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : Number.NaN;
}

/** Start (exclusive) of a request window: IB durations "N S|D|W|M|Y" counted back from `endMs` on the UTC calendar. */
export function durationStart(endMs: number, duration: string): number {
  const m = /^(\d+) ([SDWMY])$/.exec(duration.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const d = new Date(endMs);
  switch (m[2]) {
    case 'S':
      return endMs - n * 1000;
    case 'D':
      return endMs - n * 86_400_000;
    case 'W':
      return endMs - n * 7 * 86_400_000;
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
    default:
      return Date.UTC(d.getUTCFullYear() - n, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  }
}

/**
 * How bar dates are written: daily (or longer) bars as yyyyMMdd whatever formatDate says (as TWS
 * does); intraday bars as "yyyyMMdd HH:mm:ss" (formatDate 1) or epoch seconds (formatDate 2).
 */
export function barDateFormatter(barSeconds: number, formatDate: number): (ts: number) => string {
  if (barSeconds === 0 || barSeconds >= 86_400) return ymd;
  if (formatDate === 2) return (ts) => String(Math.floor(ts / 1000));
  return (ts) => ibDateTime(ts, ' ');
}
