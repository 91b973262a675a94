import type { Timestamp } from '../domain/order';

const DAY_MS = 86_400_000;

/**
 * Drawdown at each point: equity / running peak - 1 (0 at a new high, negative below it).
 * The peak starts at `startPeak` (e.g. the initial cash) when given, else at equity[0].
 */
export function drawdownSeries(equity: Float64Array, startPeak?: number): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = startPeak ?? equity[0];
  for (let i = 0; i < equity.length; i++) {
    if (equity[i] > peak) peak = equity[i];
    out[i] = peak > 0 ? equity[i] / peak - 1 : 0;
  }
  return out;
}

export interface DrawdownStats {
  /** Deepest drawdown as a (non-positive) fraction. */
  maxDrawdown: number;
  /** Longest span from a peak to the first point back at or above it (or to the end), in calendar days. */
  maxDurationDays: number;
  /** The same span in bars (index difference). */
  maxDurationBars: number;
  /** Drawdown episodes: each fall below a peak, until equity regains it or the series ends. */
  episodes: number;
  /** Mean over episodes of each one's deepest point (a non-positive fraction); null without episodes. */
  avgDrawdown: number | null;
  /** Mean over episodes of the span from the peak to recovery (or the end), in calendar days; null without episodes. */
  avgDurationDays: number | null;
  /** The same mean in bars; null without episodes. */
  avgDurationBars: number | null;
}

/**
 * Depth and duration of drawdowns, the deepest and longest and their means over episodes. An episode
 * starts at the index of its peak (index 0 when the peak is `startPeak` from before the series) and
 * ends where equity first regains the peak, or at the last point.
 */
export function drawdownStats(ts: Float64Array, equity: Float64Array, startPeak?: number): DrawdownStats {
  let peak = startPeak ?? equity[0];
  let peakIdx = 0;
  let maxDrawdown = 0;
  let maxDurationDays = 0;
  let maxDurationBars = 0;
  let episodes = 0;
  let depth = 0;
  let sumDepth = 0;
  let sumDays = 0;
  let sumBars = 0;
  const endEpisode = (end: number): void => {
    const days = (ts[end] - ts[peakIdx]) / DAY_MS;
    maxDurationDays = Math.max(maxDurationDays, days);
    maxDurationBars = Math.max(maxDurationBars, end - peakIdx);
    episodes++;
    sumDepth += depth;
    sumDays += days;
    sumBars += end - peakIdx;
    depth = 0;
  };
  let under = false;
  for (let i = 0; i < equity.length; i++) {
    if (equity[i] >= peak) {
      if (under) endEpisode(i);
      under = false;
      peak = equity[i];
      peakIdx = i;
    } else {
      under = true;
      if (peak > 0) depth = Math.min(depth, equity[i] / peak - 1);
      maxDrawdown = Math.min(maxDrawdown, depth);
    }
  }
  if (under) endEpisode(equity.length - 1);
  return {
    maxDrawdown,
    maxDurationDays,
    maxDurationBars,
    episodes,
    avgDrawdown: episodes ? sumDepth / episodes : null,
    avgDurationDays: episodes ? sumDays / episodes : null,
    avgDurationBars: episodes ? sumBars / episodes : null,
  };
}

interface PeriodKey {
  year: number;
  /** 1-12; absent for yearly periods. */
  month?: number;
}

/**
 * Return of each calendar period (UTC) present in the series: its last equity over the previous
 * period's last equity, minus 1, in percent. The first period is measured from `base` (default equity[0]).
 */
function periodReturns<K extends PeriodKey>(
  ts: Float64Array,
  equity: Float64Array,
  keyOf: (d: Date) => K,
  base?: number,
): (K & { returnPct: number })[] {
  const out: (K & { returnPct: number })[] = [];
  let prevEnd = base ?? equity[0];
  for (let i = 0; i < equity.length; i++) {
    const last = i === equity.length - 1;
    const key = keyOf(new Date(ts[i]));
    const nextKey = last ? null : keyOf(new Date(ts[i + 1]));
    if (nextKey && nextKey.year === key.year && nextKey.month === key.month) continue;
    out.push({ ...key, returnPct: prevEnd !== 0 ? (equity[i] / prevEnd - 1) * 100 : 0 });
    prevEnd = equity[i];
  }
  return out;
}

export function monthlyReturns(
  ts: Float64Array,
  equity: Float64Array,
  base?: number,
): { year: number; month: number; returnPct: number }[] {
  return periodReturns(ts, equity, (d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }), base);
}

export function yearlyReturns(ts: Float64Array, equity: Float64Array, base?: number): { year: number; returnPct: number }[] {
  return periodReturns(ts, equity, (d) => ({ year: d.getUTCFullYear() }), base);
}

/** Calendar years between two timestamps, 365.25-day years. */
export function yearsBetween(from: Timestamp, to: Timestamp): number {
  return (to - from) / (365.25 * DAY_MS);
}

/** Simple returns between consecutive points; 0 after a point at 0 (nothing left to return on). */
export function sessionReturns(values: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) out[i - 1] = values[i - 1] !== 0 ? values[i] / values[i - 1] - 1 : 0;
  return out;
}
