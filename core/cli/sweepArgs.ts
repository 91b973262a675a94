import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Search } from '../research/combinations';

export const SWEEP_USAGE = `usage: tradedesk sweep <spec.yaml> --grid name=from:to:step ... [options]
       tradedesk sweep merge <shard.json> ... [--json] [--db FILE | --memory]

  --grid SPEC       a parameter to vary: name=from:to:step (inclusive), name=a,b,c, or name=from:to (random search)
  --where EXPR      keep only combinations where EXPR holds, e.g. "fast < slow" (and, or, not, + - * /, abs, min, max)
  --objective NAME  the metric to optimise (default sharpe): sharpe, sortino, cagr_pct, calmar, return_drawdown,
                    total_return_pct, final_equity, max_drawdown_pct, ... or any metric of backtest --json
  --random N        N random combinations from the grid's ranges instead of all of them (--seed S, default 1)
  --set k=v         override a spec key, as for backtest
  --workers N       worker threads (default: every core)
  --shard I/N       run only the I-th of N interleaved shares of the combinations; with --out, write them to a
                    shard file that \`sweep merge\` joins with the others (nothing is recorded)
  --out FILE        where a shard's results go
  --json            print exactly one JSON object on stdout
  --db FILE         record the sweep in this SQLite file (default: the app's data directory)
  --memory          record nothing`;

/** What `sweep` and `walkforward` both take: the spec, what to vary and how to choose. */
export interface SweepCommon {
  spec: string;
  grids: string[];
  where: string;
  objective: string;
  search: Search;
  sets: string[];
  workers: number | undefined;
  json: boolean;
  db: string | undefined;
  memory: boolean;
}

export interface SweepArgs extends SweepCommon {
  shard: { index: number; count: number } | null;
  out: string | null;
}

/** The options `sweep` and `walkforward` share, for node:util's parseArgs. */
export const COMMON_OPTIONS = {
  grid: { type: 'string', multiple: true, default: [] as string[] },
  where: { type: 'string', default: '' },
  objective: { type: 'string', default: 'sharpe' },
  random: { type: 'string' },
  seed: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] as string[] },
  workers: { type: 'string' },
  json: { type: 'boolean', default: false },
  db: { type: 'string' },
  memory: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

interface CommonValues {
  grid: string[];
  where: string;
  objective: string;
  random?: string;
  seed?: string;
  set: string[];
  workers?: string;
  json: boolean;
  db?: string;
  memory: boolean;
}

export function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number above 0, not "${v}"`);
  return n;
}

/** The shared options, checked; a usage problem throws an Error whose message says what is wrong. */
export function commonArgs(values: CommonValues, positionals: readonly string[]): SweepCommon {
  if (positionals.length !== 1) throw new Error(`expected one spec file, got ${positionals.length}`);
  if (values.grid.length === 0) throw new Error('give at least one --grid name=from:to:step');
  if (values.db !== undefined && values.memory) throw new Error('--db and --memory exclude each other');
  const samples = positiveInt('--random', values.random);
  if (values.seed !== undefined && samples === undefined) throw new Error('--seed is for --random');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  // The generator takes a 32-bit seed: a larger one would draw like another seed.
  if (values.seed?.trim() === '' || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 31 - 1) throw new Error(`--seed takes a whole number below 2^31, not "${values.seed}"`);
  return {
    spec: positionals[0],
    grids: values.grid,
    where: values.where,
    objective: values.objective,
    search: samples === undefined ? { kind: 'grid' } : { kind: 'random', samples, seed },
    sets: values.set,
    workers: positiveInt('--workers', values.workers),
    json: values.json,
    db: values.db,
    memory: values.memory,
  };
}

/** The sweep command's arguments, checked; a usage problem throws an Error whose message says what is wrong. */
export function parseSweepArgs(argv: string[]): SweepArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, shard: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.help) return 'help';
  const common = commonArgs(values, positionals);
  let shard: SweepArgs['shard'] = null;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || index < 1 || count < 1 || index > count) throw new Error(`--shard takes I/N with 1 <= I <= N (e.g. 2/4), not "${values.shard}"`);
    if (values.out === undefined) throw new Error('--shard needs --out FILE: a shard writes its results to a file for `sweep merge`');
    shard = { index, count };
  } else if (values.out !== undefined) throw new Error('--out is for --shard runs');
  return { ...common, shard, out: values.out ?? null };
}
