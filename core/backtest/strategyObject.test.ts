import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import { dailySeries } from '../data/seriesFromBars';
import { generateSyntheticMarket } from '../data/synthetic';
import type { Strategy, StrategyOrderEvent } from '../strategy/api';
import { defineStrategy } from '../strategy/package';
import { getStrategy } from '../strategy/registry';
import { MemorySink } from './memorySink';
import { runBacktest, type RunInput } from './runner';

const costFree = simulatorSchema.parse({ commission: { model: 'none' }, spread_bps: 0, slippage_bps: 0, tick_size: 0, use_volume_constraints: false });

function input(series: readonly BarSeries[], strategy: RunInput['strategy'], over: Partial<RunInput> = {}): RunInput {
  return { series, strategy, initialCash: 100_000, seed: 1, sim: costFree, planner: plannerSchema.parse({}), strict: true, ...over };
}

const object = <P>(strategy: Strategy<P>, params: unknown = {}): RunInput['strategy'] => ({ kind: 'object', strategy: strategy as Strategy<unknown>, params, label: './test.ts' });

// Session 1 closes at 100; 2 trades 100..106 (the bracket's stop entry at 103 fills), 3 reaches the take-profit at 108.
const BARS = [
  [100, 101, 99, 100],
  [100, 101, 99, 100],
  [101, 106, 100, 105],
  [105, 109, 104, 108],
  [108, 108, 96, 97],
];

