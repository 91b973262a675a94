/** Per-period returns, oldest first. */
export type Returns = Float64Array | readonly number[];

/**
 * Summary moments of a return series, as Bailey & López de Prado use them in the probabilistic and
 * deflated Sharpe ratios. With the central moments taken over the population (divided by n),
 * m_k = Σ (r − mean)^k / n:
 * - skew: γ3 = m3 / m2^(3/2);
 * - kurtosis: γ4 = m4 / m2², NOT excess kurtosis: a normal distribution has 3.
 * The standard deviation is the sample one (divided by n − 1). A value whose definition divides by zero
 * or needs more data is null, never NaN or Infinity (these go to JSON).
 */
export interface ReturnMoments {
  observations: number;
  /** Null without returns. */
  mean: number | null;
  /** sqrt(Σ (r − mean)² / (n − 1)); null with fewer than 2 returns. */
  std: number | null;
  /** γ3; null when the returns do not vary. */
  skew: number | null;
  /** γ4 (non-excess); null when the returns do not vary. */
  kurtosis: number | null;
}

/** True when every return is the same; checked exactly, since a rounded mean leaves residues that look like variance. */
function isConstant(returns: Returns): boolean {
  for (let i = 1; i < returns.length; i++) if (returns[i] !== returns[0]) return false;
  return true;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Mean, sample standard deviation, skewness γ3 and (non-excess) kurtosis γ4, by two passes for accuracy.
 * Throws when a return is not a finite number.
 */
export function returnMoments(returns: Returns): ReturnMoments {
  const n = returns.length;
  if (n === 0) return { observations: 0, mean: null, std: null, skew: null, kurtosis: null };
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(returns[i])) throw new RangeError(`returns[${i}] is not a finite number: ${returns[i]}`);
    sum += returns[i];
  }
  const mean = sum / n;
  if (isConstant(returns)) return { observations: n, mean, std: n < 2 ? null : 0, skew: null, kurtosis: null };
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const m2 = s2 / n;
  return {
    observations: n,
    mean,
    std: Math.sqrt(s2 / (n - 1)),
    skew: finiteOrNull(s3 / n / Math.pow(m2, 1.5)),
    kurtosis: finiteOrNull(s4 / n / (m2 * m2)),
  };
}

/** Per-period (not annualised) Sharpe ratio mean / std, risk-free rate 0, std with n − 1; null when std is 0 or n < 2. */
export function sharpeRatio(returns: Returns): number | null {
  const { mean, std } = returnMoments(returns);
  return mean === null || std === null || std === 0 ? null : mean / std;
}
