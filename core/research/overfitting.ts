import type { Overfitting } from '../ipc/contract/research';
import { deflatedSharpe } from './stats/deflatedSharpe';
import { combinePbo, layoutFor, pboPartOfBlocks, type PboLayout, type PboResult } from './stats/pbo';
import { dsrReading, pboReading } from './stats/reading';
import { trialSharpe, type TrialStats } from './trialStats';

export type OverfittingStats = Overfitting;

/**
 * The trials' block sums laid out block-major (block b, trial i at b·N + i) for CSCV, with their layout; null
 * when the trials cannot support a PBO (fewer than 2, or too few sessions). Every trial must span the same rows.
 */
export function pboInput(trials: readonly TrialStats[]): { layout: PboLayout; sum: Float64Array; sumSquares: Float64Array } | null {
  const n = trials.length;
  if (n < 2 || trials[0].blocks === null) return null;
  const rows = trials[0].rows;
  const ragged = trials.findIndex((t) => t.rows !== rows);
  if (ragged !== -1) throw new RangeError(`trial ${ragged} has ${trials[ragged].rows} returns, trial 0 has ${rows}`);
  const layout = layoutFor(n, rows);
  const s = layout.partitions;
  const sum = new Float64Array(s * n);
  const sumSquares = new Float64Array(s * n);
  trials.forEach((t, i) => {
    const blocks = t.blocks as Float64Array;
    for (let b = 0; b < s; b++) {
      sum[b * n + i] = blocks[b];
      sumSquares[b * n + i] = blocks[s + b];
    }
  });
  return { layout, sum, sumSquares };
}

/** The deflated Sharpe ratio of the best combination given every trial, with its reading. */
export function deflatedSharpeOf(trials: readonly TrialStats[], best: number, periodsPerYear: number): OverfittingStats['deflatedSharpe'] {
  const n = trials.length;
  const d = deflatedSharpe({ returns: trials[best].moments, trials: n, trialSharpes: trials.map(trialSharpe), periodsPerYear });
  return {
    dsr: d.dsr,
    sharpeAnnualised: d.sharpeAnnualised,
    expectedMaxSharpeAnnualised: d.expectedMaxSharpeAnnualised,
    trials: n,
    skew: d.skew,
    kurtosis: d.kurtosis,
    observations: d.observations,
    reading: dsrReading(d.dsr, n),
  };
}

/** A computed PBO as the statistics report it, with its reading; null when the trials could not support one. */
export function pboStatsOf(p: PboResult | null): OverfittingStats['pbo'] {
  return p && { pbo: p.pbo, partitions: p.partitions, splits: p.splits, probabilityOfLoss: p.probabilityOfLoss, reading: pboReading(p.pbo) };
}

/**
 * How far to trust a sweep's best result: the deflated Sharpe ratio of the best combination given every trial,
 * and the probability of backtest overfitting over all combinations' session returns (all over the same
 * sessions), from each trial's moments and block sums. A statistic the data cannot support is null, never an
 * error. `computed` is the PBO when it was already computed (e.g. shared among threads); it is computed here
 * otherwise.
 */
export function overfittingOf(trials: readonly TrialStats[], best: number, periodsPerYear: number, computed?: PboResult | null): OverfittingStats {
  let p = computed;
  if (p === undefined) {
    const input = pboInput(trials);
    p = input && combinePbo(input.layout, [pboPartOfBlocks(input, input.layout, 0, input.layout.splits / 2)]);
  }
  return { deflatedSharpe: deflatedSharpeOf(trials, best, periodsPerYear), pbo: pboStatsOf(p) };
}
