import type { MessagePort } from 'node:worker_threads';
import type { ResolvedSpec } from '../../../config/loadSpec';
import type { BarSeries } from '../../../data/BarSeries';
import type { FlatMetrics } from '../../../research/flatMetrics';
import type { Combination } from '../../../research/where';
import type { PboLayout } from '../../../research/stats/pbo';
import type { TrialStats } from '../../../research/trialStats';
import type { RunWindow } from '../evaluator';

/**
 * One pool worker's share of an evaluation. Every worker of it gets the same task: each takes the next
 * combination not yet taken (`claims`), until none is left or the evaluation is stopped, so the workers finish
 * together whatever their speed, with no round trip between runs. Rows go back through `port` as they are done.
 */
export interface SweepTask {
  spec: ResolvedSpec;
  /** The database a store-sourced spec reads its bars from (null: no store source). */
  dbPath: string | null;
  /**
   * The spec's data as the caller already loaded it, in shared memory (every worker reads the same bars, none
   * copies them); null: the worker loads the data itself, once, and keeps it.
   */
  series: BarSeries[] | null;
  combinations: readonly { index: number; params: Combination }[];
  /** Shared by the evaluation's workers: [CLAIM_NEXT] the next position to take, [CLAIM_STOP] 1 to stop after the current run. */
  claims: Int32Array;
  /** Where the worker posts its rows (RowsMessage), then `null` once it has posted all of them. */
  port: MessagePort;
  window: RunWindow | null;
  /** Also send each run's session stamps and equity (walk-forward stitching needs them; a sweep does not). */
  withEquity: boolean;
}

export const CLAIM_NEXT = 0;
export const CLAIM_STOP = 1;

/** Rows a worker has finished, with the position of each in the task's combinations. */
export interface RowsMessage {
  positions: number[];
  rows: SweepRow[];
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
