import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';
import { dataFingerprint } from '../data/fingerprint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const GOOG = path.join(root, 'fixtures/data/GOOG.csv');

/** `tradedesk <command> ...` from the sources. */
function run(command: 'backtest' | 'data', args: string[]) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'core/cli/tradedesk.ts'), command, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-store-backtest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a backtest on imported data, from the CLI', () => {
  it('runs the GOOG SMA spec on the imported series exactly as on the CSV file, and records the store source', () => {
    const dbFile = path.join(dir, 'app.db');
    expect(run('data', ['import', GOOG, '--db', dbFile]).code).toBe(0);
    // goog-sma.yaml with its data read from the store the run is recorded in.
    const spec = readFileSync(path.join(root, 'configs/backtests/goog-sma.yaml'), 'utf8').replace(
      /^data:\n {2}csv: .*$/m,
      'data:\n  store: {symbols: [GOOG]}\n  adjustment: raw',
    );
    expect(spec).toMatch(/store: \{symbols: \[GOOG\]\}/);
    const specFile = path.join(dir, 'goog-store.yaml');
    writeFileSync(specFile, spec);

    const r = run('backtest', [specFile, '--json', '--db', dbFile]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    // The numbers of core/cli/backtest.test.ts's run on GOOG.csv: the stored series is the same data.
    expect([out.status, out.bars, out.closed_trades]).toEqual(['completed', 2148, 93]);
    expect(out.data_fingerprint).toBe(dataFingerprint([loadBarsCsv(GOOG, { symbol: 'GOOG' })]));

    const db = new Database(dbFile, { readonly: true });
    const row = db.prepare('SELECT config_json FROM backtest_runs WHERE id = ?').get(out.run_id) as { config_json: string };
    db.close();
    expect(JSON.parse(row.config_json).data).toEqual({ kind: 'store', symbols: ['GOOG'], barSize: '1d', db: null, adjustment: 'raw' });
  });

  it('fails with one clear line when the store lacks a symbol, recording nothing', () => {
    const dbFile = path.join(dir, 'other.db');
    const r = run('backtest', [path.join(root, 'configs/backtests/goog-sma.yaml'), '--json', '--db', dbFile, '--set', 'data={store: {symbols: [NOPE]}}']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: no 1d bars for NOPE in the bar store\n');
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM backtest_runs').get()).toEqual({ n: 0 });
    db.close();
  });
});
