import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Side } from '../domain/enums';
import { accountSchema, plannerSchema, type AccountConfig, type PlannerConfig } from '../config/simulatorSchema';
import { planOrders, type PlanCosts, type PlanInput, type PlannedOrder } from './planner';

const free: PlanCosts = {
  buyPrice: (_i, price) => price,
  sellPrice: (_i, price) => price,
  fee: () => 0,
};

function input(over: Partial<PlanInput> & { priceMap?: Record<string, number> }): PlanInput {
  const priceMap = over.priceMap ?? { A: 100, B: 50, C: 10 };
  return {
    targets: { kind: 'quantity', values: new Map() },
    positions: new Map(),
    pending: new Map(),
    prices: (i) => priceMap[i],
    equity: 100_000,
    cash: 100_000,
    planner: plannerSchema.parse({}),
    costs: free,
    account: accountSchema.parse({}),
    ...over,
  };
}

const qty = (values: Record<string, number>) => ({ kind: 'quantity' as const, values: new Map(Object.entries(values)) });
const pos = (values: Record<string, number>) => new Map(Object.entries(values));
const brief = (orders: PlannedOrder[]) => orders.map((o) => `${o.action} ${o.side} ${o.quantity} ${o.instrument}`);

describe('planOrders classification', () => {
  it('classifies open, increase, reduce and close', () => {
    const orders = planOrders(
      input({
        targets: qty({ A: 10, B: -5, C: 30, D: 2 }),
        positions: pos({ C: 20, D: 7, E: 4 }),
        priceMap: { A: 100, B: 50, C: 10, D: 10, E: 10 },
      }),
    );
    expect(brief(orders)).toEqual([
      'REDUCE SELL 5 D',
      'CLOSE SELL 4 E',
      'OPEN_SHORT SELL 5 B',
      'OPEN_LONG BUY 10 A',
      'INCREASE BUY 10 C',
    ]);
  });

  it('classifies short-side increase, reduce and cover', () => {
    const orders = planOrders(input({ targets: qty({ A: -20, B: -2 }), positions: pos({ A: -10, B: -5, C: -3 }) }));
    expect(brief(orders)).toEqual(['REDUCE BUY 3 B', 'CLOSE BUY 3 C', 'INCREASE SELL 10 A']);
  });

  it('splits a delta that crosses zero into CLOSE then OPEN', () => {
    const longToShort = planOrders(input({ targets: qty({ A: -4 }), positions: pos({ A: 6 }) }));
    expect(brief(longToShort)).toEqual(['CLOSE SELL 6 A', 'OPEN_SHORT SELL 4 A']);
    const shortToLong = planOrders(input({ targets: qty({ A: 4 }), positions: pos({ A: -6 }) }));
    expect(brief(shortToLong)).toEqual(['CLOSE BUY 6 A', 'OPEN_LONG BUY 4 A']);
  });

  it('counts pending orders as already on the way', () => {
    const orders = planOrders(input({ targets: qty({ A: 10, B: 5 }), positions: pos({ A: 4 }), pending: pos({ A: 6, B: 2 }) }));
    expect(brief(orders)).toEqual(['INCREASE BUY 3 B']);
  });

  it('sizes weights against equity and price', () => {
    const orders = planOrders(input({ targets: { kind: 'weight', values: new Map([['A', 0.5], ['B', -0.25]]) } }));
    expect(brief(orders)).toEqual(['OPEN_SHORT SELL 500 B', 'OPEN_LONG BUY 500 A']);
  });
});

