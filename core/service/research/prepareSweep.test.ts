import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/ConfigError';
import { parseSpec } from '../../config/loadSpec';
import type { SweepRequest } from '../../ipc/contract/research';
import { openDatabase } from '../../store/db';
import type { JobQueue } from '../backtests/jobQueue';
import { sweepSummaries } from './researchReads';
import { ResearchService } from './researchService';
import type { SweepDefinition } from '../../research/combinations';
import { prepareSweep } from './sweep';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;

/** A strategy object with typed, bounded params and a rule across two of them. */
const MODULE = `import { z } from 'zod';
export default {
  params: z
    .object({
      lookback: z.number().int().min(2).default(20),
      fast: z.number().int().positive().default(5),
      slow: z.number().int().positive().default(20),
      mode: z.enum(['long_only', 'long_short']).default('long_only'),
      weight: z.number().positive().max(1).default(0.5),
    })
    .refine((p) => p.fast < p.slow, { message: 'fast must be below slow', path: ['fast'] }),
  onBar(): void {},
};
`;

/** Writes a module into the temp folder; returns its path. */
function write(name: string, body: string): string {
  writeFileSync(path.join(dir, name), body);
  return path.join(dir, name);
}

/** A spec of a module strategy, as the form or a spec file gives it (the module relative to the spec's folder). */
function specOf(module: string, params: Record<string, unknown> = {}) {
  return parseSpec({ name: 'module sweep', data: { synthetic: { symbols: 1, years: 1, seed: 3 } }, strategy: { module, params } }, 'sweep', dir);
}

const grid = (axes: SweepDefinition['axes'], where = ''): SweepDefinition => ({ axes, search: { kind: 'grid' }, where });

