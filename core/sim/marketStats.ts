export interface RollingStats {
  /** Sample standard deviation of the last `window` log returns ending at bar i; NaN before bar `window`. */
  sigma: Float64Array;
  /** Mean volume of the last `window` bars ending at bar i; NaN before bar `window - 1`. */
  adv: Float64Array;
}

/**
 * Per-bar volatility and average volume for the impact model, in one O(n) pass.
 * The variance is updated with a sliding Welford step rather than running sums of squares,
 * because returns are tiny and sum-of-squares cancellation would lose most of their digits.
 */
export function rollingStats(close: Float64Array, volume: Float64Array, window = 20): RollingStats {
  if (!Number.isInteger(window) || window < 2) {
    throw new Error(`rollingStats: window must be an integer >= 2, got ${window}`);
  }
  if (close.length !== volume.length) {
    throw new Error(`rollingStats: close has ${close.length} bars but volume has ${volume.length}`);
  }
  const n = close.length;
  const sigma = new Float64Array(n).fill(Number.NaN);
  const adv = new Float64Array(n).fill(Number.NaN);
  const returns = new Float64Array(n);
  let mean = 0;
  let m2 = 0;
  let volumeSum = 0;

  for (let i = 0; i < n; i++) {
    const c = close[i];
    const v = volume[i];
    if (!(c > 0) || !Number.isFinite(c)) {
      throw new Error(`rollingStats: close[${i}] must be a positive finite price, got ${c}`);
    }
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new Error(`rollingStats: volume[${i}] must be a non-negative finite number, got ${v}`);
    }

    volumeSum += v;
    if (i >= window) volumeSum -= volume[i - window];
    if (i >= window - 1) adv[i] = volumeSum / window;

    if (i === 0) continue;
    const r = Math.log(c / close[i - 1]);
    returns[i] = r;
    if (i > window && (i - window) % window === 0) {
      // Re-anchor from scratch once per window: amortised O(1), and it stops rounding error from building up.
      mean = 0;
      for (let j = i - window + 1; j <= i; j++) mean += returns[j];
      mean /= window;
      m2 = 0;
      for (let j = i - window + 1; j <= i; j++) m2 += (returns[j] - mean) ** 2;
    } else if (i <= window) {
      // Growing phase: plain Welford over returns 1..i.
      const delta = r - mean;
      mean += delta / i;
      m2 += delta * (r - mean);
    } else {
      // Sliding phase: the return at i - window leaves as r enters.
      const old = returns[i - window];
      const oldMean = mean;
      mean += (r - old) / window;
      m2 += (r - old) * (r - mean + old - oldMean);
    }
    if (i >= window) sigma[i] = Math.sqrt(Math.max(m2, 0) / (window - 1));
  }
  return { sigma, adv };
}
