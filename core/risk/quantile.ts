/**
 * The p-quantile of a sample by linear interpolation between order statistics (Hyndman & Fan type 7,
 * the default of R, numpy and Excel's PERCENTILE.INC): with the sample sorted ascending x[0..n−1] and
 * h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('quantile: the sample is empty');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be within [0, 1], got ${p}`);
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
