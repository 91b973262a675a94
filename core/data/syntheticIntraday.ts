import type { BarSeries } from './BarSeries';
import type { Prng } from './prng';
import { MS_PER_DAY } from './tradingDay';

/** A trading day's bars: when each ends and its share of the day's volume and variance. */
export interface SessionGrid {
  readonly barsPerDay: number;
  /** Each bar's end, in ms after midnight (bars are stamped at their end, like the shipped intraday files). */
  readonly offsets: Float64Array;
  /** Each bar's share of the day's volume and of its open-to-close variance; they sum to 1. */
  readonly weights: Float64Array;
}

/** What the daily model decided for each day of one symbol: the intraday bars must agree with it. */
export interface DayPlan {
  readonly open: Float64Array;
  readonly close: Float64Array;
  /** Standard deviation (log) of the day's path from its open to its close: it sets how far the bars range. */
  readonly sd: Float64Array;
  readonly volume: Float64Array;
}

/** How far a bar's high and low reach beyond its body, in bar standard deviations. */
const BAR_WICK = 0.5;
const BAR_VOLUME_NOISE = 0.3;
/** exp(noise * z - noise^2 / 2) has mean 1: the bars' volumes add up to the day's on average. */
const BAR_VOLUME_BIAS = (BAR_VOLUME_NOISE * BAR_VOLUME_NOISE) / 2;

/**
 * Bars of `barMinutes` from `openMinute` to `closeMinute` (minutes after midnight). A U-shaped profile gives
 * the first and last bars three times the activity of midday, as in equity markets; a flat one spreads it evenly.
 */
export function sessionGrid(openMinute: number, closeMinute: number, barMinutes: number, profile: 'u_shape' | 'flat'): SessionGrid {
  const span = closeMinute - openMinute;
  if (span <= 0 || span % barMinutes !== 0) {
    throw new RangeError(`the session's ${span} minutes are not a whole number of ${barMinutes}-minute bars`);
  }
  const n = span / barMinutes;
  const offsets = new Float64Array(n);
  const weights = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = (openMinute + (k + 1) * barMinutes) * 60_000;
    const x = (2 * (k + 0.5)) / n - 1;
    weights[k] = profile === 'u_shape' ? 1 + 2 * x * x : 1;
    total += weights[k];
  }
  for (let k = 0; k < n; k++) weights[k] /= total;
  return { barsPerDay: n, offsets, weights };
}

/** The stamps of every bar of every day (`days` stamped at 00:00 UTC). */
export function sessionStamps(days: Float64Array, grid: SessionGrid): Float64Array {
  const n = grid.barsPerDay;
  const ts = new Float64Array(days.length * n);
  for (let d = 0; d < days.length; d++) {
    const midnight = Math.floor(days[d] / MS_PER_DAY) * MS_PER_DAY;
    for (let k = 0; k < n; k++) ts[d * n + k] = midnight + grid.offsets[k];
  }
  return ts;
}

/**
 * Writes one symbol's intraday bars: each day a Brownian bridge from the planned open to the planned close,
 * with bar variance and volume following the grid's weights. The first bar opens at the day's open and the
 * last closes at its close exactly, so daily bars resampled from these keep the daily model's open and close.
 */
export function fillIntraday(out: BarSeries, plan: DayPlan, grid: SessionGrid, prng: Prng): void {
  const n = grid.barsPerDay;
  const w = grid.weights;
  const { open, high, low, close, volume } = out;
  const steps = new Float64Array(n);
  for (let d = 0; d < plan.open.length; d++) {
    const logOpen = Math.log(plan.open[d]);
    const move = Math.log(plan.close[d]) - logOpen;
    const sd = plan.sd[d];
    let drawn = 0;
    for (let k = 0; k < n; k++) {
      steps[k] = sd * Math.sqrt(w[k]) * prng.normal();
      drawn += steps[k];
    }
    // The bridge: each bar gives back its weight's share of the gap between the drawn and the planned move.
    const correction = drawn - move;
    let level = logOpen;
    let prevClose = plan.open[d];
    const base = d * n;
    for (let k = 0; k < n; k++) {
      level += steps[k] - w[k] * correction;
      const o = prevClose;
      const c = k === n - 1 ? plan.close[d] : Math.exp(level);
      const barSd = sd * Math.sqrt(w[k]);
      open[base + k] = o;
      close[base + k] = c;
      high[base + k] = (o > c ? o : c) * (1 + BAR_WICK * barSd * Math.abs(prng.normal()));
      low[base + k] = (o < c ? o : c) / (1 + BAR_WICK * barSd * Math.abs(prng.normal()));
      volume[base + k] = Math.round(plan.volume[d] * w[k] * Math.exp(BAR_VOLUME_NOISE * prng.normal() - BAR_VOLUME_BIAS));
      prevClose = c;
    }
  }
}
