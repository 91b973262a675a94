import type { BarSeries } from '../BarSeries';
import { parseBarSize } from '../resample';
import { tradingDay } from '../tradingDay';
import { usExchangeHolidaysBetween } from '../usHolidays';

export interface Gap {
  /** Stamps of the bars either side of the hole. */
  after: number;
  before: number;
  /** Bars (or business days) missing in between. */
  missing: number;
}

export interface GapReport {
  /** Total missing bars: for daily series, missing Monday-to-Friday days that were not exchange holidays. */
  missing: number;
  /** Holes with at least one missing bar. */
  holes: number;
  largest: Gap | null;
}

/**
 * Missing bars in a series, by its bar size:
 * - '1d': Monday-to-Friday days with no bar between two bars, except US exchange holidays (the NYSE's
 *   full-day closures of 1990-2035, usHolidays.ts): a market closed that day has no bar to miss.
 * - under a day: within each trading day (the UTC date of the stamps), steps longer than the bar size,
 *   counting the bars that fit in between. The time from one day's last bar to the next day's first is
 *   outside the session and never a gap.
 * - longer than a day, and 'tick' (irregular stamps): not counted, always 0.
 */
export function findGaps(series: BarSeries, barSize: string): GapReport {
  const step = stepOf(barSize);
  const report: GapReport = { missing: 0, holes: 0, largest: null };
  if (step === null) return report;
  const { ts, length } = series;
  for (let i = 1; i < length; i++) {
    const missing = step === 'day' ? weekdaysBetween(ts[i - 1], ts[i]) : intradayMissing(ts[i - 1], ts[i], step);
    if (missing <= 0) continue;
    report.missing += missing;
    report.holes++;
    if (report.largest === null || missing > report.largest.missing) {
      report.largest = { after: ts[i - 1], before: ts[i], missing };
    }
  }
  return report;
}

/** 'day' for daily bars, the bar length in ms under a day, null where gaps are not counted. */
function stepOf(barSize: string): 'day' | number | null {
  if (barSize === 'tick') return null;
  const size = parseBarSize(barSize);
  if (size.kind !== 'seconds' || size.seconds > 86_400) return null;
  return size.seconds === 86_400 ? 'day' : size.seconds * 1000;
}

function intradayMissing(prev: number, next: number, stepMs: number): number {
  if (tradingDay(prev) !== tradingDay(next)) return 0;
  return Math.round((next - prev) / stepMs) - 1;
}

/** Weekdays strictly between the days of two stamps on which US exchanges were open. */
function weekdaysBetween(prev: number, next: number): number {
  const from = tradingDay(prev) + 1;
  const to = tradingDay(next);
  return weekdaysBefore(to) - weekdaysBefore(from) - usExchangeHolidaysBetween(from, to);
}

/** Monday-to-Friday days among epoch days [0, day) (negative for days before 1970). */
function weekdaysBefore(day: number): number {
  // Epoch day 0 was a Thursday, the fourth day of its Monday-first week; count from that Monday.
  return weekdaysFromMonday(day + 3) - weekdaysFromMonday(3);
}

function weekdaysFromMonday(days: number): number {
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}
