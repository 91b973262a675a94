import { trialBlockSums } from './stats/blockSums';
import { returnMoments, type ReturnMoments } from './stats/moments';
import { blockLayoutOf } from './stats/pbo';

/**
 * What the overfitting statistics need of one combination's session returns, taken where the returns are (a
 * sweep's worker): their moments for the deflated Sharpe ratio and their CSCV block sums for the PBO. A few
 * dozen numbers travel and are kept per combination instead of every return.
 */
export interface TrialStats {
  /** Number of returns (sessions − 1): every combination of one sweep has the same. */
  rows: number;
  moments: ReturnMoments;
  /** Block sums then block sums of squares (2·S numbers, S decided by `rows`); null when too short for CSCV. */
  blocks: Float64Array | null;
}

export function trialStats(returns: Float64Array): TrialStats {
  const layout = blockLayoutOf(returns.length);
  return { rows: returns.length, moments: returnMoments(returns), blocks: layout && trialBlockSums(returns, layout) };
}

/** The per-period Sharpe ratio of a trial (mean / sample std), null when undefined. */
export function trialSharpe(t: TrialStats): number | null {
  const { mean, std } = t.moments;
  return mean === null || std === null || std === 0 ? null : mean / std;
}
