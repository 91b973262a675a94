import { tradingDay } from '../../data/tradingDay';
import type { Side } from '../../domain/enums';
import type { Timestamp } from '../../domain/order';

/**
 * Execution algorithms: a parent order the kernel slices into child orders, one per bar, from the
 * first bar at or after `start` to the last before `end`.
 * - TWAP: an even share of the quantity per bar of the window.
 * - VWAP: shares following the instrument's intraday volume profile, learned from the days before.
 * - POV: `rate` of each bar's volume (the bar before, which is the latest known when a child goes out).
 */
export const ALGO_KINDS = ['TWAP', 'VWAP', 'POV'] as const;
export type AlgoKind = (typeof ALGO_KINDS)[number];

export interface AlgoRequest {
  kind: AlgoKind;
  instrument: string;
  side: Side;
  quantity: number;
  start: Timestamp;
  end: Timestamp;
  /** A price cap (a floor for a sell): children are limit orders at it; none, market orders. */
  limitPrice?: number;
  /** The largest share of a bar's volume (the bar before) one child may take; none, no cap. */
  maxParticipation?: number;
  /** POV: the share of each bar's volume to trade. */
  rate?: number;
  /** VWAP: how many trading days of history the volume profile is learned from (20). */
  profileDays?: number;
}

export const ALGO_STATUSES = ['WORKING', 'COMPLETED', 'EXPIRED', 'CANCELLED', 'REJECTED'] as const;
export type AlgoStatus = (typeof ALGO_STATUSES)[number];

/** A parent's execution so far, in the terms a trading desk reports it. */
export interface AlgoReport {
  id: string;
  request: AlgoRequest;
  status: AlgoStatus;
  /** Why it ended early, was refused or stopped short. */
  reason: string | null;
  /** The last price known when the parent was submitted: the benchmark of its shortfall. */
  arrivalPrice: number;
  filledQuantity: number;
  /** NaN before the first fill. */
  avgFillPrice: number;
  /** (average fill − arrival) / arrival in basis points, positive when it cost the trader; NaN before a fill. */
  shortfallBps: number;
  /** Filled share of the quantity, in percent. */
  completionPct: number;
  commission: number;
  childOrders: number;
}

export interface AlgoAck {
  accepted: boolean;
  algoId: string;
  reason?: string;
}

const positive = (v: number | undefined): boolean => Number.isFinite(v) && (v as number) > 0;

/** Why the request cannot run, or null. */
export function invalidAlgoReason(r: AlgoRequest): string | null {
  if (!(ALGO_KINDS as readonly string[]).includes(r.kind)) return `unknown algorithm "${String(r.kind)}"; known: ${ALGO_KINDS.join(', ')}`;
  if (r.side !== 'BUY' && r.side !== 'SELL') return `side must be BUY or SELL, got "${String(r.side)}"`;
  if (!positive(r.quantity)) return `quantity must be a positive number, got ${r.quantity}`;
  if (!(Number.isFinite(r.start) && Number.isFinite(r.end) && r.end > r.start)) return 'the window needs a start before its end';
  if (r.limitPrice !== undefined && !positive(r.limitPrice)) return `the limit price cap must be positive, got ${r.limitPrice}`;
  if (r.maxParticipation !== undefined && !(positive(r.maxParticipation) && r.maxParticipation <= 1))
    return `max participation must be above 0 and at most 1, got ${r.maxParticipation}`;
  if (r.kind === 'POV' && !(positive(r.rate) && (r.rate as number) <= 1)) return `POV needs a rate above 0 and at most 1, got ${r.rate}`;
  if (r.kind !== 'POV' && r.rate !== undefined) return `a rate applies to POV only, not ${r.kind}`;
  if (r.kind === 'VWAP' && tradingDay(r.start) !== tradingDay(r.end - 1))
    return 'a VWAP window lies within one trading day (its profile is a day\'s volume by time of day)';
  if (r.profileDays !== undefined && !(Number.isInteger(r.profileDays) && r.profileDays > 0)) return `profile days must be a positive whole number, got ${r.profileDays}`;
  return null;
}
