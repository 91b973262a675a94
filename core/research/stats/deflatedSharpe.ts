import { returnMoments, type ReturnMoments, type Returns } from './moments';
import { normalCdf, normalQuantile } from './normal';

/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/** Fewer returns than this leave the Sharpe ratio's skew and kurtosis meaningless: the result's fields are null. */
const MIN_OBSERVATIONS = 3;

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado), the probability that the true Sharpe ratio exceeds
 * the benchmark SR*, given the estimate's sample length and the returns' non-normality:
 *   PSR(SR*) = Φ( (SR − SR*)·sqrt(n − 1) / sqrt(1 − γ3·SR + (γ4 − 1)/4·SR²) )
 * with SR and SR* per period (not annualised), n the number of returns, γ3 the skewness and γ4 the
 * non-excess kurtosis (3 for normal returns). Null when an input is not finite, n < 2, or the moments are
 * inconsistent so that the variance term is not positive.
 */
export function probabilisticSharpe(sr: number, srBenchmark: number, n: number, skew: number, kurtosis: number): number | null {
  if (![sr, srBenchmark, n, skew, kurtosis].every(Number.isFinite) || n < 2) return null;
  const variance = 1 - skew * sr + ((kurtosis - 1) / 4) * sr * sr;
  if (!(variance > 0)) return null;
  return normalCdf(((sr - srBenchmark) * Math.sqrt(n - 1)) / Math.sqrt(variance));
}

/**
 * Expected maximum Sharpe ratio of N independent trials whose true Sharpe ratio is 0 (the "false strategy"
 * benchmark of the deflated Sharpe ratio):
 *   SR0 = sqrt(V[SR]) · ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))),  γ the Euler–Mascheroni constant,
 * V[SR] the variance of the trials' Sharpe ratios (same per-period units as the result). One trial has
 * nothing to select from: SR0 = 0. Throws unless trials is an integer >= 1 and the variance finite and >= 0.
 */
export function expectedMaxSharpe(trials: number, sharpeVariance: number): number {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`expectedMaxSharpe: trials must be an integer >= 1, got ${trials}`);
  if (!(Number.isFinite(sharpeVariance) && sharpeVariance >= 0)) {
    throw new RangeError(`expectedMaxSharpe: sharpeVariance must be finite and >= 0, got ${sharpeVariance}`);
  }
  if (trials === 1) return 0;
  const z = (1 - EULER_GAMMA) * normalQuantile(1 - 1 / trials) + EULER_GAMMA * normalQuantile(1 - 1 / (trials * Math.E));
  return Math.sqrt(sharpeVariance) * z;
}

/** Where V[SR] comes from: the per-period Sharpe ratio of every trial, or the variance itself. */
export type SharpeDispersion =
  | {
      /** Per-period Sharpe ratio of every trial; null or non-finite entries (degenerate trials) are skipped. */
      trialSharpes: Float64Array | ReadonlyArray<number | null>;
      sharpeVariance?: never;
    }
  | {
      /** V[SR] across the trials, in per-period units. */
      sharpeVariance: number;
      trialSharpes?: never;
    };

export type DeflatedSharpeInput = {
  /** Per-period returns of the chosen (best) combination, or their moments when the returns are elsewhere. */
  returns: Returns | ReturnMoments;
  /** N, the number of combinations tried. */
  trials: number;
  /** Return periods per year, to also report annualised Sharpe ratios (x sqrt(periodsPerYear)). */
  periodsPerYear?: number;
} & SharpeDispersion;

/** Every field is finite or null (the result goes to JSON). Sharpe ratios are per period unless named annualised. */
export interface DeflatedSharpeResult {
  /** Number of returns of the chosen combination. */
  observations: number;
  /** N. */
  trials: number;
  /** Mean / sample std of the chosen combination's returns; null with fewer than 3 returns or no variance. */
  sharpe: number | null;
  /** γ3 of the chosen returns; null with sharpe. */
  skew: number | null;
  /** γ4 (non-excess) of the chosen returns; null with sharpe. */
  kurtosis: number | null;
  /** V[SR] used: the sample variance (n − 1) of the trial Sharpe ratios, or the given one; null with fewer than 2 usable trial Sharpe ratios. */
  sharpeVariance: number | null;
  /** SR0; 0 for a single trial, null when V[SR] is unknown. */
  expectedMaxSharpe: number | null;
  /** PSR against SR0: the probability (0..1) that the chosen Sharpe ratio is real after N trials; null when either side is. */
  dsr: number | null;
  periodsPerYear: number | null;
  /** sharpe x sqrt(periodsPerYear); null without periodsPerYear or sharpe. */
  sharpeAnnualised: number | null;
  /** expectedMaxSharpe x sqrt(periodsPerYear); null without periodsPerYear or expectedMaxSharpe. */
  expectedMaxSharpeAnnualised: number | null;
}

/** Sample variance (n − 1) of the finite entries; null with fewer than 2. */
function sampleVariance(values: Float64Array | ReadonlyArray<number | null>): number | null {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v !== null && Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n < 2) return null;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) ss += (v - mean) ** 2;
  return ss / (n - 1);
}

/**
 * Deflated Sharpe ratio (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio: Correcting for Selection
 * Bias, Backtest Overfitting and Non-Normality"): DSR = PSR(SR0), the probabilistic Sharpe ratio of the chosen
 * combination's returns against the expected maximum Sharpe ratio SR0 of N trials with no skill. It
 * discounts the best Sharpe ratio for how many combinations were tried, how short the sample is, and how
 * skewed and fat-tailed its returns are. With N = 1, SR0 = 0 and DSR is the PSR against 0.
 */
export function deflatedSharpe(input: DeflatedSharpeInput): DeflatedSharpeResult {
  const { returns, trials, periodsPerYear } = input;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`deflatedSharpe: trials must be an integer >= 1, got ${trials}`);
  if (periodsPerYear !== undefined && !(Number.isFinite(periodsPerYear) && periodsPerYear > 0)) {
    throw new RangeError(`deflatedSharpe: periodsPerYear must be a positive number, got ${periodsPerYear}`);
  }
  const sharpeVariance = input.trialSharpes !== undefined ? sampleVariance(input.trialSharpes) : input.sharpeVariance;
  const sr0 = sharpeVariance === null ? (trials === 1 ? 0 : null) : expectedMaxSharpe(trials, sharpeVariance);
  const { observations, mean, std, skew, kurtosis } = 'observations' in returns ? returns : returnMoments(returns);
  const chosen =
    observations >= MIN_OBSERVATIONS && mean !== null && std !== null && std > 0 && skew !== null && kurtosis !== null
      ? { sharpe: mean / std, skew, kurtosis }
      : null;
  const dsr = chosen !== null && sr0 !== null ? probabilisticSharpe(chosen.sharpe, sr0, observations, chosen.skew, chosen.kurtosis) : null;
  const annualise = (x: number | null): number | null => (x === null || periodsPerYear === undefined ? null : x * Math.sqrt(periodsPerYear));
  return {
    observations,
    trials,
    sharpe: chosen?.sharpe ?? null,
    skew: chosen?.skew ?? null,
    kurtosis: chosen?.kurtosis ?? null,
    sharpeVariance,
    expectedMaxSharpe: sr0,
    dsr,
    periodsPerYear: periodsPerYear ?? null,
    sharpeAnnualised: annualise(chosen?.sharpe ?? null),
    expectedMaxSharpeAnnualised: annualise(sr0),
  };
}