describe('planOrders rounding and minimums', () => {
  const planner = (over: Partial<PlannerConfig>) => plannerSchema.parse(over);

  it('rounds toward zero to the lot size, but closes odd positions exactly', () => {
    const weights = { kind: 'weight' as const, values: new Map([['A', 0.157], ['B', -0.157]]) };
    const lots = planOrders(input({ targets: weights, equity: 10_000, planner: planner({ lot_size: 5 }) }));
    expect(brief(lots)).toEqual(['OPEN_SHORT SELL 30 B', 'OPEN_LONG BUY 15 A']);
    const closing = planOrders(input({ targets: qty({}), positions: pos({ A: 7 }), planner: planner({ lot_size: 5 }) }));
    expect(brief(closing)).toEqual(['CLOSE SELL 7 A']);
    const odd = planOrders(input({ targets: qty({ A: 20 }), positions: pos({ A: 7 }), planner: planner({ lot_size: 5 }) }));
    expect(brief(odd)).toEqual(['INCREASE BUY 10 A']);
  });

  it('keeps fractional quantities when lot_size is 0', () => {
    const orders = planOrders(
      input({ targets: { kind: 'weight', values: new Map([['A', 0.001]]) }, planner: planner({ lot_size: 0, min_order_quantity: 0 }) }),
    );
    expect(orders).toHaveLength(1);
    expect(orders[0].quantity).toBeCloseTo(1, 12);
    const tiny = planOrders(
      input({ targets: { kind: 'weight', values: new Map([['A', 0.000123]]) }, planner: planner({ lot_size: 0, min_order_quantity: 0 }) }),
    );
    expect(tiny[0].quantity).toBeCloseTo(0.123, 12);
  });

  it('drops orders under min_order_quantity or min_order_value', () => {
    const byQty = planOrders(
      input({ targets: qty({ A: 3, B: 10 }), planner: planner({ min_order_quantity: 5 }) }),
    );
    expect(brief(byQty)).toEqual(['OPEN_LONG BUY 10 B']);
    const byValue = planOrders(input({ targets: qty({ A: 3, C: 20 }), planner: planner({ min_order_value: 250 }) }));
    expect(brief(byValue)).toEqual(['OPEN_LONG BUY 3 A']);
  });
});

describe('planOrders ordering and shorts', () => {
  it('puts sells and reductions before buys', () => {
    const orders = planOrders(
      input({ targets: qty({ A: 10, B: 0, C: -5 }), positions: pos({ B: 8, C: -10 }) }),
    );
    const firstBuyOpen = orders.findIndex((o) => o.side === 'BUY' && o.action !== 'CLOSE' && o.action !== 'REDUCE');
    const lastSell = orders.map((o) => o.side).lastIndexOf('SELL');
    expect(lastSell).toBeLessThan(firstBuyOpen);
    expect(brief(orders)).toEqual(['CLOSE SELL 8 B', 'REDUCE BUY 5 C', 'OPEN_LONG BUY 10 A']);
  });

  it('never opens shorts when allow_short is false, and covers existing ones', () => {
    const account = accountSchema.parse({ allow_short: false });
    const orders = planOrders(
      input({ account, targets: qty({ A: -10, B: -5, C: 4 }), positions: pos({ B: -3, C: 6 }) }),
    );
    expect(brief(orders)).toEqual(['CLOSE BUY 3 B', 'REDUCE SELL 2 C']);
  });

  it('reports a bad price naming the instrument', () => {
    expect(() => planOrders(input({ targets: qty({ X: 1 }), priceMap: { X: Number.NaN } }))).toThrow(/price for X/);
  });
});

/** Spread + slippage, square-root impact and an IBKR-like fee (minimum, capped at 1% of value). */
function realisticCosts(bps: number, impact: number): PlanCosts {
  const fee = (_side: Side, q: number, price: number): number =>
    Math.min(Math.max(1, 0.005 * q), 0.01 * q * price);
  return {
    buyPrice: (_i, price, q) => price * (1 + bps / 1e4 + impact * Math.sqrt(q / 1e4)),
    sellPrice: (_i, price, q) => price * (1 - bps / 1e4 - impact * Math.sqrt(q / 1e4)),
    fee,
  };
}

function execute(plan: PlannedOrder[], start: number, prices: Record<string, number>, costs: PlanCosts): number {
  let cash = start;
  for (const o of plan) {
    const base = prices[o.instrument];
    if (o.side === 'SELL') {
      const px = costs.sellPrice(0, base, o.quantity);
      cash += o.quantity * px - costs.fee('SELL', o.quantity, px);
    } else {
      const px = costs.buyPrice(0, base, o.quantity);
      cash -= o.quantity * px + costs.fee('BUY', o.quantity, px);
    }
  }
  return cash;
}

