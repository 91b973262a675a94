import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../config/loadSpec';
import { openDatabase } from '../../store/db';
import { loadSpecData } from '../loadSpecData';
import { runSpec } from '../runSpec';
import { RunPriceCache } from './runPrices';

const spec = {
  name: 'candles',
  data: { synthetic: { symbols: 2, years: 1, seed: 5 } },
  strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
  initial_cash: 100_000,
};

describe('RunPriceCache.chart', () => {
  let db: Database.Database;
  let runId: string;
  beforeAll(async () => {
    db = openDatabase(':memory:');
    runId = (await runSpec(parseSpec(spec, 'test', '/tmp'), { db })).runId as string;
  });
  afterAll(() => db.close());

  const bars = () => loadSpecData(parseSpec(spec, 'test', '/tmp').data).series[0];

  it('sends every bar of the period, whole, when they fit', async () => {
    const chart = await new RunPriceCache('/tmp').chart(db, runId, 'SYN000', 1000);
    const s = bars();
    expect(chart.barsPerCandle).toBe(1);
    expect(chart.ts).toEqual(Array.from(s.ts));
    expect([chart.open, chart.high, chart.low, chart.close, chart.volume]).toEqual([s.open, s.high, s.low, s.close, s.volume].map((c) => Array.from(c)));
    expect(chart.markers.length).toBeGreaterThan(0);
  });

  it('merges runs of bars honestly: first open, highest high, lowest low, last close, summed volume, last stamp', async () => {
    const s = bars();
    const chart = await new RunPriceCache('/tmp').chart(db, runId, 'SYN000', 50);
    const k = Math.ceil(s.length / 50);
    expect(chart.barsPerCandle).toBe(k);
    expect(chart.ts).toHaveLength(Math.ceil(s.length / k));
    for (const c of [0, 7, chart.ts.length - 1]) {
      const from = c * k;
      const to = Math.min(s.length, from + k);
      const run = (col: Float64Array): number[] => Array.from(col.subarray(from, to));
      expect(chart.open[c]).toBe(s.open[from]);
      expect(chart.high[c]).toBe(Math.max(...run(s.high)));
      expect(chart.low[c]).toBe(Math.min(...run(s.low)));
      expect(chart.close[c]).toBe(s.close[to - 1]);
      expect(chart.volume[c]).toBeCloseTo(run(s.volume).reduce((a, b) => a + b, 0), 6);
      expect(chart.ts[c]).toBe(s.ts[to - 1]);
    }
  });
});
