import type { Overfitting } from '../ipc/contract/research';
import { deflatedSharpe } from './stats/deflatedSharpe';
import { sharpeRatio } from './stats/moments';
import { probabilityOfBacktestOverfitting, type PboResult } from './stats/pbo';
import { dsrReading, pboReading } from './stats/reading';

export type OverfittingStats = Overfitting;

/**
 * How far to trust a sweep's best result: the deflated Sharpe ratio of the best combination given every trial,
 * and the probability of backtest overfitting over all combinations' session returns (one series per
 * combination, all over the same sessions). A statistic the data cannot support is null, never an error.
 * `computed` is the PBO when it was already computed (e.g. shared among threads); it is computed here otherwise.
 */
export function overfittingOf(returns: readonly Float64Array[], best: number, periodsPerYear: number, computed?: PboResult | null): OverfittingStats {
  const trials = returns.length;
  const d = deflatedSharpe({ returns: returns[best], trials, trialSharpes: returns.map(sharpeRatio), periodsPerYear });
  const supported = trials >= 2 && returns[0].length >= 4;
  const p = computed !== undefined ? computed : supported ? probabilityOfBacktestOverfitting(returns) : null;
  const pbo: OverfittingStats['pbo'] = p && { pbo: p.pbo, partitions: p.partitions, splits: p.splits, probabilityOfLoss: p.probabilityOfLoss, reading: pboReading(p.pbo) };
  return {
    deflatedSharpe: {
      dsr: d.dsr,
      sharpeAnnualised: d.sharpeAnnualised,
      expectedMaxSharpeAnnualised: d.expectedMaxSharpeAnnualised,
      trials,
      skew: d.skew,
      kurtosis: d.kurtosis,
      observations: d.observations,
      reading: dsrReading(d.dsr, trials),
    },
    pbo,
  };
}
