import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './ConfigError';
import { loadSpecFile, parseSpec } from './loadSpec';
import { simulatorSchema } from './simulatorSchema';

const backtests = fileURLToPath(new URL('../../configs/backtests/', import.meta.url));
let dir = '';
const googCsv = fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url));
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'spec-test-'));
  // The files the specs below name: loading a spec checks that they exist.
  for (const sub of ['data', 'a', 'abs']) mkdirSync(path.join(dir, sub));
  for (const name of ['data/GOOG.csv', 'a/x.csv', 'abs/y.csv']) copyFileSync(googCsv, path.join(dir, name));
  writeFileSync(path.join(dir, 't.csv'), 'date,symbol,target\n');
  writeFileSync(path.join(dir, 'strat.ts'), 'export default () => null;\n');
});

function writeSpec(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const VALID = `name: t
data: {csv: data/GOOG.csv}
strategy: {name: sma-cross, params: {fast: 10, targets_file: t.csv}}
`;

/** Runs `fn`, expecting a ConfigError, and returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSpecFile', () => {
  it('loads goog-sma.yaml with its data path resolved to the fixture GOOG.csv', () => {
    const spec = loadSpecFile(path.join(backtests, 'goog-sma.yaml'));
    expect(spec.data).toEqual({
      kind: 'csv',
      files: [{ symbol: 'GOOG', path: fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url)) }],
      adjustment: 'raw',
    });
    expect(spec.data.kind === 'csv' && existsSync(spec.data.files[0].path)).toBe(true);
    expect(spec.strategy).toEqual({
      kind: 'builtin',
      name: 'sma-cross',
      params: { fast: 10, slow: 20, mode: 'long_short', weight: 1 },
    });
    expect(spec.start).toBe(Date.UTC(2004, 7, 19));
    expect(spec.end).toBe(Date.UTC(2013, 2, 2) - 1);
    expect(spec.simulator.commission).toEqual({ model: 'percent', rate: 0.002, minimum: 0 });
    expect(spec.simulator.slippage_bps).toBe(0);
    expect(spec.simulator.use_volume_constraints).toBe(false);
    expect(spec.simulator.account).toEqual(simulatorSchema.parse({}).account);
    expect(spec.initialCash).toBe(10_000);
    expect(spec.timeMachine.strict_mode).toBe(true);
  });

  it('loads the synthetic equal-weight sample with defaults', () => {
    const spec = loadSpecFile(path.join(backtests, 'synthetic-equal-weight.yaml'));
    expect(spec.data).toEqual({ kind: 'synthetic', symbols: 50, years: 10, seed: 1, start: '2000-01-03' });
    expect(spec.simulator).toEqual(simulatorSchema.parse({}));
    expect(spec.start).toBeNull();
    expect(spec.end).toBeNull();
    expect(spec.benchmark).toBe('buy_and_hold');
  });

  it('resolves csv lists, strategy modules and path params against the spec folder', () => {
    const file = writeSpec(
      'paths.yaml',
      `name: p
data:
  csv: [{symbol: X, csv: a/x.csv}, {symbol: Y, csv: ${path.join(dir, 'abs/y.csv')}}]
strategy: {module: ./strat.ts, params: {file: targets.csv, window: 5}}
`,
    );
    const spec = loadSpecFile(file);
    expect(spec.baseDir).toBe(dir);
    expect(spec.data).toEqual({
      kind: 'csv',
      files: [
        { symbol: 'X', path: path.join(dir, 'a/x.csv') },
        { symbol: 'Y', path: path.join(dir, 'abs/y.csv') },
      ],
      adjustment: 'raw',
    });
    expect(spec.strategy).toEqual({
      kind: 'module',
      module: path.join(dir, 'strat.ts'),
      params: { file: path.join(dir, 'targets.csv'), window: 5 },
    });
  });

  it('runs on the seeded synthetic market when the spec names no data', () => {
    const spec = loadSpecFile(writeSpec('no-data.yaml', 'name: t\nstrategy: {name: buy-and-hold}\n'));
    expect(spec.data).toEqual({ kind: 'synthetic', symbols: 20, years: 10, seed: 1, start: '2000-01-03' });
  });

  it('applies --set overrides with YAML-typed values', () => {
    const spec = loadSpecFile(writeSpec('set.yaml', VALID), [
      'simulator.slippage_bps=3',
      'strategy.params.mode=long_only',
      'simulator.commission={model: fixed, amount: 1}',
      'end=2010-01-01',
    ]);
    expect(spec.simulator.slippage_bps).toBe(3);
    expect(spec.strategy.params.mode).toBe('long_only');
    expect(spec.simulator.commission).toEqual({ model: 'fixed', amount: 1 });
    expect(spec.end).toBe(Date.UTC(2010, 0, 2) - 1);
  });

  it('rejects an override into an unknown top-level key, and a bad override value', () => {
    const file = writeSpec('set-bad.yaml', VALID);
    const unknown = configError(() => loadSpecFile(file, ['simulatr.slippage_bps=3']));
    expect(unknown.path).toBe('simulatr.slippage_bps');
    expect(unknown.message).toContain('unknown top-level key "simulatr"');
    const typed = configError(() => loadSpecFile(file, ['simulator.slippage_bps=abc']));
    expect(typed.message).toBe(`${file}: simulator.slippage_bps: expected a number >= 0, got "abc"`);
  });
});

describe('bad specs give one clear ConfigError', () => {
  const cases: { name: string; text: string; path: string; says: string }[] = [
    { name: 'unknown key', text: `${VALID}simulator: {slipage_bps: 1}\n`, path: 'simulator.slipage_bps', says: 'unknown key (allowed: fill_timing' },
    { name: 'wrong type', text: `${VALID}initial_cash: lots\n`, path: 'initial_cash', says: 'expected a number > 0 and <= 1e15, got "lots"' },
    { name: 'nested wrong value', text: `${VALID}simulator: {commission: {model: percent, rate: 2}}\n`, path: 'simulator.commission.rate', says: 'expected a number >= 0 and <= 1, got 2' },
    { name: 'both csv and synthetic', text: `name: t\ndata: {csv: a.csv, synthetic: {symbols: 2, years: 1}}\nstrategy: {name: x}\n`, path: 'data', says: 'give exactly one of csv, synthetic or store' },
    { name: 'missing strategy', text: `name: t\ndata: {csv: a.csv}\n`, path: 'strategy', says: 'is required' },
    { name: 'absurd initial cash', text: `${VALID}initial_cash: 1e16\n`, path: 'initial_cash', says: 'expected a number > 0 and <= 1e15, got 1e16' },
    { name: 'overlong name', text: VALID.replace('name: t', `name: ${'n'.repeat(201)}`), path: 'name', says: `expected a string of at most 200 characters, got "${'n'.repeat(60)}..." (201 characters)` },
    {
      name: 'overlong symbol',
      text: `name: t\ndata: {csv: [{symbol: ${'S'.repeat(201)}, csv: a.csv}]}\nstrategy: {name: buy-and-hold}\n`,
      path: 'data.csv.0.symbol',
      says: 'expected a string of at most 200 characters',
    },
    { name: 'bad date', text: `${VALID}start: 2010-02-30\n`, path: 'start', says: 'expected a real date like 2004-08-19, got "2010-02-30"' },
    { name: 'start after end', text: `${VALID}start: 2010-02-03\nend: 2010-02-02\n`, path: 'end', says: 'end 2010-02-02 is before start 2010-02-03' },
    { name: 'YAML syntax error', text: `name: t\ndata: {csv: a.csv\nstrategy: {name: x}\n`, path: '', says: 'YAML syntax error at line' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const file = writeSpec(`${c.name.replace(/ /g, '-')}.yaml`, c.text);
      const err = configError(() => loadSpecFile(file));
      expect(err.file).toBe(file);
      expect(err.path).toBe(c.path);
      expect(err.issues).toHaveLength(1);
      expect(err.message).toContain(c.says);
      expect(err.message.startsWith(c.path ? `${file}: ${c.path}: ` : `${file}: `)).toBe(true);
    });
  }

  it('reports the YAML error position', () => {
    const file = writeSpec('syntax.yaml', 'name: t\ndata:\n  csv: [a.csv\nstrategy: x\n');
    const err = configError(() => loadSpecFile(file));
    expect(err.message).toMatch(/line \d+, column \d+/);
  });

  it('lists every issue, one per line', () => {
    const err = configError(() =>
      parseSpec({ name: '', data: { csv: 5 }, strategy: { name: 'x', bogus: 1 }, seed: 1.5 }, 'ui', '/tmp'),
    );
    expect(err.message.split('\n')).toEqual([
      'ui: name: expected a non-empty string, got ""',
      'ui: data.csv: expected a path or a list of {symbol, csv}, got 5',
      'ui: strategy.bogus: unknown key (allowed: name, module, params)',
      'ui: seed: expected an integer, got 1.5',
    ]);
  });

  it('accepts Date objects for dates (YAML 1.1 timestamps, UI pickers)', () => {
    const spec = parseSpec(
      { name: 't', data: { csv: 'a.csv' }, strategy: { name: 'x' }, start: new Date(Date.UTC(2005, 0, 3)) },
      'ui',
      '/base',
    );
    expect(spec.start).toBe(Date.UTC(2005, 0, 3));
    expect(spec.data).toEqual({ kind: 'csv', files: [{ symbol: 'a', path: '/base/a.csv' }], adjustment: 'raw' });
  });
});
