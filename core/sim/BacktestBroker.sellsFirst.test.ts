import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySeries } from '../data/seriesFromBars';
import type { Fill } from '../domain/order';
import { testMarket } from './testMarket';

const SYMBOLS = ['A', 'B', 'C', 'D'];
const flat = (p: number) => Array.from({ length: 3 }, () => [p, p * 1.01, p * 0.99, p, 1e9]);

describe('BacktestBroker matching order (property)', () => {
  it('fills every order that reduces or closes a position before any that adds exposure, across instruments and whatever the submit order', () => {
    fc.assert(
      fc.property(
        fc.tuple(...SYMBOLS.map(() => fc.integer({ min: -50, max: 50 }))),
        // What a planner sends per instrument: nothing, one buy or sell, or a flip (a close, then an open the other way).
        fc.tuple(...SYMBOLS.map(() => fc.record({ kind: fc.constantFrom('none', 'buy', 'sell', 'flip'), qty: fc.integer({ min: 1, max: 40 }) }))),
        // The order the instruments' orders are submitted in.
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (start, plan, submitOrder) => {
          const orders: { inst: string; buy: boolean; qty: number }[] = [];
          for (const i of submitOrder) {
            const { kind, qty } = plan[i];
            const inst = SYMBOLS[i];
            if (kind === 'buy' || kind === 'sell') orders.push({ inst, buy: kind === 'buy', qty });
            else if (kind === 'flip' && start[i] !== 0) {
              orders.push({ inst, buy: start[i] < 0, qty: Math.abs(start[i]) });
              orders.push({ inst, buy: start[i] > 0, qty });
            }
          }
          fc.pre(orders.length > 0);
          const { broker, step } = testMarket(
            SYMBOLS.map((s, i) => dailySeries(s, flat(10 + i))),
            { sim: { commission: { model: 'none' }, account: { type: 'margin', max_leverage: 100 } }, initialCash: 1e6 },
          );
          // Day 1 builds the starting positions.
          SYMBOLS.forEach((s, i) => {
            if (start[i] !== 0) broker.submitOrder({ instrument: s, side: start[i] > 0 ? 'BUY' : 'SELL', type: 'MARKET', quantity: Math.abs(start[i]), timeInForce: 'DAY' });
          });
          step();
          const before = new Map(SYMBOLS.map((s, i) => [s, start[i]]));
          const fills: Fill[] = [];
          broker.subscribe((e) => {
            if (e.type === 'OrderFilled') fills.push(e.fill);
          }, ['OrderFilled']);
          for (const o of orders) broker.submitOrder({ instrument: o.inst, side: o.buy ? 'BUY' : 'SELL', type: 'MARKET', quantity: o.qty, timeInForce: 'DAY' });
          step();
          expect(fills).toHaveLength(orders.length);
          // Whether each fill cut the position it met.
          const held = new Map(before);
          const reduced = fills.map((f) => {
            const q = held.get(f.instrument) ?? 0;
            const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
            held.set(f.instrument, q + signed);
            return q * signed < 0;
          });
          const firstAdding = reduced.indexOf(false);
          if (firstAdding >= 0) expect(reduced.slice(firstAdding)).not.toContain(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
