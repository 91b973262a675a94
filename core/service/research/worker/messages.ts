import type { ResolvedSpec } from '../../../config/loadSpec';
import type { FlatMetrics } from '../../../research/flatMetrics';
import type { Combination } from '../../../research/where';
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

export interface SweepRow {
  index: number;
  metrics: FlatMetrics;
  /** Per-session simple returns, for the overfitting statistics. */
  returns: Float64Array;
  /** Return periods per year of the data (what the run's Sharpe is annualised with). */
  periodsPerYear: number;
  ts: Float64Array | null;
  equity: Float64Array | null;
}
