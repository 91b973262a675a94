import { z } from 'zod';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written as YYYY-MM-DD, parsed to epoch ms at 00:00 UTC of that day. YAML 1.1
 * loaders (and UI date pickers) may hand over a Date instead; its UTC calendar day is used.
 */
export const calendarDateSchema = z
  .custom<string | Date>((v) => typeof v === 'string' || v instanceof Date, {
    message: 'expected a date like 2004-08-19',
  })
  .transform((value, ctx) => {
    const ms = parseCalendarDate(value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: 'expected a real date like 2004-08-19' });
      return z.NEVER;
    }
    return ms;
  });

export function parseCalendarDate(value: string | Date): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS) * DAY_MS;
  }
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2021-02-30 over to March; a date that does not round-trip does not exist.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms;
}

/** The last millisecond of the UTC day starting at `dayStart`, so an end date is inclusive. */
export function endOfDay(dayStart: number): number {
  return dayStart + DAY_MS - 1;
}
