/**
 * The bar sizes the chart offers for a stored series: its own ('native') and the coarser sizes the engine
 * can resample it to. Intraday sizes are offered only for intraday series, and only those that are whole
 * multiples of the series' own step (a 5-minute series cannot make 2-minute bars).
 */

export const NATIVE = 'native';

const DAY = 86_400;
const INTRADAY: readonly [string, number][] = [
  ['1m', 60],
  ['5m', 300],
  ['15m', 900],
  ['30m', 1800],
  ['1h', 3600],
  ['4h', 14_400],
];
/** Nominal lengths, for "coarser than" only (a month counts 28 days so a 30-day step is never offered 1mo). */
const CALENDAR: readonly [string, number][] = [
  ['1d', DAY],
  ['1w', 7 * DAY],
  ['1mo', 28 * DAY],
];

export interface BarSizeChoice {
  value: string;
  label: string;
}

/** What the series was stored as: its label and median step in seconds (fractional for ticks). */
export interface StoredSize {
  barSize: string;
  barSeconds: number;
}

export function barSizeChoices(series: StoredSize): BarSizeChoice[] {
  const step = series.barSeconds;
  const out: BarSizeChoice[] = [{ value: NATIVE, label: `${series.barSize} (as stored)` }];
  const coarser = (seconds: number, label: string): boolean => seconds > step && label !== series.barSize;
  if (step < DAY) {
    for (const [label, seconds] of INTRADAY) {
      // A tick series has no regular step: any minute size is a valid resample of it.
      const aligned = !Number.isInteger(step) || step <= 0 || seconds % step === 0;
      if (coarser(seconds, label) && aligned) out.push({ value: label, label });
    }
  }
  for (const [label, seconds] of CALENDAR) {
    if (coarser(seconds, label)) out.push({ value: label, label });
  }
  return out;
}

/** The bar size to ask data.bars for: the stored one for 'native'. */
export function requestedBarSize(choice: string, series: StoredSize): string {
  return choice === NATIVE ? series.barSize : choice;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY, w: 7 * DAY, mo: 30 * DAY };

/** Nominal seconds of a bar size label ('5m', '1d', '1mo'); 0 for 'tick'; null for anything else. */
export function nominalSeconds(barSize: string): number | null {
  if (barSize === 'tick') return 0;
  const m = /^(\d+)(s|m|h|d|w|mo)$/.exec(barSize);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]] : null;
}

/** Seconds per bar of a choice, for how its stamps are written. */
export function choiceSeconds(choice: string, series: StoredSize): number {
  if (choice === NATIVE) return series.barSeconds;
  return nominalSeconds(choice) ?? series.barSeconds;
}
