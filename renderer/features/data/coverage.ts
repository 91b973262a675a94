import { EMPTY, fmtDate, fmtInt, fmtNumber } from '../../components/common/format';

/** How a stored series' coverage reads in the symbols table and the import preview. */

const DAY_SECONDS = 86_400;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** One stored series, as far as its coverage goes. */
export interface SeriesKey {
  symbol: string;
  barSize: string;
}

/** A series is a symbol at one bar size; a symbol may have several. */
export const seriesId = (s: SeriesKey): string => `${s.symbol}@${s.barSize}`;

/**
 * A bar's stamp at the precision its series needs, in UTC (the store's time): the date for daily and
 * coarser bars, minutes for intraday bars, milliseconds for ticks.
 */
export function fmtBarStamp(ts: number | null | undefined, barSeconds: number): string {
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return EMPTY;
  if (barSeconds >= DAY_SECONDS) return fmtDate(ts);
  const d = new Date(ts);
  const hm = `${fmtDate(ts)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (barSeconds >= 60 && Number.isInteger(barSeconds)) return hm;
  return `${hm}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Missing bars, with their share of the bars there are when any: "0", "12 (0.56 %)". */
export function fmtGaps(gaps: number, bars: number): string {
  if (gaps <= 0) return '0';
  const share = bars > 0 ? (gaps / bars) * 100 : 0;
  return `${fmtInt(gaps)} (${share < 0.01 ? '<0.01' : share.toFixed(2)} %)`;
}

/** Where the bars came from: the import format and the file, or how they were made. */
export function fmtSource(source: string, fileName: string | null): string {
  return fileName ? `${source} · ${fileName}` : source;
}

/** A calendar day typed in a date input (YYYY-MM-DD) as the epoch ms of its first instant, UTC; null when empty or not a date. */
export function dayStart(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ts = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return fmtDate(ts) === text.trim() ? ts : null;
}

/** The last millisecond of a typed day: a "to" date includes its whole day. */
export function dayEnd(text: string): number | null {
  const start = dayStart(text);
  return start === null ? null : start + DAY_SECONDS * 1000 - 1;
}

/** A value to the decimals it has (at most 6), at least `minDigits`. */
function fmtExact(v: number, minDigits: number): string {
  if (!Number.isFinite(v)) return EMPTY;
  const digits = /\.(\d+)$/.exec(String(Number(v.toFixed(6))))?.[1].length ?? 0;
  return fmtNumber(v, Math.max(minDigits, digits));
}

/** A price as the file gave it: at least cents, more when it has them (FX). */
export const fmtPrice = (v: number): string => fmtExact(v, 2);

/** A volume: whole shares, or the fractions a crypto file has. */
export const fmtVolume = (v: number): string => fmtExact(v, 0);
