import { describe, expect, it } from 'vitest';
import { parseSweepArgs, SWEEP_USAGE, type SweepArgs } from './sweepArgs';

/** Parses argv, failing the test if it asks for help. */
function parsed(argv: string[]): SweepArgs {
  const a = parseSweepArgs(argv);
  if (a === 'help') throw new Error('expected arguments, got help');
  return a;
}

const BASE = ['spec.yaml', '--grid', 'fast=5:50:5'];

describe('parseSweepArgs: accepted arguments', () => {
  it('defaults everything but the spec and one grid', () => {
    expect(parsed(BASE)).toEqual({
      spec: 'spec.yaml',
      grids: ['fast=5:50:5'],
      where: '',
      objective: 'sharpe',
      search: { kind: 'grid' },
      sets: [],
      workers: undefined,
      shard: null,
      out: null,
      json: false,
      db: undefined,
      memory: false,
    });
  });

  it('keeps every --grid and --set in order, the spec wherever it stands', () => {
    const a = parsed(['--grid', 'fast=5:50:5', 'spec.yaml', '--grid', 'mode=long_only,long_short', '--set', 'initial_cash=5000', '--set', 'strategy.params.weight=0.5']);
    expect(a.spec).toBe('spec.yaml');
    expect(a.grids).toEqual(['fast=5:50:5', 'mode=long_only,long_short']);
    expect(a.sets).toEqual(['initial_cash=5000', 'strategy.params.weight=0.5']);
  });

  it('reads --where, --objective and --json', () => {
    const a = parsed([...BASE, '--where', 'fast < slow', '--objective', 'calmar', '--json']);
    expect(a.where).toBe('fast < slow');
    expect(a.objective).toBe('calmar');
    expect(a.json).toBe(true);
  });

  it('reads --random as a random search with seed 1 unless --seed says otherwise', () => {
    expect(parsed([...BASE, '--random', '200']).search).toEqual({ kind: 'random', samples: 200, seed: 1 });
    expect(parsed([...BASE, '--random', '50', '--seed', '42']).search).toEqual({ kind: 'random', samples: 50, seed: 42 });
    expect(parsed([...BASE, '--random=50', '--seed=-7']).search).toEqual({ kind: 'random', samples: 50, seed: -7 });
    expect(parsed([...BASE, '--random', '1', '--seed', '0']).search).toEqual({ kind: 'random', samples: 1, seed: 0 });
  });

  it('reads --workers', () => {
    expect(parsed([...BASE, '--workers', '4']).workers).toBe(4);
  });

  it('reads --shard I/N with --out', () => {
    const a = parsed([...BASE, '--shard', '2/4', '--out', 'part-2.json']);
    expect(a.shard).toEqual({ index: 2, count: 4 });
    expect(a.out).toBe('part-2.json');
    expect(parsed([...BASE, '--shard', '1/1', '--out', 'all.json']).shard).toEqual({ index: 1, count: 1 });
    expect(parsed([...BASE, '--shard', '4/4', '--out', 'o.json']).shard).toEqual({ index: 4, count: 4 });
  });

  it('reads --db and --memory', () => {
    expect(parsed([...BASE, '--db', '/tmp/x.sqlite'])).toMatchObject({ db: '/tmp/x.sqlite', memory: false });
    expect(parsed([...BASE, '--memory'])).toMatchObject({ db: undefined, memory: true });
  });

  it('answers help for -h or --help, whatever else is given', () => {
    expect(parseSweepArgs(['--help'])).toBe('help');
    expect(parseSweepArgs(['-h'])).toBe('help');
    expect(parseSweepArgs(['a.yaml', 'b.yaml', '-h'])).toBe('help');
    expect(SWEEP_USAGE).toMatch(/^usage: tradedesk sweep <spec\.yaml> --grid/);
  });
});

describe('parseSweepArgs: usage errors', () => {
  const fails = (argv: string[], message: string) => expect(() => parseSweepArgs(argv), argv.join(' ')).toThrow(message);

  it('needs exactly one spec file', () => {
    fails(['--grid', 'fast=1:5:1'], 'expected one spec file, got 0');
    fails(['a.yaml', 'b.yaml', '--grid', 'fast=1:5:1'], 'expected one spec file, got 2');
  });

  it('needs a --grid', () => {
    fails(['spec.yaml'], 'give at least one --grid name=from:to:step');
  });

  it('refuses a malformed --shard', () => {
    for (const s of ['2', '0/3', '4/3', '1/0', '-1/2', '1/2/3', 'a/b', ' 1/2', '1.5/2']) {
      fails([...BASE, `--shard=${s}`, '--out', 'o.json'], `--shard takes I/N with 1 <= I <= N (e.g. 2/4), not "${s}"`);
    }
  });

  it('needs --out with --shard, and --shard with --out', () => {
    fails([...BASE, '--shard', '1/2'], '--shard needs --out FILE: a shard writes its results to a file for `sweep merge`');
    fails([...BASE, '--out', 'o.json'], '--out is for --shard runs');
  });

  it('refuses --db with --memory', () => {
    fails([...BASE, '--db', 'x.sqlite', '--memory'], '--db and --memory exclude each other');
  });

  it('needs a whole number above 0 for --random and --workers', () => {
    for (const v of ['0', '-3', '2.5', 'ten', 'NaN']) {
      fails([...BASE, `--random=${v}`], `--random takes a whole number above 0, not "${v}"`);
      fails([...BASE, `--workers=${v}`], `--workers takes a whole number above 0, not "${v}"`);
    }
  });

  it('takes --seed only with --random, and only a whole number', () => {
    fails([...BASE, '--seed', '3'], '--seed is for --random');
    fails([...BASE, '--random', '5', '--seed', '1.5'], '--seed takes a whole number below 2^31, not "1.5"');
    fails([...BASE, '--random', '5', '--seed', 'abc'], '--seed takes a whole number below 2^31, not "abc"');
    fails([...BASE, '--random', '5', '--seed='], '--seed takes a whole number below 2^31, not ""');
    fails([...BASE, '--random', '5', '--seed', '1e20'], '--seed takes a whole number below 2^31, not "1e20"');
  });

  it('refuses an unknown option or a flag without its value', () => {
    expect(() => parseSweepArgs([...BASE, '--grids', 'x=1'])).toThrow(/--grids/);
    expect(() => parseSweepArgs([...BASE, '--workers'])).toThrow(/--workers/);
    expect(() => parseSweepArgs([...BASE, '--json=yes'])).toThrow(/--json/);
  });
});
