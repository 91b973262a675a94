import { z } from 'zod';
import { tradingDay } from '../../data/tradingDay';
import type { Timestamp } from '../../domain/order';
import type { StrategyDefinition, Targets } from '../types';
import { isoWeekKey, monthKey } from './calendar';
import { equalWeights, weightParam } from './commonParams';

const params = z
  .object({
    rebalance: z.enum(['daily', 'weekly', 'monthly']).default('monthly'),
    weight: weightParam,
  })
  .strict();
export type EqualWeightParams = z.infer<typeof params>;

const PERIOD_KEY: Record<EqualWeightParams['rebalance'], (ts: Timestamp) => number> = {
  // Once per trading day, also on intraday bars.
  daily: tradingDay,
  weekly: isoWeekKey,
  monthly: monthKey,
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const equalWeight: StrategyDefinition<EqualWeightParams> = {
  name: 'equal-weight',
  description:
    'Equal weights over the symbols trading at the session, rebalanced every trading day, ISO week or calendar month.',
  params,
  create({ rebalance, weight }, ctx) {
    const keyOf = PERIOD_KEY[rebalance];
    let lastKey: number | null = null;
    let last: { trading: readonly string[]; targets: Targets } | null = null;
    // Whether the strategy's symbols are the data's, in its order: then the view lists those trading now.
    let wholeView: boolean | null = null;
    return (asOf, view) => {
      const key = keyOf(asOf);
      if (key === lastKey) return null;
      wholeView ??= sameList(ctx.symbols, view.symbols);
      const trading = wholeView ? view.tradingNow() : ctx.symbols.filter((s) => view.lastTs(s) === asOf);
      // A session where nothing trades cannot be priced, so the rebalance waits for the next one.
      if (!trading.length) return null;
      lastKey = key;
      // Most sessions trade the same symbols as the last rebalance: the same targets, not built again.
      if (last && sameList(trading, last.trading)) return last.targets;
      last = { trading, targets: { kind: 'weight', values: equalWeights(trading, weight) } };
      return last.targets;
    };
  },
};
