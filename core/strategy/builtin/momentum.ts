import { z } from 'zod';
import type { StrategyDefinition } from '../types';
import { monthKey } from './calendar';
import { equalWeights, weightParam } from './commonParams';

const params = z
  .object({
    lookback: z.number().int().positive().default(126),
    top: z.number().int().positive().default(10),
    rebalance: z.literal('monthly').default('monthly'),
    weight: weightParam,
  })
  .strict();
export type MomentumParams = z.infer<typeof params>;

export const momentum: StrategyDefinition<MomentumParams> = {
  name: 'momentum',
  description:
    'On the first session of each month, holds the top N symbols by trailing return over `lookback` bars, equally weighted.',
  params,
  create({ lookback, top, weight }, ctx) {
    let lastMonth: number | null = null;
    return (asOf, view) => {
      const month = monthKey(asOf);
      const isNewMonth = month !== lastMonth;
      lastMonth = month;
      if (!isNewMonth) return null;
      const ranked: { symbol: string; ret: number; order: number }[] = [];
      ctx.symbols.forEach((symbol, order) => {
        if (view.barCount(symbol) < lookback + 1) return;
        const ret = view.close(symbol, 0) / view.close(symbol, lookback) - 1;
        if (Number.isFinite(ret)) ranked.push({ symbol, ret, order });
      });
      // Ties keep the universe order so a run is reproducible.
      ranked.sort((a, b) => b.ret - a.ret || a.order - b.order);
      const chosen = ranked.slice(0, top).map((r) => r.symbol);
      return { kind: 'weight', values: equalWeights(chosen, weight) };
    };
  },
};