describe('planOrders cash safety (property)', () => {
  const symbols = ['A', 'B', 'C', 'D', 'E'];
  const scenario = fc.record({
    prices: fc.tuple(...symbols.map(() => fc.double({ min: 0.5, max: 2000, noNaN: true }))),
    held: fc.tuple(...symbols.map(() => fc.integer({ min: -500, max: 2000 }))),
    cash: fc.double({ min: 0, max: 1e6, noNaN: true }),
    rawWeights: fc.tuple(...symbols.map(() => fc.double({ min: 0, max: 1, noNaN: true }))),
    single: fc.option(fc.constantFrom(...symbols), { nil: undefined }),
    lot: fc.constantFrom(0, 1, 10, 100),
    minQty: fc.constantFrom(0, 1, 5),
    bps: fc.double({ min: 0, max: 50, noNaN: true }),
    impact: fc.constantFrom(0, 0.05, 0.5),
    allowShort: fc.boolean(),
    pendingBuy: fc.integer({ min: 0, max: 50 }),
  });

  it('leaves cash >= 0 after the planned sells and buys on a cash account', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const prices = Object.fromEntries(symbols.map((sym, i) => [sym, s.prices[i]]));
        const positions = new Map(symbols.map((sym, i): [string, number] => [sym, s.held[i]]).filter(([, q]) => q !== 0));
        const equity = s.cash + s.held.reduce((sum, q, i) => sum + q * s.prices[i], 0);
        const total = s.rawWeights.reduce((a, b) => a + b, 0);
        const weights = s.single !== undefined || total === 0
          ? new Map([[s.single ?? 'A', 1]])
          : new Map(symbols.map((sym, i) => [sym, s.rawWeights[i] / total]));
        const costs = realisticCosts(s.bps, s.impact);
        const pendingCost = s.pendingBuy > 0 ? s.pendingBuy * costs.buyPrice(0, prices.A, s.pendingBuy) + costs.fee('BUY', s.pendingBuy, prices.A) : 0;
        fc.pre(s.cash >= pendingCost);
        const plan = planOrders({
          targets: { kind: 'weight', values: weights },
          positions,
          pending: s.pendingBuy > 0 ? new Map([['A', s.pendingBuy]]) : new Map(),
          prices: (i) => prices[i],
          equity,
          cash: s.cash,
          planner: plannerSchema.parse({ lot_size: s.lot, min_order_quantity: s.minQty }),
          costs,
          account: accountSchema.parse({ type: 'cash', max_leverage: 1, allow_short: s.allowShort }),
        });
        const pendingFilled = s.cash - pendingCost;
        expect(execute(plan, pendingFilled, prices, costs)).toBeGreaterThanOrEqual(-1e-9);
        for (const o of plan) expect(o.quantity).toBeGreaterThan(0);
        if (!s.allowShort) {
          // The working buy fills too: it was counted as already on the way.
          const after = new Map(positions);
          if (s.pendingBuy > 0) after.set('A', (after.get('A') ?? 0) + s.pendingBuy);
          for (const o of plan) after.set(o.instrument, (after.get(o.instrument) ?? 0) + (o.side === 'BUY' ? o.quantity : -o.quantity));
          for (const [sym, q] of after) if ((positions.get(sym) ?? 0) >= 0) expect(q).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('uses most of the cash when buying into an empty cash account', () => {
    const account: AccountConfig = accountSchema.parse({ type: 'cash', max_leverage: 1 });
    const costs = realisticCosts(10, 0);
    const plan = planOrders(
      input({ account, costs, cash: 10_000, equity: 10_000, targets: { kind: 'weight', values: new Map([['A', 1]]) } }),
    );
    expect(brief(plan)).toEqual(['OPEN_LONG BUY 99 A']);
    expect(execute(plan, 10_000, { A: 100 }, costs)).toBeGreaterThanOrEqual(0);
  });

  it('keeps opening buys within equity x max_leverage on a margin account', () => {
    const account = accountSchema.parse({ type: 'margin', max_leverage: 2 });
    const plan = planOrders(
      input({
        account,
        equity: 10_000,
        cash: 0,
        positions: pos({ B: 200 }),
        targets: { kind: 'weight', values: new Map([['A', 3], ['B', 1]]) },
      }),
    );
    // Headroom: 2 x 10,000 - 10,000 held in B = 10,000 => 100 A at 100.
    expect(brief(plan)).toEqual(['OPEN_LONG BUY 100 A']);
  });
});

describe('planOrders rebalance band', () => {
  const w = (values: Record<string, number>) => ({ kind: 'weight' as const, values: new Map(Object.entries(values)) });
  // Equity 100,000; A at 100, B at 50.
  const band = (over: Partial<PlannerConfig> = {}) => plannerSchema.parse(over);

  it('leaves a position alone while its weight is within min(band, relative x target) of the target', () => {
    // A at 0.53 of equity, target 0.5: 3 points off, under min(0.05, 0.25 x 0.5 = 0.125).
    expect(brief(planOrders(input({ targets: w({ A: 0.5 }), positions: pos({ A: 530 }), planner: band() })))).toEqual([]);
    // 6 points off: over the band, resized all-in to 500.
    expect(brief(planOrders(input({ targets: w({ A: 0.5 }), positions: pos({ A: 560 }), planner: band() })))).toEqual(['REDUCE SELL 60 A']);
  });

  it('uses the relative band for small weights: 25% of a 4% target is 1 point', () => {
    expect(brief(planOrders(input({ targets: w({ B: 0.04 }), positions: pos({ B: 70 }), planner: band() })))).toEqual([]);
    expect(brief(planOrders(input({ targets: w({ B: 0.04 }), positions: pos({ B: 110 }), planner: band() })))).toEqual(['REDUCE SELL 30 B']);
  });

  it('always closes, opens and flips, however small the drift', () => {
    const wide = band({ rebalance_band: 1, rebalance_band_relative: 10 });
    expect(brief(planOrders(input({ targets: w({}), positions: pos({ A: 1 }), planner: wide })))).toEqual(['CLOSE SELL 1 A']);
    expect(brief(planOrders(input({ targets: w({ A: 0.001 }), planner: wide })))).toEqual(['OPEN_LONG BUY 1 A']);
    expect(brief(planOrders(input({ targets: w({ A: -0.001 }), positions: pos({ A: 1 }), planner: wide })))).toEqual(['CLOSE SELL 1 A', 'OPEN_SHORT SELL 1 A']);
  });

  it('band 0 resizes on any drift', () => {
    expect(brief(planOrders(input({ targets: w({ A: 0.5 }), positions: pos({ A: 501 }), planner: band({ rebalance_band: 0 }) })))).toEqual(['REDUCE SELL 1 A']);
  });
});

describe('planOrders all-in sizing', () => {
  const percentCosts: PlanCosts = { buyPrice: (_i, p) => p, sellPrice: (_i, p) => p, fee: (_s, q, p) => 0.002 * q * p };

  it('sizes a reversal from the cash the close leaves: floor(cash after close / (open x 1.002))', () => {
    // Long 100 A marked at the open 100: equity 10,000, all of it in A; closing costs 20.
    const plan = planOrders(
      input({ targets: { kind: 'weight', values: new Map([['A', -1]]) }, positions: pos({ A: 100 }), equity: 10_000, cash: 0, costs: percentCosts }),
    );
    expect(brief(plan)).toEqual(['CLOSE SELL 100 A', `OPEN_SHORT SELL ${Math.floor(9980 / (100 * 1.002))} A`]);
  });

  it('opens no short on a cash account, allow_short omitted', () => {
    const account = accountSchema.parse({ type: 'cash' });
    const plan = planOrders(input({ account, targets: { kind: 'weight', values: new Map([['A', -1], ['B', 0.5]]) }, costs: percentCosts }));
    expect(brief(plan)).toEqual([`OPEN_LONG BUY ${Math.floor(50_000 / (50 * 1.002))} B`]);
  });

  it('holds a margin account whose longs sum to at most 1 to its cash', () => {
    // Cash is 1,000 short of equity (a position marked above what it fetches): the buy fits the cash.
    const plan = planOrders(input({ targets: { kind: 'weight', values: new Map([['A', 1]]) }, equity: 100_000, cash: 99_000 }));
    expect(brief(plan)).toEqual(['OPEN_LONG BUY 990 A']);
  });
});
