import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSpecFile } from '../core/config/loadSpec';
import { parseGridArg } from '../core/research/gridArg';
import { prepareSweep, runSweep } from '../core/service/research/sweep';
import { SweepPool } from '../core/service/research/sweepPool';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from '../scripts/cliBundle.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Two levels below the root, as dist/cli is, so the bundle finds its worker and node_modules the same way. */
const OUT = fileURLToPath(new URL('../.artifacts/bench-sweep/', import.meta.url));
const SPEC = 'configs/backtests/goog-sweep.yaml';
/**
 * V8 settings as `npm run sweep` runs it: the engine's young generation and GC thread, without its larger
 * inlining budget (it pays in a long run, but a sweep's fresh workers spend longer compiling: about 7% slower
 * on (e)), and with optimizing compiles on the worker's own thread (on 2 cores, background compiles for two
 * workers compete with the workers themselves: about 10% faster on (e)).
 */
const NODE_FLAGS = ['--max-semi-space-size=32', '--single-threaded-gc', '--no-concurrent-recompilation'];
const GRID = ['--grid', 'fast=5:50', '--grid', 'slow=10:200', '--where', 'fast < slow', '--random', '1000', '--objective', 'sharpe'];
const WALK = ['--grid', 'fast=5:50:5', '--grid', 'slow=10:200:10', '--where', 'fast < slow', '--objective', 'sharpe', '--mode', 'rolling', '--unit', 'sessions', '--is', '508', '--oos', '164'];
const RUNS = 3;

/** The command's --json answer, with `process_ms`: the whole process's wall time, from its start to its exit. */
function cli(args: string[]): Record<string, unknown> {
  const started = performance.now();
  const p = spawnSync(process.execPath, [...NODE_FLAGS, `${OUT}tradedesk.mjs`, ...args, '--memory', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const processMs = performance.now() - started;
  if (p.status !== 0) throw new Error(`tradedesk ${args[0]} failed (${p.status}): ${p.stderr}`);
  return { ...(JSON.parse(p.stdout) as Record<string, unknown>), process_ms: processMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The same sweep run again on a pool that has just run it, as the app's research jobs share one pool whose
 * workers stay for 30 s: started, with the data loaded and the engine compiled. Median of RUNS sweeps.
 */
async function warmRate(workers: number): Promise<number> {
  const spec = loadSpecFile(path.join(ROOT, SPEC));
  const setup = await prepareSweep(spec, { axes: [parseGridArg('fast=5:50'), parseGridArg('slow=10:200')], search: { kind: 'random', samples: 1000, seed: 1 }, where: 'fast < slow' }, 'sharpe');
  const pool = new SweepPool({ workers, workerUrl: pathToFileURL(`${OUT}sweepWorker.mjs`) });
  try {
    await runSweep(setup, pool);
    const rates: number[] = [];
    for (let i = 0; i < RUNS; i++) rates.push((1000 / (await runSweep(setup, pool)).elapsedMs) * 1000);
    return median(rates);
  } finally {
    await pool.close();
  }
}

/**
 * (e) a 1,000-combination SMA-cross sweep on the GOOG daily file, every combination a full simulation with the
 * default costs, at 1 worker and at every core; (f) a 10-window rolling walk-forward of the 5-step grid.
 * Wall time of the sweep inside the command (elapsed_ms: from the command's start, once node has loaded it, to the
 * statistics: starting the workers, reading the spec and the data, every run and the statistics included), median
 * of RUNS fresh processes, from the bundle `npm run build` makes; process_ms_all_workers is the whole command's
 * process, start to exit (node's own start and printing included).
 */
export async function run(): Promise<Record<string, number>> {
  rmSync(OUT, { recursive: true, force: true });
  await (buildCli as (dir: string, o: { sourcemap: boolean }) => Promise<void>)(OUT, { sourcemap: false });
  const all = availableParallelism();
  const rate = (workers: number, grid: readonly string[] = GRID, combinations = 1000): { perSec: number; runsPerSec: number; statsMs: number; processMs: number } => {
    const runs = Array.from({ length: RUNS }, () => cli(['sweep', SPEC, ...grid, '--workers', String(workers)]));
    for (const r of runs) if (r.combinations !== combinations) throw new Error(`the sweep ran ${String(r.combinations)} combinations, not ${combinations}`);
    return {
      perSec: median(runs.map((r) => (combinations / (r.elapsed_ms as number)) * 1000)),
      runsPerSec: median(runs.map((r) => (combinations / ((r.elapsed_ms as number) - (r.stats_ms as number))) * 1000)),
      statsMs: median(runs.map((r) => r.stats_ms as number)),
      processMs: median(runs.map((r) => r.process_ms as number)),
    };
  };
  const one = rate(1);
  const every = rate(all);
  // Scaling once each worker's start is spread over more runs: 5,000 combinations, the statistics left out.
  const LONG = [...GRID.slice(0, GRID.indexOf('--random')), '--random', '5000', '--objective', 'sharpe'];
  const longOne = rate(1, LONG, 5000);
  const longAll = rate(all, LONG, 5000);
  const warm = await warmRate(all);
  const walks = Array.from({ length: RUNS }, () => cli(['walkforward', SPEC, ...WALK]));
  for (const w of walks) if (w.windows !== 10) throw new Error(`the walk-forward made ${String(w.windows)} windows, not 10`);
  return {
    workers: all,
    combinations_per_s_1_worker: one.perSec,
    combinations_per_s_all_workers: every.perSec,
    scaling: every.perSec / one.perSec,
    stats_ms: every.statsMs,
    runs_per_s_all_workers: every.runsPerSec,
    // The whole command, process start to exit (node's start, loading the command, reading the spec and the data,
    // the sweep, printing): what elapsed_ms leaves out of (e) is in here.
    process_ms_all_workers: every.processMs,
    warm_combinations_per_s: warm,
    runs_per_s_5000_1_worker: longOne.runsPerSec,
    runs_per_s_5000_all_workers: longAll.runsPerSec,
    scaling_5000: longAll.runsPerSec / longOne.runsPerSec,
    walk_forward_s: median(walks.map((w) => (w.elapsed_ms as number) / 1000)),
    runs: RUNS,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run()));
}
