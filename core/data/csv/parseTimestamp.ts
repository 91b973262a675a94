const MS_PER_DAY = 86_400_000;

/** Parses exactly `YYYY-MM-DD` (or compact `YYYYMMDD`, as Stooq and IB write it) into epoch ms of 00:00 UTC that day, or NaN. */
export function parseDate(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end - start === 10) return midnightAt(text, start);
  return end - start === 8 ? compactMidnightAt(text, start) : NaN;
}

/**
 * Parses `YYYY-MM-DD`, optionally followed by `T` or a space and a time of day (see parseTimeOfDay),
 * optionally ending in `Z`, from text[start, end) into epoch ms UTC. The files carry no zone, so wall
 * time is taken as UTC. IB's compact stamps are read too (see parseCompactDateTime).
 * Returns NaN when the text is not such a date or names an impossible day.
 */
export function parseDateTime(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end - start >= 8 && text.charCodeAt(start + 4) !== 45 /* - */) return parseCompactDateTime(text, start, end);
  if (end - start > 10 && text.charCodeAt(end - 1) === 90 /* Z */) end--;
  if (end - start < 10) return NaN;
  const midnight = midnightAt(text, start);
  if (end - start === 10) return midnight;
  const sep = text.charCodeAt(start + 10);
  if (sep !== 84 /* T */ && sep !== 32) return NaN;
  return midnight + parseTimeOfDay(text, start + 11, end);
}

/**
 * Parses `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (any number of fraction digits), or Stooq's `HHMMSS`, into ms
 * after midnight, or NaN.
 */
export function parseTimeOfDay(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const length = end - start;
  if (length === 6) return compactTimeAt(text, start);
  if (length !== 5 && length < 8) return NaN;
  if (text.charCodeAt(start + 2) !== 58) return NaN;
  const hour = readDigits(text, start, 2);
  const minute = readDigits(text, start + 3, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let ms = (hour * 60 + minute) * 60_000;
  if (length === 5) return ms;
  if (text.charCodeAt(start + 5) !== 58) return NaN;
  const second = readDigits(text, start + 6, 2);
  if (second < 0 || second > 59) return NaN;
  ms += second * 1000;
  if (length === 8) return ms;
  if (text.charCodeAt(start + 8) !== 46 || length === 9) return NaN;
  let scale = 100;
  let fraction = 0;
  for (let i = start + 9; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    fraction += c * scale;
    scale /= 10;
  }
  // Sub-millisecond digits are rounded away: timestamps are whole epoch milliseconds.
  return ms + Math.round(fraction);
}

/**
 * IB's stamps, from trimmed text[start, end): `YYYYMMDD` (daily bars), `YYYYMMDD HH:MM:SS` with one or two
 * spaces and an optional trailing time-zone name, or 10-digit epoch seconds (formatDate=2). The zone name is
 * dropped, so wall time is kept as UTC like every other file; epoch seconds are a true UTC instant.
 */
function parseCompactDateTime(text: string, start: number, end: number): number {
  const length = end - start;
  const epochSeconds = length === 10 ? readDigits(text, start, 10) : -1;
  if (epochSeconds >= 0) return epochSeconds * 1000;
  const midnight = compactMidnightAt(text, start);
  if (length === 8 || Number.isNaN(midnight)) return midnight;
  let at = start + 8;
  if (text.charCodeAt(at) !== 32) return NaN;
  while (at < end && text.charCodeAt(at) === 32) at++;
  let timeEnd = at;
  while (timeEnd < end && text.charCodeAt(timeEnd) !== 32) timeEnd++;
  if (timeEnd < end && !isZoneName(text, timeEnd + 1, end)) return NaN;
  return midnight + parseTimeOfDay(text, at, timeEnd);
}

/** A time-zone name such as `US/Eastern`, `Europe/London`, `EST` or `UTC`: letters, digits, `/ _ + -`. */
function isZoneName(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const other = (c >= 48 && c <= 57) || c === 47 || c === 95 || c === 43 || c === 45;
    if (!letter && !other) return false;
  }
  return true;
}

/** Epoch ms of 00:00 UTC of the `YYYYMMDD` at `start`, or NaN. */
function compactMidnightAt(text: string, start: number): number {
  return civilMidnight(readDigits(text, start, 4), readDigits(text, start + 4, 2), readDigits(text, start + 6, 2));
}

/** `HHMMSS` at `start` into ms after midnight, or NaN. */
function compactTimeAt(text: string, start: number): number {
  const hour = readDigits(text, start, 2);
  const minute = readDigits(text, start + 2, 2);
  const second = readDigits(text, start + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Epoch ms of 00:00 UTC of the `YYYY-MM-DD` at `start`, or NaN when it is malformed or an impossible day. */
function midnightAt(text: string, start: number): number {
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NaN;
  return civilMidnight(readDigits(text, start, 4), readDigits(text, start + 5, 2), readDigits(text, start + 8, 2));
}

/** Epoch ms of 00:00 UTC of a calendar date given as numbers (-1 for an unreadable part), or NaN. */
function civilMidnight(year: number, month: number, day: number): number {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** Reads `count` ASCII digits at `at` as an integer; -1 if any is not a digit. */
function readDigits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), with no Date allocation. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
