import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from '../scripts/cliBundle.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Two levels below the root, as dist/cli is, so the bundle finds configs/ and node_modules the same way. */
const OUT = fileURLToPath(new URL('../.artifacts/bench-cli/', import.meta.url));
const SPEC = 'configs/backtests/goog-sma.yaml';
const RUNS = 7;

/** CPU seconds (user + system) of this process's waited-for children, from /proc on Linux; null elsewhere. */
function childrenCpuSeconds(): number | null {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/**
 * The cold start of the `tradedesk` command: wall time of `node <bundle> backtest goog-sma.yaml --memory --json`
 * (a one-symbol daily backtest, 2,148 bars), from process spawn to exit, each run a fresh process.
 * The bundle is built from the current sources exactly as `npm run build` builds dist/cli.
 */
export async function run(): Promise<Record<string, number>> {
  rmSync(OUT, { recursive: true, force: true });
  await (buildCli as (dir: string, o: { sourcemap: boolean }) => Promise<void>)(OUT, { sourcemap: false });
  const bin = `${OUT}tradedesk.mjs`;
  const once = (): number => {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, [bin, 'backtest', SPEC, '--memory', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (p.status !== 0) throw new Error(`tradedesk backtest failed (${p.status}): ${p.stderr}`);
    JSON.parse(p.stdout);
    return ms;
  };
  // The first run warms the OS file cache, as any second start of the command would find it.
  once();
  const cpuBefore = childrenCpuSeconds();
  const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  const cpuAfter = childrenCpuSeconds();
  // CPU time per run hardly depends on what else the machine runs; wall time does.
  const figures: Record<string, number> = { median_ms: times[Math.floor(RUNS / 2)], min_ms: times[0], max_ms: times[RUNS - 1], runs: RUNS };
  if (cpuBefore !== null && cpuAfter !== null) figures.cpu_ms_per_run = ((cpuAfter - cpuBefore) * 1000) / RUNS;
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run()));
}
