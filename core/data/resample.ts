import type { BarSeries } from './BarSeries';
import { BAR_SIZE_SPELLINGS, barSizeUnit } from './barSizeUnit';
import { medianStepSeconds } from './barStep';
import { MS_PER_DAY, tradingDay } from './tradingDay';

/** A bar size as a trader writes it: '1m', '5m', '1h', '1d', '2d', '1w', '2w', '1mo', '3mo'. */
export type BarSize =
  /** s, m, h, d: a whole number of seconds. Under a day it divides the day evenly; from a day on it is whole days. */
  | { readonly kind: 'seconds'; readonly seconds: number }
  /** w: ISO weeks (Monday to Sunday); mo: calendar months, a count that divides 12 (quarters, halves, years). */
  | { readonly kind: 'calendar'; readonly unit: 'week' | 'month'; readonly count: number };

const DAY_SECONDS = 86_400;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: DAY_SECONDS };
/** Nominal length of a month, used only to order bar sizes (finer or coarser) and as a fallback barSeconds. */
const MONTH_SECONDS = 30.436875 * DAY_SECONDS;
/** Source steps are medians of real stamps; this slack keeps a 31-day median from looking finer than '1mo'. */
const FINER_SLACK = 0.9;

/**
 * Parses '<count><unit>': s, m, h, d, w or mo, and the spellings barSizeUnit also reads ('1W', '1M' for a
 * month, '5 mins'); throws a RangeError saying what is accepted.
 */
export function parseBarSize(text: string): BarSize {
  const m = /^\s*(\d+)\s*([A-Za-z]+)\s*$/.exec(text);
  const fail = (why: string): never => {
    throw new RangeError(`bar size "${text}": ${why}`);
  };
  const unit = m ? barSizeUnit(m[2]) : null;
  if (!m || unit === null) return fail(`expected ${BAR_SIZE_SPELLINGS}`);
  const count = Number(m[1]);
  if (!Number.isSafeInteger(count) || count < 1) return fail('the count must be a positive whole number');
  if (unit === 'w') return { kind: 'calendar', unit: 'week', count };
  if (unit === 'mo') {
    if (12 % count !== 0) return fail('a month count must divide 12 (1mo, 2mo, 3mo, 4mo, 6mo, 12mo)');
    return { kind: 'calendar', unit: 'month', count };
  }
  const seconds = count * UNIT_SECONDS[unit];
  if (seconds < DAY_SECONDS && DAY_SECONDS % seconds !== 0) return fail('an intraday size must divide a day evenly');
  if (seconds > DAY_SECONDS && seconds % DAY_SECONDS !== 0) return fail('a size above a day must be whole days');
  return { kind: 'seconds', seconds };
}

/** The canonical text of a bar size, in its largest whole unit: 3600 seconds is '1h', 86400 is '1d'. */
export function formatBarSize(b: BarSize): string {
  if (b.kind === 'calendar') return `${b.count}${b.unit === 'week' ? 'w' : 'mo'}`;
  for (const unit of ['d', 'h', 'm'] as const) {
    if (b.seconds % UNIT_SECONDS[unit] === 0) return `${b.seconds / UNIT_SECONDS[unit]}${unit}`;
  }
  return `${b.seconds}s`;
}

/** Nominal length in seconds (a month counts 30.44 days): for ordering sizes, not for bucketing. */
export function barSizeSeconds(b: BarSize): number {
  if (b.kind === 'seconds') return b.seconds;
  return b.count * (b.unit === 'week' ? 7 * DAY_SECONDS : MONTH_SECONDS);
}

/**
 * Resamples to a coarser bar size: first open, max high, min low, last close, summed volume, last adjClose.
 *
 * - Under a day: buckets of the size within each trading day, aligned to midnight. Bars are taken to be
 *   stamped at their end (as the shipped intraday files are: the 09:00-09:01 bar is stamped 09:01), so
 *   the 5-minute bucket stamped 09:05 holds the 1-minute bars stamped 09:01 to 09:05. No bucket spans two days.
 * - N days / N weeks: each trading day or ISO week with bars, compressed N at a time from the series' first
 *   bar (so '2w' of 2006-week-001 is exactly 2006-week-002).
 * - N months: calendar months, grouped N at a time from January (3mo = calendar quarters).
 *
 * A bar is stamped at its period's last bar. A bar of a day or longer gets that bar's date at 00:00 UTC, the
 * stamp of daily bars, so bars resampled from intraday data line up with daily series (a no-op for daily input).
 */
