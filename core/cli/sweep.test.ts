import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'core/cli/tradedesk.ts');
const goog = path.join(root, 'configs/backtests/goog-sma.yaml');
const GRID = ['--grid', 'fast=5:25:5', '--grid', 'slow=20:60:10', '--where', 'fast < slow'];

function run(args: string[]) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

function json(args: string[]): Record<string, unknown> {
  const r = run(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'tradedesk-sweep-'));

interface Best {
  index: number;
  params: Record<string, number>;
  objective: number;
  metrics: Record<string, number | null>;
}

describe('sweep CLI', () => {
  it("finds the best combination, whose metrics equal a single backtest of it to the last digit", () => {
    const out = json(['sweep', goog, ...GRID, '--objective', 'sharpe', '--workers', '2', '--memory', '--json']);
    // fast 5..25 x slow 20..60, fast < slow: 5 x 5 = 25 minus (20, 20) and (25, 20) = 23 combinations.
    expect(out.combinations).toBe(23);
    expect(out.status).toBe('completed');
    expect(typeof out.elapsed_ms).toBe('number');
    const best = out.best as Best;
    const single = json(['backtest', goog, '--set', `strategy.params.fast=${best.params.fast}`, '--set', `strategy.params.slow=${best.params.slow}`, '--memory', '--json']);
    const singleMetrics = single.metrics as Record<string, number | null>;
    for (const key of ['final_equity', 'total_return_pct', 'cagr_pct', 'max_drawdown_pct', 'sharpe', 'commissions', 'closed_trades', 'open_trades']) {
      expect(best.metrics[key], key).toBe(single[key]);
    }
    expect(best.metrics.sortino).toBe(singleMetrics.sortino);
    expect(best.metrics.calmar).toBe(singleMetrics.calmar);
    expect(best.metrics.orders).toBe(single.orders);
    expect(best.objective).toBe(single.sharpe);
    // Overfitting statistics come with a whole sweep.
    const of = out.overfitting as { deflated_sharpe: { trials: number; dsr: number; reading: string }; pbo: { pbo: number; reading: string } };
    expect(of.deflated_sharpe.trials).toBe(23);
    expect(of.deflated_sharpe.dsr).toBeGreaterThanOrEqual(0);
    expect(of.deflated_sharpe.dsr).toBeLessThanOrEqual(1);
    expect(of.pbo.pbo).toBeGreaterThanOrEqual(0);
    expect(of.pbo.reading).toMatch(/^PBO /);
  });

  it('records the sweep and its combinations in the database', () => {
    const dbFile = path.join(tmp(), 'research.db');
    const out = json(['sweep', goog, ...GRID, '--objective', 'cagr_pct', '--workers', '1', '--db', dbFile, '--json']);
    const db = new Database(dbFile, { readonly: true });
    try {
      const sweep = db.prepare('SELECT state, combinations, done, best_idx, best_objective, objective FROM sweeps WHERE id = ?').get(out.sweep_id) as Record<string, unknown>;
      expect(sweep).toMatchObject({ state: 'completed', combinations: 23, done: 23, objective: 'cagr_pct', best_idx: (out.best as Best).index });
      expect(sweep.best_objective).toBe((out.best as Best).metrics.cagr_pct);
      const rows = db.prepare('SELECT COUNT(*) AS n, COUNT(run_id) AS runs FROM sweep_results WHERE sweep_id = ?').get(out.sweep_id) as { n: number; runs: number };
      // Metrics per combination, no full runs until one is opened.
      expect(rows).toEqual({ n: 23, runs: 0 });
      expect(db.prepare('SELECT COUNT(*) FROM backtest_runs').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('runs shards whose merged files give the same sweep as one run', () => {
    const dir = tmp();
    const whole = json(['sweep', goog, ...GRID, '--memory', '--json', '--workers', '2']);
    const files = [1, 2, 3].map((i) => path.join(dir, `shard-${i}.json`));
    const shardCounts = files.map((f, i) => json(['sweep', goog, ...GRID, '--shard', `${i + 1}/3`, '--out', f, '--json', '--workers', '1']).combinations);
    expect(shardCounts).toEqual([8, 8, 7]);
    const dbFile = path.join(dir, 'merged.db');
    const merged = json(['sweep', 'merge', ...files, '--db', dbFile, '--json']);
    expect(merged.combinations).toBe(23);
    expect(merged.best).toEqual(whole.best);
    expect(merged.overfitting).toEqual(whole.overfitting);
    // A shard missing is named, and nothing is recorded.
    const partial = run(['sweep', 'merge', files[0], files[2], '--memory', '--json']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('shard 2/3 missing');
    // A shard of another sweep is refused.
    const other = path.join(dir, 'other.json');
    json(['sweep', goog, '--grid', 'fast=5:25:5', '--grid', 'slow=30:60:10', '--shard', '2/3', '--out', other, '--json']);
    const mixed = run(['sweep', 'merge', files[0], other, files[2], '--memory']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/is a shard of another sweep/);
  });

  it('refuses bad input before running anything, naming what is wrong', () => {
    const unknown = run(['sweep', goog, '--grid', 'fsat=5:25:5', '--memory']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the strategy has no parameter "fsat" (it has fast, slow, mode, weight)');
    const invalid = run(['sweep', goog, '--grid', 'fast=5:25:5', '--grid', 'slow=10:30:10', '--memory']);
    expect(invalid.stderr).toMatch(/combinations are not valid params for sma-cross .*fast must be less than slow.*where/);
    const where = run(['sweep', goog, ...GRID.slice(0, 4), '--where', 'fast < slwo', '--memory']);
    expect(where.stderr).toContain('unknown parameter "slwo"');
    const objective = run(['sweep', goog, ...GRID, '--objective', 'sharp', '--memory']);
    expect(objective.stderr).toContain('unknown objective "sharp"');
    const usage = run(['sweep', goog, '--memory']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give at least one --grid');
    const shard = run(['sweep', goog, ...GRID, '--shard', '4/3', '--out', 'x.json']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard takes I/N');
    const broken = path.join(tmp(), 'broken.json');
    writeFileSync(broken, '{"format":"tradedesk-sweep-shard"}');
    const merge = run(['sweep', 'merge', broken, '--memory']);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain(`${broken}: not a sweep shard file`);
    expect(readFileSync(broken, 'utf8')).toBe('{"format":"tradedesk-sweep-shard"}');
  });

  it("checks a strategy module's axes and combinations against its params schema before running anything", () => {
    // A user's strategy folder outside the repository, with the app's zod installed.
    const dir = tmp();
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(root, 'node_modules/zod'), path.join(dir, 'node_modules/zod'), 'dir');
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    writeFileSync(
      path.join(dir, 'strategy.ts'),
      `import { z } from 'zod';
export default {
  params: z.object({ lookback: z.number().int().min(2).default(20), fast: z.number().int().default(5), slow: z.number().int().default(20) })
    .refine((p) => p.fast < p.slow, { message: 'fast must be below slow' }),
  onBar(): void {},
};
`,
    );
    const spec = path.join(dir, 'module.yaml');
    writeFileSync(spec, `name: module sweep\ndata:\n  csv: ${path.join(root, 'fixtures/data/GOOG.csv')}\nstrategy:\n  module: ./strategy.ts\n`);
    const dbFile = path.join(dir, 'research.db');
    const axes = run(['sweep', spec, '--grid', 'lookback=2.5,10', '--grid', 'fast=1:4:1', '--grid', 'slwo=3', '--db', dbFile]);
    expect(axes.code).toBe(1);
    expect(axes.stderr).toContain('sweep: axes.lookback: lookback takes an integer, not 2.5');
    expect(axes.stderr).toContain('sweep: axes.slwo: the strategy has no parameter "slwo" (it has lookback, fast, slow)');
    const combos = run(['sweep', spec, '--grid', 'fast=5:25:10', '--grid', 'slow=10:20:10', '--db', dbFile]);
    expect(combos.code).toBe(1);
    expect(combos.stderr).toContain(
      'sweep: where: 3 of 6 combinations are not valid params for ./strategy.ts (fast=15, slow=10: fast must be below slow | fast=25, slow=10: fast must be below slow | fast=25, slow=20: fast must be below slow); exclude them with a where, e.g. "fast < slow"',
    );
    // Refused before anything ran or was recorded.
    expect(existsSync(dbFile)).toBe(false);
    // The walk-forward checks its sweep the same way.
    const walk = run(['walkforward', spec, '--grid', 'lookback=2.5,10', '--is', '200', '--oos', '100', '--memory']);
    expect(walk.code).toBe(1);
    expect(walk.stderr).toContain('axes.lookback: lookback takes an integer, not 2.5');
    // With the where, it runs.
    const ok = json(['sweep', spec, '--grid', 'fast=5:25:10', '--grid', 'slow=10:20:10', '--where', 'fast < slow', '--memory', '--json', '--workers', '1']);
    expect(ok.combinations).toBe(3);
  });
});
