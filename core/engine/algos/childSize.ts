import type { AlgoRequest } from './algoTypes';
import type { VolumeProfile } from './volumeProfile';

/** What one bar's child is sized from. */
export interface SliceInput {
  /** Stamp of the bar about to trade. */
  ts: number;
  /** Its length (ms). */
  barMs: number;
  /** The volume of the bar before: the latest known when the child goes out. NaN when there is none. */
  prevVolume: number;
  filled: number;
  /** TWAP and VWAP: the schedule's cumulative share of the quantity by the end of this bar (see scheduleShare). */
  share: number;
}

/**
 * The schedule's share of the quantity due by the end of the bar stamped `ts`: by time for TWAP,
 * by the volume profile's weight of the window's times of day for VWAP (by time where the profile
 * knows none of them).
 */
export function scheduleShare(r: AlgoRequest, ts: number, barMs: number, profile: VolumeProfile | null): number {
  const byTime = Math.min(1, Math.max(0, (ts + barMs - r.start) / (r.end - r.start)));
  if (r.kind !== 'VWAP' || profile === null) return byTime;
  const total = profile.between(r.start, r.end);
  return total > 0 ? Math.min(1, profile.between(r.start, ts + barMs) / total) : byTime;
}

/**
 * Whole units of the child for this bar: the schedule's cumulative target less what has filled
 * (a bar that filled short is caught up on the next), or POV's share of the bar before's volume;
 * capped by the participation limit and by what is left. The window's last bar takes what is left.
 */
export function childQuantity(r: AlgoRequest, x: SliceInput): number {
  const left = r.quantity - x.filled;
  if (left <= 0) return 0;
  const prev = Number.isFinite(x.prevVolume) ? x.prevVolume : 0;
  let want: number;
  if (r.kind === 'POV') want = Math.floor((r.rate as number) * prev);
  else if (x.ts + x.barMs >= r.end) want = Math.ceil(left);
  else want = Math.floor(r.quantity * x.share - x.filled);
  if (r.maxParticipation !== undefined) want = Math.min(want, Math.floor(r.maxParticipation * prev));
  return Math.max(0, Math.min(want, Math.ceil(left)));
}
