import type { Overfitting } from '../ipc/contract/research';
import { deflatedSharpe } from './stats/deflatedSharpe';
import { sharpeRatio } from './stats/moments';
import { probabilityOfBacktestOverfitting } from './stats/pbo';
import { dsrReading, pboReading } from './stats/reading';

export type OverfittingStats = Overfitting;

/**
 * How far to trust a sweep's best result: the deflated Sharpe ratio of the best combination given every trial,
 * and the probability of backtest overfitting over all combinations' session returns (one series per
 * combination, all over the same sessions). A statistic the data cannot support is null, never an error.
 */
export function overfittingOf(returns: readonly Float64Array[], best: number, periodsPerYear: number): OverfittingStats {
  const trials = returns.length;
  const d = deflatedSharpe({ returns: returns[best], trials, trialSharpes: returns.map(sharpeRatio), periodsPerYear });
  let pbo: OverfittingStats['pbo'] = null;
  if (trials >= 2 && returns[0].length >= 4) {
    const p = probabilityOfBacktestOverfitting(returns);
    pbo = { pbo: p.pbo, partitions: p.partitions, splits: p.splits, probabilityOfLoss: p.probabilityOfLoss, reading: pboReading(p.pbo) };
  }
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
