import type { BarSeries } from '../data/BarSeries';

/** The tick of US stocks over $1, and the simulator's when a spec names none. */
export const DEFAULT_TICK_SIZE = 0.01;

/** Bars checked for being on the grid: spread over the series, enough to see adjusted or finer quotes. */
const SAMPLES = 256;

/** Whether `price` is a multiple of `tick`, allowing for the float error of a decimal read from text. */
function onGrid(price: number, tick: number): boolean {
  const k = price / tick;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/** Whether the series' own prices sit on the `tick` grid (a sample of its bars, all four prices). */
export function quotedOnGrid(series: BarSeries, tick: number): boolean {
  const step = Math.max(1, Math.floor(series.length / SAMPLES));
  for (let i = 0; i < series.length; i += step) {
    if (!onGrid(series.open[i], tick) || !onGrid(series.high[i], tick) || !onGrid(series.low[i], tick) || !onGrid(series.close[i], tick)) {
      return false;
    }
  }
  return true;
}

/**
 * The tick an instrument's fills print on: its own (a bar store instrument's, or the synthetic market's),
 * else the spec's `simulator.tick_size`, else 0.01 when its bars are quoted in cents. Bars quoted finer
 * (split-adjusted prices, FX in fractions of a pip) were never prints on a cent grid: their fills stay
 * unrounded, as the peer engines fill them. 0 means unrounded.
 */
export function tickSizeFor(series: BarSeries, specTick: number | undefined): number {
  if (series.tickSize !== undefined) return series.tickSize;
  if (specTick !== undefined) return specTick;
  return quotedOnGrid(series, DEFAULT_TICK_SIZE) ? DEFAULT_TICK_SIZE : 0;
}
