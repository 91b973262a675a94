import type { BarSeries } from '../BarSeries';
import { formatBarSize, parseBarSize } from '../resample';

const DAY = 86_400;
const MONTH_DAYS = 30.436875;
/** Month counts a bar size may have (they divide a year). */
const MONTH_COUNTS = [1, 2, 3, 4, 6, 12];
/** Calendar months vary by up to three days; a median step this close to N months is N-monthly. */
const MONTH_SLACK_DAYS = 3;

/** Label of series whose stamps have no regular step (ticks); they are stored and resampled, never gap-counted. */
export const IRREGULAR_BAR_SIZE = 'tick';

/**
 * The bar size a series is stored under, from its median step (BarSeries.barSeconds): '1m', '5m', '1h', '1d',
 * '2d', '1w', '2w', '1mo', ... A step within three days of a whole number of months is monthly (so a 28-day
 * step is '1mo', never '4w'); a step that divides the day, or is whole days, is that many seconds or days;
 * anything else, including fractional medians from tick data, is 'tick'.
 */
export function barSizeOf(series: BarSeries): string {
  const seconds = series.barSeconds;
  if (!(seconds > 0) || !Number.isInteger(seconds)) return IRREGULAR_BAR_SIZE;
  const days = seconds / DAY;
  for (const count of MONTH_COUNTS) {
    if (Math.abs(days - count * MONTH_DAYS) <= MONTH_SLACK_DAYS) return formatBarSize({ kind: 'calendar', unit: 'month', count });
  }
  if (seconds >= DAY) {
    if (seconds % (7 * DAY) === 0) return formatBarSize({ kind: 'calendar', unit: 'week', count: seconds / (7 * DAY) });
    if (seconds % DAY === 0) return formatBarSize({ kind: 'seconds', seconds });
    return IRREGULAR_BAR_SIZE;
  }
  return DAY % seconds === 0 ? formatBarSize({ kind: 'seconds', seconds }) : IRREGULAR_BAR_SIZE;
}

/** A bar size in the store's text for it ('60m' is '1h', '24h' is '1d'); a RangeError when it is none. */
export function canonicalBarSize(text: string): string {
  return text === IRREGULAR_BAR_SIZE ? text : formatBarSize(parseBarSize(text));
}
