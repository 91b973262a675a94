import type { BarSeries } from '../data/BarSeries';
import { mergeCalendars } from '../data/calendar';

export interface RunSessions {
  /** The data's own calendar up to `end`: earlier sessions are history the strategy may read. */
  calendar: Float64Array;
  /** Index in `calendar` of the first session the run trades. */
  first: number;
  total: number;
}

/** The sessions a run walks: the union of the series' timestamps, within [start, end]. */
export function runSessions(series: readonly BarSeries[], start = -Infinity, end = Infinity): RunSessions {
  const full = mergeCalendars(series);
  let last = full.length - 1;
  while (last >= 0 && full[last] > end) last--;
  const calendar = full.subarray(0, last + 1);
  let first = 0;
  while (first < calendar.length && calendar[first] < start) first++;
  const total = calendar.length - first;
  if (total <= 0) throw new Error(`no bars fall between the run's start and end`);
  return { calendar, first, total };
}