export function resampleSeries(series: BarSeries, barSize: BarSize): BarSeries {
  const from = series.barSeconds;
  const to = barSizeSeconds(barSize);
  if (from > 0 && to < from * FINER_SLACK) {
    throw new RangeError(
      `cannot resample ${series.symbol}: ${formatBarSize(barSize)} bars are finer than its ${describeStep(from)} bars`,
    );
  }
  // Only a regular whole-second step can be checked: tick data has an irregular, fractional median step.
  if (barSize.kind === 'seconds' && to < DAY_SECONDS && Number.isInteger(from) && from > 0 && to % from !== 0) {
    throw new RangeError(
      `cannot resample ${series.symbol}: ${formatBarSize(barSize)} is not a whole multiple of its ${describeStep(from)} bars`,
    );
  }
  return aggregate(series, periodKeys(series, barSize), to >= DAY_SECONDS, to);
}

/** The number of each bar's output period (ascending; equal for bars of the same period). */
function periodKeys(series: BarSeries, b: BarSize): Float64Array {
  const { ts, length } = series;
  const keys = new Float64Array(length);
  if (b.kind === 'seconds' && b.seconds < DAY_SECONDS) {
    const sizeMs = b.seconds * 1000;
    const perDay = DAY_SECONDS / b.seconds + 1;
    for (let i = 0; i < length; i++) {
      const day = tradingDay(ts[i]);
      // End-stamped bars: a bar stamped exactly on a boundary closes the bucket that ends there.
      keys[i] = day * perDay + Math.ceil((ts[i] - day * MS_PER_DAY) / sizeMs);
    }
    return keys;
  }
  const month = b.kind === 'calendar' && b.unit === 'month';
  // Days and weeks are compressed n at a time from the first; months are grouped n at a time from January.
  const n = b.kind === 'calendar' ? b.count : b.seconds / DAY_SECONDS;
  let lastDay = Number.NaN;
  let key = -1;
  let unit = Number.NaN;
  let seen = -1;
  for (let i = 0; i < length; i++) {
    const day = tradingDay(ts[i]);
    // Once per trading day, not per bar: intraday series have hundreds of bars a day.
    if (day !== lastDay) {
      lastDay = day;
      if (month) {
        const d = new Date(day * MS_PER_DAY);
        key = Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / n);
      } else {
        // Epoch day 0 was a Thursday: shifting by 3 makes Mondays start each 7-day block (ISO weeks).
        const next = b.kind === 'calendar' ? Math.floor((day + 3) / 7) : day;
        if (next !== unit) {
          unit = next;
          seen++;
        }
        key = Math.floor(seen / n);
      }
    }
    keys[i] = key;
  }
  return keys;
}

/** Folds consecutive bars sharing a period key into one bar. */
function aggregate(series: BarSeries, keys: Float64Array, dayStamp: boolean, nominalSeconds: number): BarSeries {
  const n = series.length;
  const ts = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const src = series.adjClose;
  const adj = src === undefined ? undefined : new Float64Array(n);
  let out = -1;
  let key = Number.NaN;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k !== key) {
      key = k;
      out++;
      open[out] = series.open[i];
      high[out] = series.high[i];
      low[out] = series.low[i];
      volume[out] = 0;
    } else {
      if (series.high[i] > high[out]) high[out] = series.high[i];
      if (series.low[i] < low[out]) low[out] = series.low[i];
    }
    ts[out] = dayStamp ? tradingDay(series.ts[i]) * MS_PER_DAY : series.ts[i];
    close[out] = series.close[i];
    volume[out] += series.volume[i];
    if (adj !== undefined && src !== undefined) adj[out] = src[i];
  }
  const length = out + 1;
  const stamps = ts.slice(0, length);
  return {
    symbol: series.symbol,
    // Like a loaded file: the median step of the stamps, so a resample equals the same bars read from disk.
    barSeconds: length > 1 ? medianStepSeconds(stamps) : nominalSeconds,
    length,
    ts: stamps,
    open: open.slice(0, length),
    high: high.slice(0, length),
    low: low.slice(0, length),
    close: close.slice(0, length),
    volume: volume.slice(0, length),
    ...(adj === undefined ? {} : { adjClose: adj.slice(0, length) }),
  };
}

function describeStep(seconds: number): string {
  const whole = Math.round(seconds);
  if (Math.abs(seconds - whole) > 1e-9 || whole === 0) return `${seconds}s`;
  if (whole > DAY_SECONDS && whole % DAY_SECONDS !== 0) return `${(whole / DAY_SECONDS).toFixed(1)}-day`;
  return formatBarSize({ kind: 'seconds', seconds: whole });
}
