import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../config/ConfigError';
import { openDatabase } from '../store/db';
import { listWalkForwards } from '../store/walkForwards';
import { regimeCloses, writeBars, writeSmaSpec } from '../service/research/walkForwardTestData';
import { walkForwardCommand } from './walkForward';

let dir: string;
let spec: string;
const GRID = ['--grid', 'fast=5:20:5', '--grid', 'slow=20:60:10', '--where', 'fast < slow'];
const PLAN = ['--is', '200', '--oos', '100', '--workers', '2'];

/** Runs the command in this process, capturing what it writes. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await walkForwardCommand(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function recorded(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    return listWalkForwards(db);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-wf-cli-'));
  writeBars(dir, [100, ...regimeCloses(100, 599, 'trend', 3)]);
  spec = writeSmaSpec(dir);
});

describe('walkforward CLI', () => {
  it('with --json prints exactly one JSON object: the window count, efficiency, stitched metrics and each window', async () => {
    const r = await cli([spec, ...GRID, ...PLAN, '--json', '--memory']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(out).toMatchObject({ walk_forward_id: null, state: 'completed', objective: 'sharpe', windows: 4, done: 80, total: 80, db: null });
    expect(typeof out.elapsed_ms).toBe('number');
    expect(out).toHaveProperty('efficiency');
    expect(out.stitched_metrics).toMatchObject({ sharpe: expect.any(Number), final_equity: expect.any(Number), max_drawdown_pct: expect.any(Number) });
    const list = out.window_list as Record<string, unknown>[];
    expect(list.map((w) => [w.index, w.out_of_sample_start])).toEqual([
      [0, '2015-10-12'],
      [1, '2016-02-29'],
      [2, '2016-07-18'],
      [3, '2016-12-05'],
    ]);
    for (const w of list) {
      expect(w.params).toEqual({ fast: expect.any(Number), slow: expect.any(Number) });
      expect(w).toHaveProperty('in_sample_objective');
      expect(w).toHaveProperty('out_of_sample_objective');
    }
  });

  it('records the walk-forward in the database and prints the window table and summary', async () => {
    const dbFile = path.join(dir, 'runs.db');
    const r = await cli([spec, ...GRID, ...PLAN, '--mode', 'anchored', '--random', '5', '--seed', '3', '--db', dbFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2015-01-05 \.\. 2016-12-02 .* 2016-12-05 \.\. 2017-04-21/);
    expect(r.stdout).toContain('walk-forward efficiency');
    expect(r.stdout).toContain(`recorded in ${dbFile}`);
    const [rec] = recorded(dbFile);
    expect(rec).toMatchObject({ name: 'wf-test', strategy: 'sma-cross', objective: 'sharpe', state: 'completed', done: 24, total: 24, paramNames: ['fast', 'slow'] });
    expect(rec.request).toMatchObject({ where: 'fast < slow', search: { kind: 'random', samples: 5, seed: 3 }, windows: { mode: 'anchored', unit: 'sessions', inSample: 200, outOfSample: 100 } });
    const result = rec.result as { windows: unknown[]; stitched: { ts: number[] } };
    expect(result.windows).toHaveLength(4);
    expect(result.stitched.ts).toHaveLength(401);
  });

  it('exits 2 with the usage on a usage error', async () => {
    for (const argv of [
      [spec, ...PLAN],
      [spec, ...GRID, '--oos', '100'],
      [spec, ...GRID, ...PLAN, '--mode', 'sideways'],
      [spec, ...GRID, '--is', '0', '--oos', '5'],
      [spec, ...GRID, ...PLAN, '--db', 'x.db', '--memory'],
      [spec, '--grid', 'fast', ...PLAN],
      [spec, ...GRID, ...PLAN, '--bogus'],
      [spec, ...GRID, ...PLAN, '--seed', '3'],
      [...GRID, ...PLAN],
    ]) {
      const r = await cli(argv);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/^error: .+\nusage: tradedesk walkforward/);
    }
  });

  it('throws a bad sweep or window plan as a ConfigError naming the spec, before recording anything', async () => {
    const dbFile = path.join(dir, 'bad.db');
    await expect(cli([spec, '--grid', 'fats=1:3:1', ...PLAN, '--db', dbFile])).rejects.toThrow(ConfigError);
    await expect(cli([spec, ...GRID, '--is', '600', '--oos', '10', '--db', dbFile])).rejects.toThrow(`${spec}: windows: the data has 600 sessions; the plan needs 601`);
    expect(recorded(dbFile)).toEqual([]);
  });
});
