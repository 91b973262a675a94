const MS_PER_DAY = 86_400_000;

/**
 * `count` consecutive Monday-to-Friday dates stamped 00:00 UTC, starting at the first weekday on or after
 * the UTC day containing `startMs`. No holiday calendar: synthetic markets do not need one.
 */
export function businessDays(startMs: number, count: number): Float64Array {
  if (!Number.isFinite(startMs)) throw new RangeError(`businessDays: start ${startMs} is not a finite timestamp`);
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`businessDays: count ${count} must be a non-negative integer`);
  }
  const out = new Float64Array(count);
  let day = Math.floor(startMs / MS_PER_DAY);
  for (let i = 0; i < count; day++) {
    // Epoch day 0 (1970-01-01) was a Thursday, so (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) out[i++] = day * MS_PER_DAY;
  }
  return out;
}