/** The ConfigError a sweep is refused with. */
async function refusal(p: Promise<unknown>): Promise<ConfigError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(err)}`);
  return err;
}

// A folder outside the repository with the app's zod installed, as a user's strategy folder would have it.
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-sweep-module-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(root, 'node_modules/zod'), path.join(dir, 'node_modules/zod'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
  write('strategy.ts', MODULE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prepareSweep of a module strategy's params", () => {
  it('checks every axis against the schema the module exports, all problems at once, each under its axis', async () => {
    const err = await refusal(
      prepareSweep(
        specOf('./strategy.ts'),
        grid([
          { name: 'lookback', values: [2.5, 10, 1] },
          { name: 'weight', min: 0.5, max: 1.5, step: 0.5 },
          { name: 'mode', values: ['both'] },
          { name: 'lokback', values: [3] },
        ]),
        'sharpe',
      ),
    );
    expect(err.issues).toEqual([
      { path: 'axes.lookback', message: 'lookback takes an integer, not 2.5' },
      { path: 'axes.lookback', message: 'lookback must be >= 2, not 1' },
      { path: 'axes.weight', message: 'weight must be <= 1, not 1.5' },
      { path: 'axes.mode', message: 'mode is one of "long_only", "long_short", not "both"' },
      { path: 'axes.lokback', message: 'the strategy has no parameter "lokback" (it has lookback, fast, slow, mode, weight)' },
    ]);
    // A range of an integer param takes whole numbers only.
    const range = await refusal(prepareSweep(specOf('./strategy.ts'), grid([{ name: 'lookback', min: 2, max: 10, step: 2.5 }]), 'sharpe'));
    expect(range.issues).toEqual([{ path: 'axes.lookback', message: 'lookback takes integers: the range and its step must be whole numbers' }]);
  });

  it('names the combinations the schema refuses, with the hint to exclude them with a where', async () => {
    const axes = [
      { name: 'fast', values: [5, 10, 20] },
      { name: 'slow', values: [10, 20] },
    ];
    const err = await refusal(prepareSweep(specOf('./strategy.ts'), grid(axes), 'sharpe'));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].path).toBe('where');
    expect(err.issues[0].message).toBe(
      '3 of 6 combinations are not valid params for ./strategy.ts (fast=10, slow=10: fast must be below slow | fast=20, slow=10: fast must be below slow | ' +
        'fast=20, slow=20: fast must be below slow); exclude them with a where, e.g. "fast < slow"',
    );
    // The spec's own params count: with slow fixed at 8, every fast of 10 or more is refused.
    const fixed = await refusal(prepareSweep(specOf('./strategy.ts', { slow: 8 }), grid([{ name: 'fast', values: [5, 10, 20] }]), 'sharpe'));
    expect(fixed.issues[0].message).toMatch(/^2 of 3 combinations are not valid params for \.\/strategy\.ts \(fast=10: fast must be below slow \| fast=20: .*\); exclude them with a where$/);
    // With the where, the sweep is planned.
    const setup = await prepareSweep(specOf('./strategy.ts'), grid(axes, 'fast < slow'), 'sharpe');
    expect(setup.plan.combinations).toEqual([
      { fast: 5, slow: 10 },
      { fast: 5, slow: 20 },
      { fast: 10, slow: 20 },
    ]);
  });

  it('passes the axes of a strategy without a params schema as they are, and refuses a module that does not load', async () => {
    const fn = write('fn.ts', 'export default function (): null { return null; }\n');
    const setup = await prepareSweep(specOf(fn), grid([{ name: 'anything', values: [1.5, 'x'] }]), 'sharpe');
    expect(setup.plan.combinations).toEqual([{ anything: 1.5 }, { anything: 'x' }]);
    const broken = write('broken.ts', 'export default function ( {\n');
    const err = await refusal(prepareSweep(specOf(broken), grid([{ name: 'fast', values: [1] }]), 'sharpe'));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ path: 'strategy.module', message: expect.stringMatching(new RegExp(`^strategy module ${broken} could not be loaded: `)) as unknown });
  });

  it('checks whole combinations when the schema cannot list its params (a schema of another zod)', async () => {
    // safeParse is all a run needs of a params schema: one refusing lookback 3 refuses it up front too.
    const other = write(
      'other.ts',
      "export default { params: { safeParse: (p: { lookback?: number }) => (p.lookback === 3 ? { success: false, error: { issues: [{ message: 'not 3' }] } } : { success: true, data: p }) }, onBar(): void {} };\n",
    );
    const err = await refusal(prepareSweep(specOf(other), grid([{ name: 'lookback', values: [2, 3, 4] }]), 'sharpe'));
    expect(err.issues).toEqual([{ path: 'where', message: '1 of 3 combinations are not valid params for ./other.ts (lookback=3: not 3); exclude them with a where' }]);
  });

  it('checks a built-in as before, without loading anything', async () => {
    const spec = parseSpec({ name: 'builtin', data: { synthetic: { symbols: 1, years: 1, seed: 3 } }, strategy: { name: 'sma-cross' } }, 'sweep', dir);
    const err = await refusal(prepareSweep(spec, grid([{ name: 'fast', values: [2.5] }, { name: 'slow', values: [0, 2] }]), 'sharpe'));
    expect(err.issues.map((i) => i.path)).toEqual(['axes.fast', 'axes.slow']);
  });
});

describe("the app's plan and start of a module strategy's sweep", () => {
  it('lists every problem with the axes and the combinations, and queues nothing', async () => {
    const db = openDatabase(':memory:');
    // A plan and a refused start touch neither the backtest queue nor the pool.
    const service = new ResearchService({ db, dbPath: ':memory:', baseDir: dir, backtests: {} as JobQueue, onJob: () => undefined });
    try {
      const spec = { name: 'module sweep', data: { synthetic: { symbols: 1, years: 1, seed: 3 } }, strategy: { module: './strategy.ts' } };
      const req = (axes: SweepRequest['axes'], where = ''): SweepRequest => ({ spec, axes, search: { kind: 'grid' }, where, objective: 'sharpe' });
      expect(await service.plan(req([{ name: 'lookback', values: [2.5] }, { name: 'weight', values: [2] }]))).toEqual({
        combinations: 0,
        paramNames: [],
        issues: ['axes.lookback: lookback takes an integer, not 2.5', 'axes.weight: weight must be <= 1, not 2'],
      });
      const axes = [
        { name: 'fast', values: [5, 30] },
        { name: 'slow', values: [20] },
      ];
      const refused = await service.plan(req(axes));
      expect(refused.issues).toEqual([
        'where: 1 of 2 combinations are not valid params for ./strategy.ts (fast=30, slow=20: fast must be below slow); exclude them with a where, e.g. "fast < slow"',
      ]);
      await expect(service.startSweep(req(axes))).rejects.toThrow(/fast=30, slow=20: fast must be below slow/);
      await expect(service.startWalkForward({ ...req(axes), windows: { mode: 'rolling', unit: 'sessions', inSample: 100, outOfSample: 50 } })).rejects.toThrow(
        /fast=30, slow=20: fast must be below slow/,
      );
      expect(sweepSummaries(db)).toEqual([]);
      expect(await service.plan(req(axes, 'fast < slow'))).toEqual({ combinations: 1, paramNames: ['fast', 'slow'], issues: [] });
    } finally {
      await service.close();
      db.close();
    }
  });
});
