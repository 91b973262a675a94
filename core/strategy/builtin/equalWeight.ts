import { z } from 'zod';
import { tradingDay } from '../../data/tradingDay';
import type { Timestamp } from '../../domain/order';
import type { StrategyDefinition } from '../types';
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

export const equalWeight: StrategyDefinition<EqualWeightParams> = {
  name: 'equal-weight',
  description:
    'Equal weights over the symbols trading at the session, rebalanced every trading day, ISO week or calendar month.',
  params,
  create({ rebalance, weight }, ctx) {
    const keyOf = PERIOD_KEY[rebalance];
    let lastKey: number | null = null;
    return (asOf, view) => {
      const key = keyOf(asOf);
      if (key === lastKey) return null;
      const trading = ctx.symbols.filter((s) => view.lastTs(s) === asOf);
      // A session where nothing trades cannot be priced, so the rebalance waits for the next one.
      if (!trading.length) return null;
      lastKey = key;
      return { kind: 'weight', values: equalWeights(trading, weight) };
    };
  },
};
