import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { dailySeries } from '../data/seriesFromBars';
import type { StrategyFn } from '../strategy/types';
import { CLOSE_AT_END } from './closeAtEnd';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const DAY = 86_400_000;
const T0 = Date.parse('2020-01-01T00:00:00Z');
/** Five sessions; the last closes at 104.5, so a sale there pays 104.5 x (1 - 0.0006) = 104.4373, printed 104.44. */
const rows = (lastVolume = 1_000_000) => [
  [100, 101, 99, 100, 1_000_000],
  [100, 102, 99, 101, 1_000_000],
  [101, 103, 100, 102, 1_000_000],
  [102, 104, 101, 103, 1_000_000],
  [103, 105, 102, 104.5, lastVolume],
];

/** All in AAA from the first close on: bought at the second session's open, never sold by the strategy. */
const hold: StrategyFn = () => ({ kind: 'quantity', values: new Map([['AAA', 900]]) });

function run(closeAtEnd: boolean, lastVolume?: number, strategy: StrategyFn = hold) {
  const sink = new MemorySink();
  const res = runBacktest({
    series: [dailySeries('AAA', rows(lastVolume))],
    strategy,
    initialCash: 100_000,
    seed: 1,
    sim: simulatorSchema.parse({ commission: { model: 'percent', rate: 0.001 }, account: { type: 'margin', allow_short: true } }),
    planner: plannerSchema.parse({}),
    strict: true,
    sink,
    closeAtEnd,
  });
  return { res, sink };
}

describe('the end of a run', () => {
  it('close_at_end: sells at the last close with costs, as an order, a fill and a closed trade that agree', () => {
    const { res, sink } = run(true);
    expect(res.status).toBe('completed');
    const last = sink.fills[sink.fills.length - 1];
    expect(last).toMatchObject({ side: 'SELL', quantity: 900, price: 104.44, referencePrice: 104.5, timestamp: T0 + 4 * DAY });
    expect(last.commission).toBeCloseTo(900 * 104.44 * 0.001, 10);
    const order = sink.orders.find((o) => o.id === last.orderId);
    expect(order).toMatchObject({ status: 'FILLED', metadata: { action: CLOSE_AT_END }, filledQuantity: 900 });
    expect(sink.trades).toHaveLength(1);
    const [trade] = sink.trades;
    expect(trade).toMatchObject({ status: 'CLOSED', exitTs: T0 + 4 * DAY, exitPrice: 104.44, quantity: 900, markPrice: null, unrealizedPnl: null });
    // The trade's commission is both fills' commissions; the run ends all in cash.
    expect(trade.commission).toBeCloseTo(sink.fills.reduce((s, f) => s + f.commission, 0), 10);
    const final = sink.equityPoints[sink.equityPoints.length - 1];
    expect(final.grossExposure).toBe(0);
    expect(final.equity).toBeCloseTo(100_000 + trade.pnl, 8);
    expect(res.metrics).toMatchObject({ closedTrades: 1, openTrades: 0 });
    expect(res.openTrades).toEqual([]);
    expect(sink.actions).toContainEqual(expect.objectContaining({ action: CLOSE_AT_END, detail: { positions: 1, stillHeld: [] } }));
  });

  it('without close_at_end: the open round trip is recorded, marked at the last close', () => {
    const { res, sink } = run(false);
    expect(sink.trades).toHaveLength(1);
    const [trade] = sink.trades;
    const entry = sink.fills[0].price;
    expect(trade).toMatchObject({ status: 'OPEN', quantity: 900, markPrice: 104.5, exitTs: T0 + 4 * DAY, exitPrice: 104.5, barsHeld: 3 });
    expect(trade.unrealizedPnl).toBeCloseTo(900 * (104.5 - entry), 8);
    expect(trade.pnl).toBeCloseTo(900 * (104.5 - entry) - sink.fills[0].commission, 8);
    expect(res.openTrades).toEqual([trade]);
    expect(res.metrics).toMatchObject({ closedTrades: 0, openTrades: 1 });
    expect(sink.fills).toHaveLength(1);
  });

  it('keeps what the last close cannot take open, and cancels the rest of the order', () => {
    // 10 % of 5,000 shares: 500 of the 900 sell at the close.
    const { res, sink } = run(true, 5_000);
    const last = sink.fills[sink.fills.length - 1];
    expect(last.quantity).toBe(500);
    expect(sink.orders.find((o) => o.id === last.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 500 });
    expect(sink.trades.map((t) => [t.status, t.quantity])).toEqual([['OPEN', 400]]);
    expect(res.metrics.openTrades).toBe(1);
    expect(sink.actions).toContainEqual(expect.objectContaining({ action: CLOSE_AT_END, detail: { positions: 1, stillHeld: ['AAA'] } }));
  });

  it('covers a short at the last close, paying the costs on top of it', () => {
    const short: StrategyFn = () => ({ kind: 'quantity', values: new Map([['AAA', -300]]) });
    const { res, sink } = run(true, undefined, short);
    // 104.5 x (1 + 0.0006) = 104.5627, printed 104.56
    expect(sink.fills[sink.fills.length - 1]).toMatchObject({ side: 'BUY', quantity: 300, price: 104.56 });
    expect(sink.trades).toEqual([expect.objectContaining({ direction: 'SHORT', status: 'CLOSED', exitPrice: 104.56 })]);
    expect(res.metrics.openTrades).toBe(0);
  });

  it('with nothing held, sends no order and records no action', () => {
    const flat: StrategyFn = () => null;
    const { sink } = run(true, undefined, flat);
    expect(sink.orders).toEqual([]);
    expect(sink.trades).toEqual([]);
    expect(sink.actions.filter((a) => a.action === CLOSE_AT_END)).toEqual([]);
  });
});