describe('a strategy object in a backtest', () => {
  it('places a bracket and a resting limit through ctx.orders and hears of every order event and fill', () => {
    const seen: string[] = [];
    const fills: [string, number, number][] = [];
    const strategy: Strategy<unknown> = {
      onStart(ctx) {
        seen.push(`start ${ctx.mode} ${ctx.view.barCount('AAA')}`);
      },
      onBar(ctx) {
        if (ctx.view.sessionIndex !== 1) return;
        ctx.orders.submitList({
          kind: 'BRACKET',
          entry: { instrument: 'AAA', side: 'BUY', type: 'STOP', stopPrice: 103, quantity: 10, timeInForce: 'DAY' },
          takeProfit: { instrument: 'AAA', side: 'SELL', type: 'LIMIT', limitPrice: 108, quantity: 10, timeInForce: 'GTC' },
          stopLoss: { instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 4 }, quantity: 10, timeInForce: 'GTC' },
        });
        ctx.orders.submit({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', limitPrice: 97, quantity: 5, timeInForce: 'GTC' });
      },
      onOrder(e: StrategyOrderEvent) {
        if (e.type !== 'OrderDenied') seen.push(`${e.type} ${e.order.id} ${e.order.extras?.link?.role ?? e.order.type}`);
      },
      onFill(fill, ctx) {
        fills.push([fill.orderId, fill.quantity, fill.price]);
        seen.push(`fill ${fill.orderId} position ${ctx.position('AAA')}`);
      },
      onEnd(ctx) {
        seen.push(`end ${ctx.orders.open().map((o) => o.id).join(',')}`);
      },
    };
    const sink = new MemorySink();
    const res = runBacktest({ ...input([dailySeries('AAA', BARS)], object(strategy)), sink });
    expect(res.status).toBe('completed');
    expect(fills).toEqual([
      ['O1', 10, 103],
      ['O2', 10, 108],
      ['O4', 5, 97],
    ]);
    expect(seen).toEqual([
      'start BACKTEST 0',
      'OrderAccepted O1 ENTRY',
      'OrderSubmitted O2 TAKE_PROFIT',
      'OrderSubmitted O3 STOP_LOSS',
      'OrderAccepted O4 LIMIT',
      'OrderFilled O1 ENTRY',
      'fill O1 position 10',
      'OrderAccepted O2 TAKE_PROFIT',
      'OrderAccepted O3 STOP_LOSS',
      'OrderFilled O2 TAKE_PROFIT',
      'fill O2 position 0',
      'OrderCancelled O3 STOP_LOSS',
      'OrderFilled O4 LIMIT',
      'fill O4 position 5',
      'end ',
    ]);
    expect(res.openTrades.map((t) => t.quantity)).toEqual([5]);
    expect(sink.trades.filter((t) => t.exitReason !== null).map((t) => t.exitReason)).toEqual(['TARGET']);
    expect(sink.orders.find((o) => o.id === 'O3')?.extras?.link).toEqual({ listId: 'L1', kind: 'BRACKET', role: 'STOP_LOSS', parentId: 'O1' });
  });

  it('fails the run naming the hook, the module and the session when a hook throws', () => {
    const res = runBacktest(input([dailySeries('AAA', BARS)], object({ onBar(ctx) {
      if (ctx.view.sessionIndex === 2) throw new Error('boom');
    } })));
    expect(res.status).toBe('failed');
    expect(res.error).toBe('strategy failed on 2020-01-03: ./test.ts onBar: boom');
  });

  it('validates what onBar returns as targets, and plans them as a function strategy\'s', () => {
    const series = generateSyntheticMarket({ symbols: 3, years: 1, seed: 5 });
    const symbols = series.map((s) => s.symbol);
    const def = getStrategy('equal-weight');
    const fn = def.create(def.params.parse({ rebalance: 'weekly' }), { symbols, baseDir: '.' });
    const viaObject = runBacktest(input(series, object({ onBar: (ctx) => fn(ctx.now(), ctx.view, { cash: 0, equity: 0, positions: ctx.positions }) })));
    const viaFunction = runBacktest(input(series, def.create(def.params.parse({ rebalance: 'weekly' }), { symbols, baseDir: '.' })));
    expect(viaObject.metrics).toEqual(viaFunction.metrics);
    const bad = runBacktest(input(series, object({ onBar: () => ({ kind: 'weight', values: { [symbols[0]]: 1 } }) as never })));
    expect(bad.error).toMatch(/\.\/test\.ts onBar returned bad targets: values must be a Map/);
  });

  it('gives each run its own copy of the strategy object, so runs do not share its state', () => {
    const strategy = defineStrategy({
      params: z.object({ qty: z.number() }),
      count: 0,
      onBar(ctx) {
        this.count++;
        if (this.count === 2) ctx.orders.submit({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: ctx.params.qty, timeInForce: 'DAY' });
      },
    });
    const a = runBacktest(input([dailySeries('AAA', BARS)], object(strategy, { qty: 3 })));
    const b = runBacktest(input([dailySeries('AAA', BARS)], object(strategy, { qty: 3 })));
    expect(a.totals.orders).toBe(1);
    expect(b.totals.orders).toBe(1);
  });
});

describe('risk checks in a backtest', () => {
  it('refuse orders over the limits, record each refusal with its reason, and leave the rest as they were', () => {
    const series = generateSyntheticMarket({ symbols: 3, years: 1, seed: 9 });
    const symbols = series.map((s) => s.symbol);
    const def = getStrategy('equal-weight');
    const strategy = () => def.create(def.params.parse({ rebalance: 'monthly' }), { symbols, baseDir: '.' });
    const limits = { allowed_symbols: [], max_order_size_usd: null, max_position_usd: null, max_portfolio_leverage: null, max_order_quantity: null, price_band_pct: null, lot_size: 1 };
    const off = runBacktest(input(series, strategy()));
    const none = runBacktest(input(series, strategy(), { risk: { limits, breaker: null } }));
    expect(none.metrics).toEqual(off.metrics);
    const sink = new MemorySink();
    const capped = runBacktest({ ...input(series, strategy(), { risk: { limits: { ...limits, allowed_symbols: symbols.slice(0, 2) }, breaker: null } }), sink });
    const refused = sink.actions.filter((a) => a.action === 'RISK_REJECTED');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.instrument === symbols[2])).toBe(true);
    expect(refused[0].detail).toMatchObject({ source: 'planner', side: 'BUY', type: 'MARKET', reason: `risk: ${symbols[2]} is not in allowed_symbols (${symbols[0]}, ${symbols[1]})` });
    expect(sink.fills.some((f) => f.instrument === symbols[2])).toBe(false);
    expect(capped.totals.orders).toBeLessThan(off.totals.orders);
  });
});
