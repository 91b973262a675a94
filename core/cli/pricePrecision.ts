import type { Bar } from '../data/BarSeries';

/** More decimals than this is float noise (an adjusted series), not a tick size. */
const MAX_DECIMALS = 8;

/** True when `price` has at most `decimals` decimals, allowing for binary floating point (0.1 + 0.2). */
function fitsDecimals(price: number, decimals: number): boolean {
  const scaled = price * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/**
 * The decimals a series is quoted in, derived from its own prices (the store keeps no tick size): the fewest
 * decimals that write every open, high, low and close exactly, e.g. 2 for GOOG (104.06), 5 for EURUSD (1.12345).
 * Capped at 8, so a split-adjusted series with float noise still prints readably.
 */
export function priceDecimals(bars: readonly Bar[]): number {
  let decimals = 0;
  for (const b of bars) {
    for (const p of [b.open, b.high, b.low, b.close]) {
      while (decimals < MAX_DECIMALS && !fitsDecimals(p, decimals)) decimals++;
    }
    if (decimals === MAX_DECIMALS) break;
  }
  return decimals;
}
