import type { BarSeries } from './BarSeries';

/**
 * How a backtest sees a series' prices (the full rules and the reasoning are in ADJUSTMENTS.md):
 *
 * - raw: the prices exactly as the source has them. Yahoo files are already split-adjusted in OHLC.
 * - split: prices before each split divided by the split ratio (and by every later one), volume multiplied
 *   by it unless the source already adjusted its volume. Splits come from the caller or are detected as
 *   jumps in adjClose/close (see detectSplits); a series without splits passes through unchanged.
 * - total_return: with f_t = adjClose_t / close_t, open, high, low and close are multiplied by f_t and volume
 *   divided by it, so close_t * volume_t (the traded notional) is unchanged and the close equals adjClose.
 *   When the source's volume was already split-adjusted, only the dividend part of f_t divides it.
 *
 * Every mode gives a new series (or the input itself when nothing changes); adjClose is kept as it is, so
 * adjusting an adjusted series again changes nothing.
 */
export const ADJUSTMENTS = ['raw', 'split', 'total_return'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];

/** A stock split: from the bar stamped `ts` on, one old share is `ratio` new shares (2 for 2-for-1, 0.1 for 1-for-10). */
export interface Split {
  readonly ts: number;
  readonly ratio: number;
}

/** A jump in adjClose/close smaller than this (up or down) is a dividend or rounding, not a split. */
const MIN_SPLIT_JUMP = 1.2;
/** How close a jump must be to a split ratio p/q (q <= 4, or 1/q for a reverse split) to be taken for one. */
const SPLIT_RATIO_TOLERANCE = 0.02;
const MAX_DENOMINATOR = 4;
const MAX_REVERSE = 100;
/** Bars each side of a split whose median volumes show whether the source already adjusted its volume. */
const VOLUME_WINDOW = 20;
const MIN_VOLUME_WINDOW = 5;

/**
 * Splits seen in a series whose close is as traded and whose adjClose is split-adjusted (old Yahoo
 * layout): on a split day the close drops by the ratio while adjClose does not, so adjClose/close jumps
 * by exactly the ratio. A jump of at least 20% within 2% of a ratio p/q (q <= 4: 2, 3, 3/2, 5/4, ...) or
 * of 1/q (q <= 100, reverse splits) counts as a split; dividends move the ratio by a few percent at most.
 * A series already split-adjusted has no such jumps.
 */
export function detectSplits(series: BarSeries): Split[] {
  const adj = requireAdjClose(series, 'split');
  const splits: Split[] = [];
  if (series.length === 0) return splits;
  let prev = factorAt(series, adj, 0);
  for (let i = 1; i < series.length; i++) {
    const f = factorAt(series, adj, i);
    const ratio = niceRatio(f / prev);
    if (ratio !== null) splits.push({ ts: series.ts[i], ratio });
    prev = f;
  }
  return splits;
}

/** Applies an adjustment; `splits` (for 'split' and 'total_return') replaces detection from adjClose. */
export function adjustSeries(series: BarSeries, mode: Adjustment, splits?: readonly Split[]): BarSeries {
  if (mode === 'raw') return series;
  if (mode === 'split') return splitAdjusted(series, splits ?? detectSplits(series));
  return totalReturn(series, splits);
}

function splitAdjusted(series: BarSeries, splits: readonly Split[]): BarSeries {
  if (splits.length === 0) return series;
  const factor = splitFactors(series, splits);
  const scaleVolume = volumeIsAsTraded(series, splits);
  const n = series.length;
  const out = emptyLike(series);
  for (let i = 0; i < n; i++) {
    const s = factor[i];
    out.open[i] = series.open[i] / s;
    out.high[i] = series.high[i] / s;
    out.low[i] = series.low[i] / s;
    out.close[i] = series.close[i] / s;
    out.volume[i] = scaleVolume ? series.volume[i] * s : series.volume[i];
  }
  return out;
}

function totalReturn(series: BarSeries, given: readonly Split[] | undefined): BarSeries {
  const adj = requireAdjClose(series, 'total_return');
  const splits = given ?? detectSplits(series);
  // Volume already split-adjusted by the source is divided only by the dividend part of f (f times the split factor).
  const factor = splits.length > 0 && !volumeIsAsTraded(series, splits) ? splitFactors(series, splits) : null;
  const out = emptyLike(series);
  for (let i = 0; i < series.length; i++) {
    const f = factorAt(series, adj, i);
    out.open[i] = series.open[i] * f;
    out.high[i] = series.high[i] * f;
    out.low[i] = series.low[i] * f;
    out.close[i] = series.close[i] * f;
    out.volume[i] = series.volume[i] / (factor === null ? f : f * factor[i]);
  }
  return out;
}

