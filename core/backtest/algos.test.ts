import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import type { Bar } from '../data/BarSeries';
import { seriesFromBars } from '../data/seriesFromBars';
import type { AlgoRequest } from '../engine/algos/algoTypes';
import type { Strategy } from '../strategy/api';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const MIN5 = 300_000;
const DAY = 86_400_000;
const t0 = Date.parse('2024-03-04T09:30:00Z');

/** `days` trading days of four 5-minute bars from 09:30, each day's volumes `volumes`, every bar opening at `open(day, bar)`. */
function intraday(days: number, volumes: readonly number[], open: (day: number, bar: number) => number = () => 100): Bar[] {
  const bars: Bar[] = [];
  for (let d = 0; d < days; d++) {
    volumes.forEach((volume, b) => {
      const o = open(d, b);
      bars.push({ ts: t0 + d * DAY + b * MIN5, open: o, high: o + 1, low: o - 1, close: o, volume });
    });
  }
  return bars;
}

const sim = simulatorSchema.parse({ commission: { model: 'none' }, spread_bps: 0, slippage_bps: 0, tick_size: 0, use_volume_constraints: false });

/** Runs a strategy that sends `request` (its window relative to day `day`'s 09:30) at the close of the last bar before the window. */
function runAlgo(bars: Bar[], request: (dayStart: number) => AlgoRequest, day: number, simOver = sim) {
  const dayStart = t0 + day * DAY;
  const req = request(dayStart);
  let algoId = '';
  const sendAt = Math.max(...bars.filter((bar) => bar.ts < req.start).map((bar) => bar.ts));
  const strategy: Strategy<unknown> = {
    onBar(ctx) {
      if (ctx.now() === sendAt) algoId = ctx.orders.algo(req).algoId;
    },
  };
  const sink = new MemorySink();
  const res = runBacktest({
    series: [seriesFromBars('AAA', bars, 300)],
    strategy: { kind: 'object', strategy, params: {}, label: 'algo test' },
    initialCash: 1_000_000,
    seed: 1,
    sim: simOver,
    planner: plannerSchema.parse({}),
    strict: true,
    sink,
  });
  expect(res.status).toBe('completed');
  const children = sink.fills.map((f) => [f.quantity, f.price]);
  return { report: res.algos.find((a) => a.id === algoId), children, sink };
}

describe('execution algorithms against the simulator', () => {
  it('TWAP sends an even share per bar of its window, as IOC children through the kernel, and reports its shortfall', () => {
    const bars = intraday(2, [1000, 1000, 1000, 1000], (d, b) => 100 + d * 4 + b);
    // Window: day 1, 09:35 to 09:50 (three bars). Arrival: the 09:30 close, 104.
    const { report, children, sink } = runAlgo(bars, (s) => ({ kind: 'TWAP', instrument: 'AAA', side: 'BUY', quantity: 90, start: s + MIN5, end: s + 4 * MIN5 }), 1);
    expect(children).toEqual([
      [30, 105],
      [30, 106],
      [30, 107],
    ]);
    expect(report).toMatchObject({ status: 'COMPLETED', filledQuantity: 90, avgFillPrice: 106, arrivalPrice: 104, completionPct: 100, childOrders: 3 });
    expect(report?.shortfallBps).toBeCloseTo((2 / 104) * 1e4, 9);
    expect(sink.orders.every((o) => o.timeInForce === 'IOC' && o.metadata?.algoId === report?.id)).toBe(true);
    expect(sink.actions.find((a) => a.action === 'ALGO_END')?.detail).toMatchObject({ status: 'COMPLETED' });
  });

  it('VWAP follows the volume profile of the days before', () => {
    const bars = intraday(4, [400, 100, 100, 400]);
    const { report, children } = runAlgo(bars, (s) => ({ kind: 'VWAP', instrument: 'AAA', side: 'SELL', quantity: 100, start: s, end: s + 4 * MIN5 }), 3, simulatorSchema.parse({ ...sim, account: { type: 'margin' } }));
    expect(children.map(([q]) => q)).toEqual([40, 10, 10, 40]);
    expect(report).toMatchObject({ status: 'COMPLETED', filledQuantity: 100 });
  });

  it('POV takes its rate of the bar before each child, and stops short when the window ends', () => {
    const bars = intraday(2, [500, 300, 200, 100]);
    const { report, children } = runAlgo(bars, (s) => ({ kind: 'POV', instrument: 'AAA', side: 'BUY', quantity: 1000, rate: 0.1, start: s + MIN5, end: s + 4 * MIN5 }), 1);
    expect(children.map(([q]) => q)).toEqual([50, 30, 20]);
    expect(report).toMatchObject({ status: 'EXPIRED', filledQuantity: 100, completionPct: 10 });
    expect(report?.reason).toBe('the window ended with 100 of 1000 filled');
  });

  it('caps each child by the participation limit, and works children as limits at the price cap', () => {
    const bars = intraday(2, [100, 100, 100, 100], (d, b) => (d === 1 && b === 2 ? 110 : 100));
    const { report, children } = runAlgo(
      bars,
      (s) => ({ kind: 'TWAP', instrument: 'AAA', side: 'BUY', quantity: 60, start: s + MIN5, end: s + 4 * MIN5, maxParticipation: 0.2, limitPrice: 105 }),
      1,
    );
    // 20 a bar at most; the 09:40 bar opens at 110 (low 109), above the cap, so its child goes unfilled.
    expect(children).toEqual([
      [20, 100],
      [20, 100],
    ]);
    expect(report).toMatchObject({ status: 'EXPIRED', filledQuantity: 40, childOrders: 3 });
  });

  it('refuses a request it cannot run, naming why', () => {
    const bars = intraday(2, [100, 100, 100, 100]);
    const { report } = runAlgo(bars, (s) => ({ kind: 'POV', instrument: 'AAA', side: 'BUY', quantity: 10, start: s, end: s + MIN5 }), 1);
    expect(report).toMatchObject({ status: 'REJECTED', reason: 'POV needs a rate above 0 and at most 1, got undefined' });
  });
});
