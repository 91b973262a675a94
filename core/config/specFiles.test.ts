import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES_ENV } from '../data/csv/dataFile';
import { specIssues } from '../service/backtests/specForm';
import { ConfigError } from './ConfigError';
import { loadSpecFile } from './loadSpec';

const goog = fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url));
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'spec-files-'));
  mkdirSync(path.join(dir, 'folder.csv'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
  writeFileSync(path.join(dir, 'small.csv'), 'x'.repeat(2000));
  // Sparse: 2 GB and one byte of nothing on disk.
  writeFileSync(path.join(dir, 'huge.csv'), '');
  truncateSync(path.join(dir, 'huge.csv'), 2 * 1024 ** 3 + 1);
  writeFileSync(path.join(dir, 'strat.mjs'), 'export default () => null;\n');
});
afterEach(() => {
  delete process.env[MAX_FILE_BYTES_ENV];
});

function specFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The issues loading the spec gives, as `path: message` lines after the file name. */
function issuesOf(file: string): string[] {
  try {
    loadSpecFile(file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    expect(err.message.split('\n').every((line) => line.startsWith(`${file}: `))).toBe(true);
    return err.issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('files a spec names are checked before anything runs', () => {
  it('a missing file, a folder, a FIFO and a device, each with its key path', () => {
    const file = specFile(
      'list.yaml',
      `name: t
data:
  csv:
    - {symbol: A, csv: ${goog}}
    - {symbol: B, csv: nope.csv}
    - {symbol: C, csv: folder.csv}
    - {symbol: D, csv: pipe.csv}
    - {symbol: E, csv: /dev/zero}
strategy: {name: buy-and-hold}
`,
    );
    expect(issuesOf(file)).toEqual([
      `data.csv.1.csv: no such file: ${path.join(dir, 'nope.csv')}`,
      `data.csv.2.csv: is a directory, not a regular file: ${path.join(dir, 'folder.csv')}`,
      `data.csv.3.csv: is a FIFO (named pipe), not a regular file: ${path.join(dir, 'pipe.csv')}`,
      'data.csv.4.csv: is a device, not a regular file: /dev/zero',
    ]);
  });

  it('a single csv path is data.csv', () => {
    expect(issuesOf(specFile('one.yaml', 'name: t\ndata: {csv: pipe.csv}\nstrategy: {name: buy-and-hold}\n'))).toEqual([
      `data.csv: is a FIFO (named pipe), not a regular file: ${path.join(dir, 'pipe.csv')}`,
    ]);
  });

  it('a file over the limit: 2 GB by default, or as TRADEDESK_MAX_FILE_BYTES says', () => {
    const huge = specFile('huge.yaml', 'name: t\ndata: {csv: huge.csv}\nstrategy: {name: buy-and-hold}\n');
    expect(issuesOf(huge)).toEqual([
      `data.csv: is 2.0 GB, over the 2 GB limit for a data file (set TRADEDESK_MAX_FILE_BYTES to change it): ${path.join(dir, 'huge.csv')}`,
    ]);
    const small = specFile('small.yaml', 'name: t\ndata: {csv: small.csv}\nstrategy: {name: buy-and-hold}\n');
    process.env[MAX_FILE_BYTES_ENV] = '1000';
    expect(issuesOf(small)).toEqual([
      `data.csv: is 2.0 KB, over the 1000 bytes limit for a data file (set TRADEDESK_MAX_FILE_BYTES to change it): ${path.join(dir, 'small.csv')}`,
    ]);
    process.env[MAX_FILE_BYTES_ENV] = 'lots';
    expect(() => loadSpecFile(small)).toThrow('TRADEDESK_MAX_FILE_BYTES must be a positive whole number of bytes, got "lots"');
  });

  it('an unknown built-in strategy, a missing module and a missing targets file', () => {
    expect(issuesOf(specFile('name.yaml', `name: t\ndata: {csv: ${goog}}\nstrategy: {name: smacross}\n`))).toEqual([
      'strategy.name: unknown strategy "smacross"; known: buy-and-hold, sma-cross, momentum, equal-weight, targets',
    ]);
    expect(issuesOf(specFile('module.yaml', `name: t\ndata: {csv: ${goog}}\nstrategy: {module: ./my.ts}\n`))).toEqual([
      `strategy.module: no such file: ${path.join(dir, 'my.ts')}`,
    ]);
    expect(issuesOf(specFile('targets.yaml', `name: t\ndata: {csv: ${goog}}\nstrategy: {name: targets, params: {file: t.csv}}\n`))).toEqual([
      `strategy.params.file: no such file: ${path.join(dir, 't.csv')}`,
    ]);
  });

  it('a store database must be a regular file, of any size', () => {
    expect(issuesOf(specFile('store.yaml', 'name: t\ndata: {store: {db: folder.csv}}\nstrategy: {name: buy-and-hold}\n'))).toEqual([
      `data.store.db: is a directory, not a regular file: ${path.join(dir, 'folder.csv')}`,
    ]);
    process.env[MAX_FILE_BYTES_ENV] = '1000';
    const spec = loadSpecFile(specFile('store-big.yaml', 'name: t\ndata: {store: {db: small.csv}}\nstrategy: {name: buy-and-hold}\n'));
    expect(spec.data).toMatchObject({ kind: 'store', db: path.join(dir, 'small.csv') });
  });

  it('a spec whose files are all there loads', () => {
    const spec = loadSpecFile(specFile('ok.yaml', `name: t\ndata: {csv: [{symbol: G, csv: ${goog}}]}\nstrategy: {module: ./strat.mjs}\n`));
    expect(spec.strategy).toEqual({ kind: 'module', module: path.join(dir, 'strat.mjs'), params: {} });
  });

  it('the form in the app gets the same issues, by key path', () => {
    const issues = specIssues({ name: 't', data: { csv: [{ symbol: 'P', csv: 'pipe.csv' }] }, strategy: { name: 'sma-cross' } }, dir);
    expect(issues).toEqual([{ path: 'data.csv.0.csv', message: `is a FIFO (named pipe), not a regular file: ${path.join(dir, 'pipe.csv')}` }]);
  });

  it('the spec file itself must be a regular file of at most 1 MB', () => {
    const pipe = path.join(dir, 'pipe.csv');
    expect(() => loadSpecFile(pipe)).toThrow(new ConfigError(pipe, [{ path: '', message: `cannot read file: is a FIFO (named pipe), not a regular file: ${pipe}` }]));
    expect(() => loadSpecFile(dir)).toThrow(`${dir}: cannot read file: is a directory, not a regular file: ${dir}`);
    const big = specFile('big.yaml', `name: t\n# ${'x'.repeat(2 * 1024 * 1024)}\nstrategy: {name: buy-and-hold}\n`);
    expect(() => loadSpecFile(big)).toThrow(`${big}: is 2.0 MB: a config file is at most 1 MB`);
  });

  it('the CLI prints them as spec file: key path: problem', () => {
    const file = specFile('cli.yaml', 'name: t\ndata: {csv: folder.csv}\nstrategy: {name: sma-cross}\n');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'core/cli/tradedesk.ts'), 'backtest', file, '--memory'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      stderr = (err as { stderr: string }).stderr;
    }
    expect(stderr).toBe(`error: ${file}: data.csv: is a directory, not a regular file: ${path.join(dir, 'folder.csv')}\n`);
  });
});
