import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from '../../scripts/cliBundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const goog = path.join(root, 'configs/backtests/goog-sma.yaml');

let outDir: string;
let dataDir: string;
let bin: string;
beforeAll(async () => {
  // Two levels below the root, like dist/cli, and inside the project, where the bundle finds its packages.
  outDir = mkdtempSync(path.join(root, '.artifacts', 'cli-bin-'));
  bin = path.join(outDir, 'tradedesk.mjs');
  await (buildCli as (dir: string, o: { sourcemap: boolean }) => Promise<void>)(outDir, { sourcemap: false });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bin-'));
});
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[]) {
  const p = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TRADEDESK_DATA_DIR: dataDir } });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

describe('the tradedesk command, from its bundle', () => {
  it('is the package bin', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ tradedesk: 'dist/cli/tradedesk.mjs' });
  });

  it('runs a backtest and prints pure JSON on stdout, exit 0', () => {
    const r = run(['backtest', goog, '--memory', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'completed', bars: 2148, run_id: null, db: null });
  });

  it('records a run from the bundle (its writer thread finds better-sqlite3 from the chunks)', () => {
    const db = path.join(dataDir, 'runs.db');
    const r = run(['backtest', goog, '--db', db, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'completed', run_id: expect.stringMatching(/^[0-9a-f-]{36}$/), db });
  });

  it('exits 1 with one error line for a spec that does not exist, 2 for a wrong call', () => {
    const missing = run(['backtest', path.join(dataDir, 'nope.yaml'), '--memory', '--json']);
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toMatch(/^error: .*nope\.yaml.*\n$/);
    const none = run([]);
    expect([none.code, none.stderr.startsWith('usage: tradedesk <command>')]).toEqual([2, true]);
    const unknown = run(['frobnicate']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'error: unknown command "frobnicate"']);
    const help = run(['--help']);
    expect([help.code, /^usage: tradedesk <command>/.test(help.stdout)]).toEqual([0, true]);
  });

  it('ends quietly when its reader closes the pipe early (data show X | head), prices at the series precision', () => {
    const db = path.join(dataDir, 'pipe.db');
    expect(run(['data', 'import', path.join(root, 'fixtures/data/EURUSD.csv'), '--db', db]).code).toBe(0);
    // 5,000 hourly bars are far more than a pipe holds: the command is still writing when head exits.
    const p = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" data show EURUSD --db "${db}" | head -n 3`], { cwd: root, encoding: 'utf8' });
    expect(p.stderr).toBe('');
    expect(p.stdout.split('\n')).toEqual([
      '# EURUSD 1h: 5000 bars',
      'ts                      open     high      low    close  volume',
      '2017-04-19 09:00:00  1.07160  1.07220  1.07083  1.07219    1413',
      '',
    ]);
  });
});
