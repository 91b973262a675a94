import { checkTargets } from './checkTargets';
import type { StrategyFn } from './types';

/**
 * Wraps a user strategy so that a bad return value fails the session with the strategy's label and
 * what was expected ("./my.ts returned bad targets: unknown symbol ..."); the runner adds the date.
 */
export function guardStrategy(fn: StrategyFn, label: string, symbols: readonly string[]): StrategyFn {
  const universe = new Set(symbols);
  return (asOf, view, portfolio) => {
    const value: unknown = fn(asOf, view, portfolio);
    try {
      return checkTargets(value, universe);
    } catch (err) {
      throw new Error(`${label} returned bad targets: ${(err as Error).message}`, { cause: err });
    }
  };
}
