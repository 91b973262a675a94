import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barAt } from '../data/BarSeries';
import { loadBarsCsv } from '../data/csv/loadBarsCsv';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'core/cli/tradedesk.ts');
const DATA = path.join(root, 'fixtures/data');

function run(args: string[]) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', cli, 'data', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

let dir: string;
let dbFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-data-cli-'));
  dbFile = path.join(dir, 'store.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storeRows(): unknown {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT symbol, bar_size, bar_count, fingerprint FROM bar_series ORDER BY symbol, bar_size').all();
  } finally {
    db.close();
  }
}

describe('data CLI', () => {
  it('imports files, lists them as JSON, and refuses or replaces a stored series', () => {
    const goog = run(['import', path.join(DATA, 'GOOG.csv'), '--db', dbFile]);
    expect(goog.code).toBe(0);
    expect(goog.stdout).toBe('imported GOOG 1d from GOOG.csv (generic): 2,148 bars, 2004-08-19 to 2013-03-01\n');
    // Its weekdays without a bar are NYSE holidays, not gaps: nothing to warn of.
    expect(goog.stderr).toBe('');
    const idx = run(['import', path.join(DATA, '2006-day-001.txt'), '--symbol', 'idx', '--format', 'backtrader', '--db', dbFile, '--json']);
    expect(idx.code).toBe(0);
    expect(JSON.parse(idx.stdout)).toMatchObject({ symbol: 'IDX', bar_size: '1d', bars: 255, format: 'backtrader', replaced: false });

    const list = run(['list', '--json', '--db', dbFile]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(listed.map((s) => [s.symbol, s.bar_size, s.first, s.last, s.bars])).toEqual([
      ['GOOG', '1d', '2004-08-19T00:00:00.000Z', '2013-03-01T00:00:00.000Z', 2148],
      ['IDX', '1d', '2006-01-02T00:00:00.000Z', '2006-12-29T00:00:00.000Z', 255],
    ]);

    const before = storeRows();
    const refused = run(['import', path.join(DATA, 'GOOG.csv'), '--db', dbFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: GOOG 1d is already in the bar store \(2148 bars, 2004-08-19 to 2013-03-01, from GOOG\.csv\); replace it to overwrite\n$/);
    expect(storeRows()).toEqual(before);
    const replaced = run(['import', path.join(DATA, 'GOOG.csv'), '--db', dbFile, '--replace']);
    expect([replaced.code, replaced.stdout.startsWith('replaced GOOG 1d')]).toEqual([0, true]);
    expect(storeRows()).toEqual(before);
  });

  it('shows bars as one JSON array, resampled to a coarser size, within a range', () => {
    const weekly = run(['show', 'IDX', '--bar-size', '1w', '--json', '--db', dbFile]);
    expect(weekly.code).toBe(0);
    const shipped = loadBarsCsv(path.join(DATA, '2006-week-001.txt'));
    expect(JSON.parse(weekly.stdout)).toEqual(Array.from({ length: shipped.length }, (_, i) => barAt(shipped, i)));

    const range = run(['show', 'goog', '--from', '2004-08-19', '--to', '2004-08-20', '--db', dbFile]);
    expect(range.code).toBe(0);
    expect(range.stdout.split('\n')).toEqual([
      '# GOOG 1d: 2 bars',
      'ts            open    high     low   close    volume',
      '2004-08-19  100.00  104.06   95.96  100.34  22351900',
      '2004-08-20  101.01  109.08  100.50  108.31  11428600',
      '',
    ]);
  });

  it('rejects a broken file with line and column, writing nothing, and deletes series', () => {
    const bad = path.join(dir, 'BAD.csv');
    writeFileSync(bad, 'Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10,11,9,10.5,-5\n2020-01-03,10,11,9,10.5,5\n');
    const before = storeRows();
    const r = run(['import', bad, '--db', dbFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: BAD.csv was not imported:\n  BAD.csv:3: column "Volume": volume -5 is negative\n' +
        '  BAD.csv:4: column "Date": duplicate timestamp 2020-01-03T00:00:00.000Z (same as the previous row)\n',
    );
    expect(storeRows()).toEqual(before);

    const del = run(['delete', 'idx', '--db', dbFile]);
    expect([del.code, del.stdout]).toEqual([0, 'deleted IDX 1d (255 bars)\n']);
    const again = run(['delete', 'IDX', '--db', dbFile]);
    expect([again.code, again.stderr]).toEqual([1, 'error: no bars for IDX in the bar store\n']);
  });

  it('exits 2 with the usage on a wrong call', () => {
    for (const args of [['frobnicate'], ['list', '--symbol', 'X'], ['show', 'GOOG', '--from', 'yesterday']]) {
      const r = run([...args, '--db', dbFile]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: .*\nusage: tradedesk data/);
    }
  });

  it('prints a progress line on stderr for a big file', () => {
    const big = path.join(dir, 'BIG.csv');
    const start = Date.UTC(2020, 0, 6);
    const rows = Array.from({ length: 110_000 }, (_, i) => `${new Date(start + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},1.25,2.5,0.75,1.5,700`);
    writeFileSync(big, `,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
    expect(readFileSync(big).length).toBeGreaterThan(4 * 2 ** 20);
    const r = run(['import', big, '--db', dbFile]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^importing BIG\.csv: [1-9]\d%\n(importing BIG\.csv: \d+%\n)*importing BIG\.csv: 100%\n/);
    expect(r.stdout).toMatch(/^imported BIG 1m from BIG\.csv \(generic\): 110,000 bars/);
  });
});
