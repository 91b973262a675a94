import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStoreSink } from '../../backtest/storeSink';
import { runBacktest } from '../../backtest/runner';
import { plannerSchema, simulatorSchema } from '../../config/simulatorSchema';
import { generateSyntheticMarket } from '../../data/synthetic';
import { openDatabase } from '../../store/db';
import { createRun, finishRun } from '../../store/runs';
import { tempDir } from '../../store/testDb';
import { getStrategy } from '../../strategy/registry';
import { parseSpec } from '../../config/loadSpec';
import { runSpec } from '../runSpec';
import { exportRun, runInstrumentDecimals } from './runExport';

describe('exportRun trades', () => {
  it('lists the round trips still open at the end, with their status and mark', async () => {
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'app.db'));
    try {
      const series = generateSyntheticMarket({ symbols: 2, years: 0.25, seed: 9 });
      const def = getStrategy('buy-and-hold');
      const strategy = def.create(def.params.parse({}), { symbols: series.map((s) => s.symbol), baseDir: dir });
      const runId = createRun(db, {
        name: 'hold', strategy: 'buy-and-hold', config: { initial_cash: 100_000 }, seed: 1, dataFingerprint: '-', appVersion: '0',
        periodStart: series[0].ts[0], periodEnd: series[0].ts[series[0].length - 1], sessionsTotal: series[0].length,
      });
      const sink = createStoreSink(db, runId);
      const res = runBacktest({ series, strategy, initialCash: 100_000, seed: 1, sim: simulatorSchema.parse({}), planner: plannerSchema.parse({}), strict: true, sink });
      await sink.close();
      finishRun(db, runId, { status: res.status, metrics: res.metrics });
      const lines = (await exportRun(db, runId, 'trades', true)).content.trim().split('\n');
      const header = lines[0].split(',');
      expect(header).toEqual(expect.arrayContaining(['instrument', 'status', 'markPrice', 'unrealizedPnl']));
      expect(lines).toHaveLength(1 + 2);
      const at = (line: string, key: string) => line.split(',')[header.indexOf(key)];
      for (const [i, t] of res.openTrades.entries()) {
        expect(at(lines[1 + i], 'status')).toBe('OPEN');
        expect(Number(at(lines[1 + i], 'markPrice'))).toBe(t.markPrice);
        expect(Number(at(lines[1 + i], 'unrealizedPnl'))).toBe(t.unrealizedPnl);
      }
    } finally {
      db.close();
      cleanup();
    }
  });
});

describe('runInstrumentDecimals', () => {
  const spec = (tick: number) => ({
    name: `tick ${tick}`,
    data: { synthetic: { symbols: 2, years: 0.5, seed: 3 } },
    strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
    simulator: { tick_size: tick },
  });

  it('gives each traded instrument the decimals of the grid its fills printed on', async () => {
    const db = openDatabase(':memory:');
    try {
      for (const [tick, decimals] of [[0.01, 2], [0.0001, 4]] as const) {
        const { runId } = await runSpec(parseSpec(spec(tick), 'test', '/tmp'), { db });
        expect(await runInstrumentDecimals(db, runId as string)).toEqual({ SYN000: decimals, SYN001: decimals });
      }
    } finally {
      db.close();
    }
  });
});
