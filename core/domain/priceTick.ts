/**
 * `price` on the tick grid, as an exchange prints it: the nearest tick (a tie rounds up), or the next tick
 * toward `lo..hi` when the nearest lies outside (past the limit, or outside the bar). Nearest keeps a fill
 * within half a tick of the unrounded price peers like backtrader report. With no tick inside `lo..hi` (the
 * bar's own prices are off the grid) the price stays as it is.
 */
export function roundToTick(price: number, lo: number, hi: number, tick: number): number {
  if (!(tick > 0)) return price;
  const perUnit = 1 / tick;
  const whole = Math.round(perUnit);
  // For 0.01, 0.0001, 0.25: k / 100 is the double closest to the decimal, where k * 0.01 can be an ulp off.
  const exact = Math.abs(perUnit - whole) < 1e-9 * perUnit;
  let k = Math.round(exact ? price * whole : price / tick);
  let r = exact ? k / whole : k * tick;
  if (r > hi) {
    k--;
    r = exact ? k / whole : k * tick;
  } else if (r < lo) {
    k++;
    r = exact ? k / whole : k * tick;
  }
  return r >= lo && r <= hi ? r : price;
}
