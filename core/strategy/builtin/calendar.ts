import type { Timestamp } from '../../domain/order';

const DAY_MS = 86_400_000;

/** UTC calendar month as one comparable number (year * 12 + month). */
export function monthKey(ts: Timestamp): number {
  const d = new Date(ts);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * Index of the Monday-to-Sunday (ISO) week holding ts, in UTC. 1970-01-01 was a Thursday,
 * so shifting by 3 days puts every week boundary on a Monday.
 */
export function isoWeekKey(ts: Timestamp): number {
  return Math.floor((Math.floor(ts / DAY_MS) + 3) / 7);
}
