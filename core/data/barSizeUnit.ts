/** The units a bar size is counted in: seconds, minutes, hours, days, ISO weeks, calendar months. */
export type BarSizeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo';

/** Spelled-out units, in any case: the words a broker's API or a chart's menu uses ("5 mins", "1 week"). */
const WORDS: Readonly<Record<string, BarSizeUnit>> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  mo: 'mo', mon: 'mo', mons: 'mo', month: 'mo', months: 'mo',
};

/**
 * The unit a bar size's suffix names, or null. Letters other than m read the same in either case ('1W'
 * is '1w', '1D' is '1d'); m is the one letter whose case matters, as on trading charts: 'm' is a minute
 * and 'M' a month. Hence 'Mo', 'MO' and the words are months whatever their case, and 'min' a minute.
 */
export function barSizeUnit(suffix: string): BarSizeUnit | null {
  if (suffix === 'm') return 'm';
  if (suffix === 'M') return 'mo';
  return WORDS[suffix.toLowerCase()] ?? null;
}

/** The accepted spellings, for error messages. */
export const BAR_SIZE_SPELLINGS =
  "a count and a unit: s, m (minute), h, d, w, mo or M (month), in either case except m/M, or spelled out (sec, min, hour, day, week, month), e.g. '1m', '5m', '1h', '1d', '1W', '1M', '5 mins'";
