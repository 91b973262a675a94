import type { ResolvedSpec } from '../../../config/loadSpec';
import type { FlatMetrics } from '../../../research/flatMetrics';
import type { Combination } from '../../../research/where';
import type { PboLayout } from '../../../research/stats/pbo';
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

/** A share of one PBO computation: every combination's returns, row-major in shared memory, and the pairs to score. */
export interface PboTask {
  returns: Float64Array;
  trials: number;
  rows: number;
  layout: PboLayout;
  from: number;
  to: number;
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
