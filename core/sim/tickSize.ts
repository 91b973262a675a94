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

/** The grid each series is quoted on, found once: a sweep or the bench runs the same series many times. */
const quotedTicks = new WeakMap<BarSeries, number>();

/** Decimal grids a market quotes on, coarsest first: cents, then the finer steps of FX and cheap stocks. */
const QUOTE_GRIDS = [DEFAULT_TICK_SIZE, 0.001, 0.0001, 0.00001];

/**
 * The tick an instrument's fills print on: its own (a bar store instrument's, or the synthetic market's),
 * else the spec's `simulator.tick_size`, else the coarsest decimal grid its bars are quoted on, from the cent
 * down to 0.00001 (EURUSD quoted to the fifth decimal prints on 0.00001). Bars quoted finer still (split-adjusted
 * prices such as 2.179012) were never prints on any grid: their fills stay unrounded, as the peer engines fill
 * them. 0 means unrounded.
 */
export function tickSizeFor(series: BarSeries, specTick: number | undefined): number {
  if (series.tickSize !== undefined) return series.tickSize;
  if (specTick !== undefined) return specTick;
  let tick = quotedTicks.get(series);
  if (tick === undefined) {
    tick = QUOTE_GRIDS.find((t) => quotedOnGrid(series, t)) ?? 0;
    quotedTicks.set(series, tick);
  }
  return tick;
}
