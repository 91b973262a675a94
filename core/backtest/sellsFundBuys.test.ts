import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { dailySeries } from '../data/seriesFromBars';
import type { StrategyFn } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const rows = (start: number, step: number) =>
  Array.from({ length: 12 }, (_, i) => {
    const p = start + i * step;
    return [p, p * 1.01, p * 0.99, p + step / 2, 1e9];
  });

/** All in `from` on the first session, all in `to` from the sixth. */
const switchAt = (from: string, to: string): StrategyFn => {
  let session = 0;
  return () => {
    session++;
    if (session === 1) return { kind: 'weight', values: new Map([[from, 1]]) };
    if (session === 6) return { kind: 'weight', values: new Map([[to, 1]]) };
    return null;
  };
};

describe('within a session, sells fund buys', () => {
  // Both directions: the sale on the first instrument and on the second, so symbol order cannot help.
  for (const [from, to] of [
    ['AAA', 'BBB'],
    ['BBB', 'AAA'],
  ]) {
    it(`a fully invested cash account switching from ${from} to ${to} ends the session fully in ${to}, minus costs`, () => {
      const series = [dailySeries('AAA', rows(40, 0.3)), dailySeries('BBB', rows(75, -0.2))];
      const sim = simulatorSchema.parse({ account: { type: 'cash' }, commission: { model: 'percent', rate: 0.001 } });
      const sink = new MemorySink();
      const res = runBacktest({ series, strategy: switchAt(from, to), initialCash: 50_000, seed: 1, sim, planner: plannerSchema.parse({}), strict: true, sink });
      expect(res.status).toBe('completed');
      expect(sink.orders.filter((o) => o.status !== 'FILLED').map((o) => o.statusReason)).toEqual([]);
      const switchDay = sink.fills[1].timestamp;
      expect(sink.fills.slice(1).map((f) => [f.timestamp, f.instrument, f.side])).toEqual([
        [switchDay, from, 'SELL'],
        [switchDay, to, 'BUY'],
      ]);
      const point = sink.equityPoints.find((p) => p.ts === switchDay);
      const buy = sink.fills[2];
      // Invested to the last whole share: what is left is less than one more share with its costs.
      expect(point?.cash).toBeGreaterThanOrEqual(0);
      expect(point?.cash).toBeLessThan(buy.price * 1.001 + 1e-9);
    });
  }
});
