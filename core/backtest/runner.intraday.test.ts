import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { seriesFromBars } from '../data/seriesFromBars';
import type { StrategyFn } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

/** Two trading days of four 1-minute bars at 100, volume 1000 a bar. */
const STAMPS = ['09:31', '09:32', '09:33', '09:34'].flatMap((t) => [`2024-03-04T${t}`, `2024-03-05T${t}`]).sort();
const series = seriesFromBars(
  'AAA',
  STAMPS.map((s) => ({ ts: Date.parse(`${s}:00Z`), open: 100, high: 100, low: 100, close: 100, volume: 1000 })),
  60,
);

describe('runBacktest on intraday bars', () => {
  it("works the planner's DAY order over the rest of the day and expires it at the day's close", () => {
    // Buys 500 shares once, at the first bar; 10 % participation allows 100 a bar.
    let decided = false;
    const once: StrategyFn = () => {
      if (decided) return null;
      decided = true;
      return { kind: 'quantity', values: new Map([['AAA', 500]]) };
    };
    const sink = new MemorySink();
    const res = runBacktest({
      series: [series],
      strategy: once,
      initialCash: 1e6,
      seed: 1,
      sim: simulatorSchema.parse({ commission: { model: 'none' }, slippage_bps: 0, spread_bps: 0 }),
      planner: plannerSchema.parse({}),
      strict: true,
      sink,
    });
    expect(res.status).toBe('completed');
    expect(res.sessions).toBe(8);
    // Decided at 09:31's close: 100 shares at each of 09:32, 09:33 and 09:34, none on the next day.
    expect(sink.fills.map((f) => new Date(f.timestamp).toISOString().slice(0, 16))).toEqual(['2024-03-04T09:32', '2024-03-04T09:33', '2024-03-04T09:34']);
    const [order] = sink.orders;
    expect(order).toMatchObject({ status: 'CANCELLED', filledQuantity: 300, timeInForce: 'DAY', updatedAt: Date.parse('2024-03-04T09:34:00Z') });
  });
});
