import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/ConfigError';
import { loadSpecFile, type ResolvedSpec } from '../../config/loadSpec';
import { walkForwardDetailSchema } from '../../ipc/contract/research';
import { prepareSweep, runSweep } from './sweep';
import { SweepPool } from './sweepPool';
import { runWalkForward, type WalkForwardDefinition, type WalkForwardResult } from './walkForward';
import { regimeCloses, writeBars, writeSmaSpec } from './walkForwardTestData';

/** 600 sessions: a rising trend, then from session 300 swings around a level (the planted regime change). */
const FLIP = 300;
const base = [100, ...regimeCloses(100, FLIP - 1, 'trend', 7)];
base.push(...regimeCloses(base[FLIP - 1], 600 - FLIP, 'revert', 8));

const def: WalkForwardDefinition = {
  axes: [
    { name: 'fast', min: 5, max: 20, step: 5 },
    { name: 'slow', min: 20, max: 60, step: 10 },
  ],
  search: { kind: 'grid' },
  where: 'fast < slow',
  objective: 'sharpe',
  // In-sample 200 sessions, out-of-sample 100: windows test on sessions 200, 300 (the flip), 400 and 500 on.
  windows: { mode: 'rolling', unit: 'sessions', inSample: 200, outOfSample: 100 },
};
const COMBINATIONS = 19;

let root: string;
let pool: SweepPool;
let spec: ResolvedSpec;
let full: WalkForwardResult;

/** The spec over `closes`, in a folder of its own (the pool's workers keep data by file path). */
function specOver(name: string, closes: readonly number[]): ResolvedSpec {
  const dir = path.join(root, name);
  writeBars(dir, closes);
  return loadSpecFile(writeSmaSpec(dir));
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tradedesk-wf-'));
  pool = new SweepPool({ workers: 2 });
  spec = specOver('base', base);
  full = await runWalkForward(spec, def, pool);
});

afterAll(async () => {
  await pool.close();
});

describe('runWalkForward', () => {
  it('never lets out-of-sample data into the in-sample choice: the data after a window\'s in-sample replaced, its choice and in-sample results stay', async () => {
    expect(full.windows).toHaveLength(4);
    for (const w of full.windows) {
      // Every session after this window's in-sample reversed: a fall instead of what came.
      const cut = 200 + 100 * w.index;
      const other = [...base.slice(0, cut), ...regimeCloses(base[cut - 1], base.length - cut, 'fall', 100 + w.index)];
      const changed = await runWalkForward(specOver(`fall-${w.index}`, other), def, pool);
      const again = changed.windows[w.index];
      expect(again.inSampleEnd).toBe(w.inSampleEnd);
      expect(again.params).toEqual(w.params);
      expect(again.inSampleObjective).toBe(w.inSampleObjective);
      expect(again.inSample).toEqual(w.inSample);
      expect(again.inSampleCurve).toEqual(w.inSampleCurve);
      // Earlier windows saw none of the replaced data at all.
      expect(changed.windows.slice(0, w.index)).toEqual(full.windows.slice(0, w.index));
      // While what the window trades out of sample did change.
      expect(again.outOfSample.final_equity).not.toBe(w.outOfSample.final_equity);
      expect(again.outOfSampleObjective).not.toBe(w.outOfSampleObjective);
    }
  });

  it('chooses in each window the best combination of a sweep over its in-sample, as the sweep engine does', async () => {
    const setup = await prepareSweep(spec, def, def.objective);
    for (const w of full.windows) {
      const sweep = await runSweep(setup, pool, { window: { start: w.inSampleStart, end: w.inSampleEnd } });
      expect(sweep.best).not.toBeNull();
      const best = sweep.rows[sweep.best ?? -1];
      expect(w.params).toEqual(best.params);
      expect(w.inSampleObjective).toBe(best.objective);
      expect(w.inSample).toEqual(best.metrics);
    }
  });

  it('stitches the out-of-sample runs into one curve from the initial cash, and fits the contract without NaN', () => {
    const { windows, stitched } = full;
    expect([stitched.ts[0], stitched.equity[0]]).toEqual([windows[0].inSampleEnd, 10_000]);
    expect(stitched.ts.at(-1)).toBe(windows[3].outOfSampleEnd);
    // 600 sessions, the first 200 in sample only: 400 out-of-sample sessions and the opening point.
    expect(stitched.ts).toHaveLength(401);
    const growth = windows.reduce((g, w) => g * ((w.outOfSample.final_equity ?? NaN) / 10_000), 1);
    expect(full.stitchedMetrics.final_equity).toBeCloseTo(10_000 * growth, 6);
    expect(stitched.equity.at(-1)).toBe(full.stitchedMetrics.final_equity);
    // The first window's in-sample precedes the stitched curve: its curve is the run's own, from the initial cash.
    expect(windows[0].inSampleCurve.equity[0]).toBe(10_000);
    expect(windows[0].inSampleCurve.ts).toHaveLength(200);
    expect([full.state, full.done, full.total]).toEqual(['completed', 4 * (COMBINATIONS + 1), 4 * (COMBINATIONS + 1)]);
    const detail = walkForwardDetailSchema.pick({ windows: true, stitched: true, stitchedMetrics: true, efficiency: true, stability: true, paramNames: true });
    expect(() => detail.parse(full)).not.toThrow();
    expect(JSON.stringify(full)).not.toMatch(/NaN|Infinity/);
    expect(full.stability.map((s) => s.name)).toEqual(['fast', 'slow']);
  });

  it('reports progress up to the total: every window\'s combinations and one out-of-sample step each', async () => {
    const seen: [number, number][] = [];
    const plan = { ...def, windows: { ...def.windows, mode: 'anchored' as const } };
    const r = await runWalkForward(spec, plan, pool, { onProgress: (done, total) => seen.push([done, total]) });
    expect(r.windows.every((w) => w.inSampleStart === full.windows[0].inSampleStart)).toBe(true);
    expect(seen.at(-1)).toEqual([r.total, r.total]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);
  });

  it('cancelled, keeps the windows it finished', async () => {
    const stop = new AbortController();
    const r = await runWalkForward(spec, def, pool, {
      signal: stop.signal,
      onProgress: (done) => {
        if (done === COMBINATIONS + 1) stop.abort();
      },
    });
    expect(r.state).toBe('cancelled');
    expect(r.windows).toEqual(full.windows.slice(0, 1));
    expect(r.done).toBe(COMBINATIONS + 1);
    expect(r.stitched.ts.at(-1)).toBe(full.windows[0].outOfSampleEnd);
  });

  it('refuses a bad plan or sweep before running anything', async () => {
    let started = false;
    const onStart = () => {
      started = true;
    };
    const tooLong = { ...def, windows: { ...def.windows, inSample: 600 } };
    await expect(runWalkForward(spec, tooLong, pool, { onStart })).rejects.toThrow(new ConfigError('walk-forward', [{ path: 'windows', message: 'the data has 600 sessions; the plan needs 601 (600 in-sample sessions and at least one out-of-sample session after them)' }]));
    await expect(runWalkForward(spec, { ...def, axes: [{ name: 'fats', values: [1] }] }, pool, { onStart })).rejects.toThrow(/axes\.fats: the strategy has no parameter "fats"/);
    await expect(runWalkForward(spec, { ...def, objective: 'luck' }, pool, { onStart })).rejects.toThrow(ConfigError);
    expect(started).toBe(false);
  });
});
