import { z } from 'zod';
import type { StrategyDefinition } from '../types';
import { equalWeights, weightParam } from './commonParams';

const params = z.object({ weight: weightParam }).strict();
export type BuyAndHoldParams = z.infer<typeof params>;

export const buyAndHold: StrategyDefinition<BuyAndHoldParams> = {
  name: 'buy-and-hold',
  description: 'Equal weights across all symbols, bought once every symbol has a bar, never rebalanced.',
  params,
  create({ weight }, ctx) {
    let done = false;
    return (_asOf, view) => {
      if (done || !ctx.symbols.every((s) => view.barCount(s) > 0)) return null;
      done = true;
      return { kind: 'weight', values: equalWeights(ctx.symbols, weight) };
    };
  },
};
