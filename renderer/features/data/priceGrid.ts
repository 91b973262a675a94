import type { BarDto } from '../../../core/ipc/contract/data';

const MIN_DECIMALS = 2;
const MAX_DECIMALS = 8;

/**
 * The decimals a series is quoted to: the fewest (at least cents, at most 8) that print every open,
 * high, low and close shown exactly, allowing for the float error of a price read from text.
 */
export function priceGrid(bars: readonly BarDto[]): number {
  let decimals = MIN_DECIMALS;
  const fits = (p: number): boolean => {
    const scaled = p * 10 ** decimals;
    return Math.abs(scaled - Math.round(scaled)) < 1e-6;
  };
  for (const b of bars) {
    for (const p of [b.open, b.high, b.low, b.close]) {
      while (decimals < MAX_DECIMALS && !fits(p)) decimals++;
    }
    if (decimals === MAX_DECIMALS) break;
  }
  return decimals;
}
