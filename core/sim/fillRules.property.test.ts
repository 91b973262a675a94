import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultSimulatorConfig, FILL_TIMINGS } from '../config/simulatorSchema';
import { SIDES, TIME_IN_FORCE } from '../domain/enums';
import { createRng } from './rng';
import { MATCH_TYPES, matchOrder, type MatchBar, type MatchContext, type MatchOrder } from './fillRules';

const price = fc.double({ min: 1, max: 200, noNaN: true });

/** A consistent bar plus an order whose prices sit near (inside or just outside) its range. */
const scenario = fc
  .record({
    a: price,
    b: price,
    openAt: fc.double({ min: 0, max: 1, noNaN: true }),
    closeAt: fc.double({ min: 0, max: 1, noNaN: true }),
    volume: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
    limitAt: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    stopAt: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    side: fc.constantFrom(...SIDES),
    type: fc.constantFrom(...MATCH_TYPES),
    timeInForce: fc.constantFrom(...TIME_IN_FORCE),
    remaining: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0.01, max: 1000, noNaN: true })),
    triggered: fc.boolean(),
    phase: fc.constantFrom('decision' as const, 'bar' as const),
    capacity: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 100_000, noNaN: true })),
    timing: fc.constantFrom(...FILL_TIMINGS),
    slippageBps: fc.double({ min: 0, max: 500, noNaN: true }),
    spreadBps: fc.double({ min: 0, max: 500, noNaN: true }),
    impactK: fc.double({ min: 0, max: 5, noNaN: true }),
    sigma: fc.oneof(fc.constant(Number.NaN), fc.double({ min: 0, max: 0.2, noNaN: true })),
    adv: fc.oneof(fc.constant(Number.NaN), fc.constant(0), fc.double({ min: 1, max: 1e7, noNaN: true })),
    limitFill: fc.constantFrom('touch' as const, 'penetrate' as const),
    seed: fc.integer(),
    tickSize: fc.constantFrom(0, 0.01, 0.0001, 0.05, 0.25, 0.003),
  })
  .map((s) => {
    const low = Math.min(s.a, s.b);
    const high = Math.max(s.a, s.b);
    const at = (f: number): number => low + f * (high - low);
    const bar: MatchBar = { open: at(s.openAt), high, low, close: at(s.closeAt), volume: s.volume };
    const order: MatchOrder = {
      side: s.side,
      type: s.type,
      timeInForce: s.timeInForce,
      limitPrice: at(s.limitAt),
      stopPrice: at(s.stopAt),
      remaining: s.remaining,
      triggered: s.triggered,
    };
    const ctx: MatchContext = {
      sim: {
        ...defaultSimulatorConfig(),
        fill_timing: s.timing,
        slippage_bps: s.slippageBps,
        spread_bps: s.spreadBps,
        impact_k: s.impactK,
        limit_fill: s.limitFill,
      },
      phase: s.phase,
      capacity: s.capacity,
      sigmaDaily: s.sigma,
      adv20: s.adv,
      rng: createRng(s.seed),
      tickSize: s.tickSize,
    };
    return { bar, order, ctx };
  });

describe('matchOrder properties', () => {
  it('every fill lies within [low, high], never worse than a limit, never above remaining or capacity', () => {
    fc.assert(
      fc.property(scenario, ({ bar, order, ctx }) => {
        const r = matchOrder(order, bar, ctx);
        if (r.quantity === 0) return;
        expect(r.price).toBeGreaterThanOrEqual(bar.low);
        expect(r.price).toBeLessThanOrEqual(bar.high);
        expect(r.quantity).toBeLessThanOrEqual(order.remaining);
        expect(r.quantity).toBeLessThanOrEqual(ctx.capacity);
        if (order.type === 'LIMIT' || order.type === 'STOP_LIMIT') {
          const limit = order.limitPrice ?? Number.NaN;
          if (order.side === 'BUY') expect(r.price).toBeLessThanOrEqual(limit);
          else expect(r.price).toBeGreaterThanOrEqual(limit);
        }
        // Costs only ever move the price against the trader; rounding to the tick gives back at most a tick.
        const tick = ctx.tickSize;
        if (order.side === 'BUY') expect(r.price).toBeGreaterThanOrEqual(Math.min(r.referencePrice, bar.high) - tick);
        else expect(r.price).toBeLessThanOrEqual(Math.max(r.referencePrice, bar.low) + tick);
        // On the grid, unless no tick lies in the bounds the fill must respect (the bar, the limit).
        if (tick === 0.01 && Math.abs(r.price * 100 - Math.round(r.price * 100)) > 1e-6) {
          const limited = order.type === 'LIMIT' || order.type === 'STOP_LIMIT';
          const lo = order.side === 'SELL' && limited ? Math.max(bar.low, order.limitPrice ?? -Infinity) : bar.low;
          const hi = order.side === 'BUY' && limited ? Math.min(bar.high, order.limitPrice ?? Infinity) : bar.high;
          expect(Math.ceil(lo * 100 - 1e-7)).toBeGreaterThan(Math.floor(hi * 100 + 1e-7));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('a sell is the mirror image of a buy on the negated bar', () => {
    fc.assert(
      fc.property(scenario, ({ bar, order, ctx }) => {
        const sell = matchOrder({ ...order, side: 'SELL' }, bar, { ...ctx, rng: () => 0.5 });
        const mirrored: MatchBar = { open: -bar.open, high: -bar.low, low: -bar.high, close: -bar.close, volume: bar.volume };
        const buy = matchOrder(
          {
            ...order,
            side: 'BUY',
            limitPrice: order.limitPrice === null ? null : -order.limitPrice,
            stopPrice: order.stopPrice === null ? null : -order.stopPrice,
          },
          mirrored,
          { ...ctx, rng: () => 0.5 },
        );
        expect(sell.quantity).toBe(buy.quantity);
        expect(sell.triggered).toBe(buy.triggered);
        if (sell.quantity > 0) {
          expect(sell.price).toBeCloseTo(-buy.price, 9);
          expect(sell.referencePrice).toBeCloseTo(-buy.referencePrice, 9);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