/** Per bar, the product of the ratios of the splits after it: what its prices are divided by. */
function splitFactors(series: BarSeries, splits: readonly Split[]): Float64Array {
  for (const s of splits) {
    if (!(s.ratio > 0) || !Number.isFinite(s.ratio)) {
      throw new RangeError(`split of ${series.symbol} at ${isoDay(s.ts)}: ratio ${s.ratio} must be a positive number`);
    }
  }
  const sorted = [...splits].sort((a, b) => a.ts - b.ts);
  const factor = new Float64Array(series.length);
  let k = sorted.length - 1;
  let s = 1;
  for (let i = series.length - 1; i >= 0; i--) {
    while (k >= 0 && sorted[k].ts > series.ts[i]) s *= sorted[k--].ratio;
    factor[i] = s;
  }
  return factor;
}

/**
 * Whether volume is in as-traded shares: then it jumps by the ratio at a split. Old Yahoo files have
 * as-traded prices but already-adjusted volume, which does not jump. The median volume of the bars each
 * side of every split decides which of the two (log) distances is smaller; with too few bars, as traded.
 */
function volumeIsAsTraded(series: BarSeries, splits: readonly Split[]): boolean {
  let asTraded = 0;
  let adjusted = 0;
  for (const split of splits) {
    const at = firstIndexFrom(series.ts, split.ts);
    const before = median(series.volume, Math.max(0, at - VOLUME_WINDOW), at);
    const after = median(series.volume, at, Math.min(series.length, at + VOLUME_WINDOW));
    if (Number.isNaN(before) || Number.isNaN(after) || !(before > 0) || !(after > 0)) continue;
    const jump = Math.log(after / before);
    asTraded += Math.abs(jump - Math.log(split.ratio));
    adjusted += Math.abs(jump);
  }
  return asTraded <= adjusted;
}

function median(values: Float64Array, from: number, to: number): number {
  if (to - from < MIN_VOLUME_WINDOW) return Number.NaN;
  const sorted = values.slice(from, to).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function firstIndexFrom(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The split ratio a jump in adjClose/close stands for, or null when it is no split. */
function niceRatio(jump: number): number | null {
  if (jump < MIN_SPLIT_JUMP && jump > 1 / MIN_SPLIT_JUMP) return null;
  for (let q = 1; q <= MAX_DENOMINATOR; q++) {
    const p = Math.round(jump * q);
    if (p >= 1 && Math.abs(jump / (p / q) - 1) <= SPLIT_RATIO_TOLERANCE) return p / q;
  }
  // A reverse split, one new share for q old ones.
  const q = Math.round(1 / jump);
  return q >= 2 && q <= MAX_REVERSE && Math.abs(jump * q - 1) <= SPLIT_RATIO_TOLERANCE ? 1 / q : null;
}

function requireAdjClose(series: BarSeries, mode: Adjustment): Float64Array {
  if (series.adjClose === undefined) {
    const need = mode === 'split' ? 'an adjusted close (Adj Close column) to detect splits, or a list of splits' : 'an adjusted close (Adj Close column)';
    throw new Error(`${mode} adjustment of ${series.symbol} needs ${need}, and its data has none`);
  }
  return series.adjClose;
}

function factorAt(series: BarSeries, adj: Float64Array, i: number): number {
  const f = adj[i] / series.close[i];
  if (!(f > 0) || !Number.isFinite(f)) {
    throw new Error(`${series.symbol} at ${isoDay(series.ts[i])}: adjusted close ${adj[i]} / close ${series.close[i]} is not a positive factor`);
  }
  return f;
}

/** A series with the same stamps and adjClose and fresh price and volume columns. */
function emptyLike(series: BarSeries): BarSeries {
  const n = series.length;
  return {
    symbol: series.symbol,
    barSeconds: series.barSeconds,
    length: n,
    ts: series.ts,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    ...(series.adjClose === undefined ? {} : { adjClose: series.adjClose }),
  };
}

function isoDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}
