import type { ResolvedSpec } from '../../../config/loadSpec';
import type { FlatMetrics } from '../../../research/flatMetrics';
import type { Combination } from '../../../research/where';
import type { PboLayout } from '../../../research/stats/pbo';
import type { TrialStats } from '../../../research/trialStats';
import type { RunWindow } from '../evaluator';

/** A batch of combinations for one pool worker. */
export interface SweepTask {
  spec: ResolvedSpec;
  /** The database a store-sourced spec reads its bars from (null: no store source). */
  dbPath: string | null;
  combinations: { index: number; params: Combination }[];
  window: RunWindow | null;
  /** Also send each run's session stamps and equity (walk-forward stitching needs them; a sweep does not). */
  withEquity: boolean;
}

/** A share of one PBO computation: every combination's block sums, block-major in shared memory, and the pairs to score. */
export interface PboTask {
  sum: Float64Array;
  sumSquares: Float64Array;
  layout: PboLayout;
  from: number;
  to: number;
}

export interface SweepRow {
  index: number;
  metrics: FlatMetrics;
  /** What the overfitting statistics need of its session returns. */
  trial: TrialStats;
  /** Return periods per year of the data (what the run's Sharpe is annualised with). */
  periodsPerYear: number;
  ts: Float64Array | null;
  equity: Float64Array | null;
}
