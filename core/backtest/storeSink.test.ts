import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { generateSyntheticMarket } from '../data/synthetic';
import { openDatabase } from '../store/db';
import { getRunTrades } from '../store/queries';
import { createRun, finishRun, getRun } from '../store/runs';
import { tempDir } from '../store/testDb';
import { readRun } from '../store/testRead';
import { getStrategy } from '../strategy/registry';
import { runBacktest } from './runner';
import { MemorySink } from './memorySink';
import { createStoreSink } from './storeSink';

describe('createStoreSink', () => {
  it('stores a run through the writer thread exactly as on the engine thread', async () => {
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'app.db'));
    try {
      const series = generateSyntheticMarket({ symbols: 6, years: 1, seed: 3 });
      const symbols = series.map((s) => s.symbol);
      const def = getStrategy('equal-weight');
      const sim = simulatorSchema.parse({ slippage_bps: 5 });
      const planner = plannerSchema.parse({});
      const run = (sameThread: boolean) => {
        const runId = createRun(db, {
          name: 'x', strategy: 'equal-weight', config: {}, seed: 1, dataFingerprint: '-', appVersion: '0',
          periodStart: series[0].ts[0], periodEnd: series[0].ts[series[0].length - 1], sessionsTotal: series[0].length,
        });
        const sink = createStoreSink(db, runId, { sameThread });
        const strategy = def.create(def.params.parse({ rebalance: 'daily' }), { symbols, baseDir: dir });
        const res = runBacktest({ series, strategy, initialCash: 1_000_000, seed: 1, sim, planner, strict: true, sink, progressEvery: 20 });
        finishRun(db, runId, { status: res.status, metrics: res.metrics });
        return { runId, sink, res };
      };
      const threaded = run(false);
      const plain = run(true);
      await threaded.sink.close();
      await plain.sink.close();
      // Client order refs are random UUIDs, different in every run; everything else is deterministic.
      const withoutRefs = (runId: string) => {
        const all = readRun(db, runId);
        return { ...all, orders: all.orders.map((o) => ({ ...(o as object), clientOrderRef: undefined })) };
      };
      const stored = readRun(db, threaded.runId);
      expect(withoutRefs(threaded.runId)).toEqual(withoutRefs(plain.runId));
      expect(stored.orders[0]).toMatchObject({ clientOrderRef: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(stored.fills).toHaveLength(threaded.res.totals.fills);
      expect(stored.orders).toHaveLength(threaded.res.totals.orders);
      expect(stored.equity).toHaveLength(threaded.res.sessions);
      // Every position snapshot, packed a session to a row, comes back as the engine made it.
      const memory = new MemorySink();
      runBacktest({ series, strategy: def.create(def.params.parse({ rebalance: 'daily' }), { symbols, baseDir: dir }), initialCash: 1_000_000, seed: 1, sim, planner, strict: true, sink: memory });
      expect(memory.snapshots.length).toBeGreaterThan(5 * threaded.res.sessions);
      expect(stored.positions).toEqual(memory.snapshots.map(({ ts, position }) => ({ ts, ...position })));
      expect(stored.orders[0]).toMatchObject({ id: 'O1', intent: expect.any(String) });
      // The broker's generated refs are not stored as text: the run's prefix and the order number give them back.
      const kept = db.prepare('SELECT count(*) AS n FROM backtest_orders WHERE client_order_ref IS NOT NULL').get() as { n: number };
      expect(kept.n).toBe(0);
      expect(getRun(db, threaded.runId)).toMatchObject({ status: 'completed', sessionsDone: threaded.res.sessions });
    } finally {
      db.close();
      cleanup();
    }
  });

  it('stores the trades still open at the end, marked at the last close, beside the closed ones', async () => {
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'app.db'));
    try {
      const series = generateSyntheticMarket({ symbols: 3, years: 0.5, seed: 5 });
      const def = getStrategy('buy-and-hold');
      const strategy = def.create(def.params.parse({}), { symbols: series.map((s) => s.symbol), baseDir: dir });
      const last = series[0].ts[series[0].length - 1];
      const runId = createRun(db, {
        name: 'x', strategy: 'buy-and-hold', config: {}, seed: 1, dataFingerprint: '-', appVersion: '0',
        periodStart: series[0].ts[0], periodEnd: last, sessionsTotal: series[0].length,
      });
      const sink = createStoreSink(db, runId);
      const res = runBacktest({
        series, strategy, initialCash: 100_000, seed: 1, sim: simulatorSchema.parse({}), planner: plannerSchema.parse({}), strict: true, sink,
      });
      await sink.close();
      const stored = getRunTrades(db, runId, { limit: 100, offset: 0 });
      expect(stored).toHaveLength(3);
      expect(stored).toEqual(res.openTrades.map((t) => ({ ...t })));
      for (const t of stored) {
        expect(t).toMatchObject({ status: 'OPEN', exitTs: last, markPrice: expect.any(Number), unrealizedPnl: expect.any(Number) });
      }
    } finally {
      db.close();
      cleanup();
    }
  });
});
