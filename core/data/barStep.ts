/**
 * Median spacing of ascending timestamps, in seconds (86400 for daily bars; weekends and holidays do not
 * move the median). 0 when there are fewer than two stamps. An even count takes the mean of the middle two.
 */
export function medianStepSeconds(ts: Float64Array): number {
  const steps = ts.length - 1;
  if (steps < 1) return 0;
  const diffs = new Float64Array(steps);
  for (let i = 0; i < steps; i++) diffs[i] = ts[i + 1] - ts[i];
  diffs.sort();
  const mid = steps >> 1;
  const medianMs = steps % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
  return medianMs / 1000;
}
