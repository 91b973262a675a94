import { MS_PER_DAY } from './tradingDay';

/** The years the table covers; a day outside them is never taken for a holiday. */
export const US_HOLIDAY_FIRST_YEAR = 1990;
export const US_HOLIDAY_LAST_YEAR = 2035;

/** Closures decided one at a time: 9/11, Hurricane Sandy, and the national days of mourning for former presidents. */
const ONE_OFF_CLOSURES = [
  '1994-04-27', // Richard Nixon
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11', // Ronald Reagan
  '2007-01-02', // Gerald Ford
  '2012-10-29', // Hurricane Sandy
  '2012-10-30',
  '2018-12-05', // George H. W. Bush
  '2025-01-09', // Jimmy Carter
];

const dayOf = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date) / MS_PER_DAY;

/** 0 Sunday … 6 Saturday, for an epoch day (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The n-th (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = dayOf(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayOf(year, month + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, also known as Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

/** A fixed-date holiday as the exchange observes it: a Saturday one on the Friday before, a Sunday one on the Monday after. */
function observed(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day;
}

/**
 * The NYSE's full-day closures of one year, by its rules: New Year's Day (a Sunday one on the Monday; a
 * Saturday one is not moved to the Friday before, which closes a year's books), Martin Luther King Jr. Day
 * (from 1998), Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence
 * Day, Labor Day, Thanksgiving and Christmas, plus the one-off closures. Epoch days, ascending.
 */
export function nyseHolidays(year: number): number[] {
  const days: number[] = [];
  const newYear = dayOf(year, 1, 1);
  if (weekday(newYear) !== 6) days.push(observed(newYear));
  if (year >= 1998) days.push(nthWeekday(year, 1, 1, 3));
  days.push(nthWeekday(year, 2, 1, 3));
  days.push(easterSunday(year) - 2);
  days.push(nthWeekday(year, 5, 1, -1));
  if (year >= 2022) days.push(observed(dayOf(year, 6, 19)));
  days.push(observed(dayOf(year, 7, 4)));
  days.push(nthWeekday(year, 9, 1, 1));
  days.push(nthWeekday(year, 11, 4, 4));
  days.push(observed(dayOf(year, 12, 25)));
  for (const iso of ONE_OFF_CLOSURES) {
    if (iso.startsWith(`${year}-`)) days.push(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
  }
  return [...new Set(days)].sort((x, y) => x - y);
}

let table: Int32Array | null = null;

/** Every closure of the covered years, ascending; built on first use. */
function holidayTable(): Int32Array {
  if (table === null) {
    const all: number[] = [];
    for (let y = US_HOLIDAY_FIRST_YEAR; y <= US_HOLIDAY_LAST_YEAR; y++) all.push(...nyseHolidays(y));
    table = Int32Array.from(all);
  }
  return table;
}

/** How many table entries are below `day`. */
function countBelow(day: number): number {
  const t = holidayTable();
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the NYSE was (or will be) closed all day on this epoch day for a holiday, within 1990-2035. */
export function isUsExchangeHoliday(day: number): boolean {
  const i = countBelow(day);
  return i < holidayTable().length && holidayTable()[i] === day;
}

/** NYSE holidays on epoch days in [from, to); all fall on weekdays. */
export function usExchangeHolidaysBetween(from: number, to: number): number {
  return to > from ? countBelow(to) - countBelow(from) : 0;
}
