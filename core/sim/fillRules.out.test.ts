import { describe, expect, it } from 'vitest';
import { simulatorSchema } from '../config/simulatorSchema';
import { createRng } from './rng';
import { matchOrder, type MatchContext, type MatchOrder, type MatchResult } from './fillRules';

describe('matchOrder into a reused result', () => {
  it('fills the given object with exactly what a fresh result holds', () => {
    const ctx: MatchContext = {
      sim: simulatorSchema.parse({}),
      phase: 'bar',
      capacity: Number.POSITIVE_INFINITY,
      sigmaDaily: Number.NaN,
      adv20: Number.NaN,
      rng: createRng(1),
      tickSize: 0.01,
    };
    const bar = { open: 100, high: 105, low: 95, close: 102, volume: 1e6 };
    const out: MatchResult = { quantity: -1, price: -1, referencePrice: -1, triggered: true };
    const orders: MatchOrder[] = [
      { side: 'BUY', type: 'MARKET', timeInForce: 'DAY', limitPrice: null, stopPrice: null, remaining: 10, triggered: false },
      { side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', limitPrice: 104, stopPrice: null, remaining: 5, triggered: false },
      { side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', limitPrice: 90, stopPrice: null, remaining: 5, triggered: false },
      { side: 'BUY', type: 'STOP', timeInForce: 'GTC', limitPrice: null, stopPrice: 103, remaining: 5, triggered: false },
    ];
    for (const o of orders) {
      const fresh = matchOrder(o, bar, ctx);
      const reused = matchOrder(o, bar, ctx, out);
      expect(reused).toBe(out);
      expect({ ...reused }).toEqual(fresh);
      expect(matchOrder(o, bar, ctx)).not.toBe(out);
    }
  });
});
