import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { generateSyntheticMarket } from '../data/synthetic';
import { getStrategy } from '../strategy/registry';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

describe('rotation in a cash account', () => {
  for (const [symbols, top] of [
    [20, 5],
    [50, 10],
  ]) {
    it(`momentum over ${symbols} synthetic symbols, top ${top}: stays invested, no buy cut or refused for funds`, () => {
      const series = generateSyntheticMarket({ symbols, years: 4, seed: 11 });
      const def = getStrategy('momentum');
      const strategy = def.create(def.params.parse({ lookback: 63, top }), { symbols: series.map((s) => s.symbol), baseDir: '.' });
      const sink = new MemorySink();
      // 100,000 keeps every order far under the default 10% of a synthetic bar's volume: a sale the volume
      // cap leaves half done cannot pay for its buy, which no sizing at the open can foresee.
      const res = runBacktest({
        series,
        strategy,
        initialCash: 100_000,
        seed: 1,
        sim: simulatorSchema.parse({ account: { type: 'cash' } }),
        planner: plannerSchema.parse({}),
        strict: true,
        sink,
      });
      expect(res.status).toBe('completed');
      expect(sink.orders.filter((o) => o.status !== 'FILLED').map((o) => o.statusReason)).toEqual([]);
      const firstFill = sink.fills[0].timestamp;
      const invested = sink.equityPoints.filter((p) => p.ts >= firstFill);
      const idle = invested.reduce((sum, p) => sum + p.cash / p.equity, 0) / invested.length;
      expect(idle).toBeGreaterThanOrEqual(0);
      expect(idle).toBeLessThan(0.02);
      expect(Math.min(...invested.map((p) => p.cash))).toBeGreaterThanOrEqual(0);
    });
  }
});
