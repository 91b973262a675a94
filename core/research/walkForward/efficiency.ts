/** A window's annualised returns, in %, as flat metrics name them (`annual_return_pct`); null when undefined. */
export interface AnnualReturns {
  inSample: number | null;
  outOfSample: number | null;
}

/**
 * Walk-forward efficiency: the mean over windows of (annualised out-of-sample return / annualised in-sample
 * return) of the chosen parameters. Annualised returns are geometric per session (`annual_return_pct`), so windows
 * of different lengths compare. A window whose in-sample return is not positive is left out (the ratio's sign
 * would flip and mean nothing), as is one whose out-of-sample return is undefined. Null when no window is left.
 * About 1: the parameters earned out of sample what they earned in sample; near 0 or below: they did not carry.
 */
export function walkForwardEfficiency(windows: readonly AnnualReturns[]): number | null {
  let sum = 0;
  let count = 0;
  for (const { inSample, outOfSample } of windows) {
    if (inSample === null || !(inSample > 0) || outOfSample === null) continue;
    sum += outOfSample / inSample;
    count++;
  }
  const mean = count === 0 ? null : sum / count;
  return mean !== null && Number.isFinite(mean) ? mean : null;
}
