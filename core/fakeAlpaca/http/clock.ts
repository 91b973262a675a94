import type { Json } from '../wire/tradingJson';

const DAY = 86_400_000;
/** US regular session in UTC during standard time: 14:30 to 21:00. */
const OPEN_MS = 14.5 * 3_600_000;
const CLOSE_MS = 21 * 3_600_000;

function nextWeekday(dayStart: number): number {
  let d = dayStart;
  while ([0, 6].includes(new Date(d).getUTCDay())) d += DAY;
  return d;
}

/**
 * GET /v2/clock. The fake's market replays bars whenever it is stepped, so it always reports the market
 * as open; next_open and next_close are the next regular session's times by the wall clock.
 */
export function clockJson(now: number): { [key: string]: Json } {
  const today = Math.floor(now / DAY) * DAY;
  const closeDay = nextWeekday(now < today + CLOSE_MS ? today : today + DAY);
  const openDay = nextWeekday(now < today + OPEN_MS ? today : today + DAY);
  return {
    timestamp: new Date(now).toISOString(),
    is_open: true,
    next_open: new Date(openDay + OPEN_MS).toISOString(),
    next_close: new Date(closeDay + CLOSE_MS).toISOString(),
  };
}
