import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecFile, type ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import { loadSpecData } from '../loadSpecData';
import { evaluateAll } from './evaluateAll';
import { sharedSeries } from './sharedSeries';
import { SweepPool } from './sweepPool';
import { regimeCloses, writeBars, writeSmaSpec } from './walkForwardTestData';

let root: string;
let pool: SweepPool;
let spec: ResolvedSpec;
let loaded: BarSeries[];

/** fast 2..9 x slow 20, 30, 40: 24 combinations, numbered from 100 so their index is not their position. */
const combinations = Array.from({ length: 24 }, (_, i) => ({ index: 100 + i, params: { fast: 2 + (i % 8), slow: 20 + 10 * Math.floor(i / 8) } }));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tradedesk-evaluate-'));
  pool = new SweepPool({ workers: 2 });
  const dir = path.join(root, 'data');
  writeBars(dir, regimeCloses(100, 400, 'trend', 3));
  spec = loadSpecFile(writeSmaSpec(dir));
  loaded = loadSpecData(spec.data).series;
});

afterAll(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

describe('evaluateAll', () => {
  it("answers every combination's row at its position, the same on the caller's shared data as on the workers' own", async () => {
    const seen: number[] = [];
    const own = await evaluateAll(pool, spec, combinations, { onProgress: (done, total) => seen.push(done, total) });
    expect(own.map((r) => r.index)).toEqual(combinations.map((c) => c.index));
    // Progress only grows, and ends at every combination done.
    const dones = seen.filter((_, i) => i % 2 === 0);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.slice(-2)).toEqual([24, 24]);
    const shared = await evaluateAll(pool, spec, combinations, { series: loaded });
    expect(shared).toEqual(own);
    // Different params, different runs: the rows are not one run repeated.
    expect(new Set(own.map((r) => r.metrics.final_equity)).size).toBeGreaterThan(1);
  });

  it('fails with the run that failed, naming its combination, and the other workers take nothing more', async () => {
    // Position 0 cannot run (sma-cross wants fast < slow): the first run of the evaluation fails.
    const bad = [{ index: 7, params: { fast: 50, slow: 20 } }, ...Array.from({ length: 200 }, (_, i) => ({ index: i, params: { fast: 5, slow: 20 + i } }))];
    let done = 0;
    await expect(evaluateAll(pool, spec, bad, { series: loaded, onProgress: (d) => (done = d) })).rejects.toThrow(/fast must be less than slow/);
    // Whichever worker started first took position 0 and failed; the other stopped before its next combination.
    expect(done).toBeLessThan(20);
    // The pool is still fit for the next evaluation.
    expect((await evaluateAll(pool, spec, combinations.slice(0, 3))).map((r) => r.index)).toEqual([100, 101, 102]);
  });
});

describe('sharedSeries', () => {
  it('copies every column into shared memory, bit for bit, keeps the rest, and leaves a shared series as it is', () => {
    const [s] = loaded;
    const [copy] = sharedSeries(loaded);
    expect(copy).not.toBe(s);
    expect(copy).toEqual(s);
    for (const key of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(copy[key].buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(copy[key].buffer, copy[key].byteOffset, copy[key].byteLength).equals(Buffer.from(s[key].buffer, s[key].byteOffset, s[key].byteLength))).toBe(true);
    }
    expect(sharedSeries([copy])[0]).toBe(copy);
  });
});
