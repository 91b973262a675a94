/** Overfitting statistics for parameter sweeps: deflated Sharpe ratio, probability of backtest overfitting, and their readings. */
export { normalCdf, normalQuantile } from './normal';
export { returnMoments, sharpeRatio, type Returns, type ReturnMoments } from './moments';
export {
  deflatedSharpe,
  expectedMaxSharpe,
  probabilisticSharpe,
  type DeflatedSharpeInput,
  type DeflatedSharpeResult,
  type SharpeDispersion,
} from './deflatedSharpe';
export {
  probabilityOfBacktestOverfitting,
  sharpeFromSums,
  DEFAULT_PARTITIONS,
  MAX_PARTITIONS,
  type LogitSummary,
  type PboOptions,
  type PboResult,
  type PerformanceMeasure,
} from './pbo';
export { dsrReading, pboReading } from './reading';
