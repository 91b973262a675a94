import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WorkloadFigures } from './workload';

/** Runs each workload in a fresh process and prints its throughput and peak RSS against the targets. */
const TARGETS: Record<string, { perSec: number; rssMb?: number }> = {
  a: { perSec: 1_000_000 },
  b: { perSec: 250_000, rssMb: 1536 },
  b50: { perSec: 360_000 },
  c: { perSec: 1_000_000 },
  // Half of (c)'s measured rate when (c) ran first; this floor otherwise.
  d: { perSec: 500_000 },
};

// Measured as shipped: bundled by esbuild (as `npm run build` does), not through tsx's loader, whose
// keep-names wrappers cost a fifth of the engine's time.
const outDir = fileURLToPath(new URL('../.artifacts/bench/', import.meta.url));
const workload = `${outDir}workload.mjs`;
await build({
  entryPoints: [fileURLToPath(new URL('./workload.ts', import.meta.url))],
  outfile: workload,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  // The example strategy imports the package's public entry, as a user's module does.
  alias: { 'tradedesk/strategy': fileURLToPath(new URL('../core/strategy/package.ts', import.meta.url)) },
  logLevel: 'warning',
});
cpSync(fileURLToPath(new URL('../core/store/migrations', import.meta.url)), `${outDir}migrations`, { recursive: true });
const only = process.argv.slice(2);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * Each workload runs this many times, each in a fresh process; the run with the median rate is reported.
 * Five, not three: a process's speed depends on what the optimizing compiler made of the engine in it,
 * which varies from process to process by up to a fifth on this shared 2-core host.
 */
const RUNS = 5;

function runWorkload(w: string): WorkloadFigures | null {
  // The engine process's V8 settings (see README): a young generation of up to 32 MB semi-spaces for its
  // short-lived orders and fills, collected on the engine's own thread (helper threads cost more than they
  // save on 2 cores), and twice V8's default inlining budget for the engine's long per-order call chains.
  const p = spawnSync(process.execPath, ['--max-semi-space-size=32', '--single-threaded-gc', '--max-inlined-bytecode-size-cumulative=2000', workload, w], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (p.status !== 0) {
    process.stderr.write(`workload ${w} failed:\n${p.stderr}`);
    process.exitCode = 1;
    return null;
  }
  return JSON.parse(p.stdout.trim().split('\n').pop() as string) as WorkloadFigures;
}

const rates: Record<string, number> = {};
for (const w of ['a', 'b', 'b50', 'c', 'd']) {
  if (only.length > 0 && !only.includes(w)) continue;
  const runs: WorkloadFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    const f = runWorkload(w);
    if (f) runs.push(f);
  }
  if (runs.length < RUNS) continue;
  const rateOf = (f: WorkloadFigures): number => f.bars / f.seconds;
  runs.sort((x, y) => rateOf(x) - rateOf(y));
  const f = runs[Math.floor(RUNS / 2)];
  const peakRss = Math.max(...runs.map((r) => r.peakRssMb));
  const t = w === 'd' && rates.c !== undefined ? { perSec: rates.c / 2 } : TARGETS[w];
  const rate = rateOf(f);
  rates[w] = rate;
  const meets = rate >= t.perSec && (t.rssMb === undefined || peakRss <= t.rssMb);
  process.stdout.write(
    `(${w}) ${f.detail}\n` +
      `    ${fmt(rate)} instrument-sessions/s | ${fmt(f.orders / f.seconds)} orders/s | ${fmt(f.fills / f.seconds)} fills/s | ` +
      `peak RSS ${fmt(peakRss)} MB | ${fmt(f.bars)} bars, ${fmt(f.orders)} orders, ${fmt(f.fills)} fills in ${f.seconds.toFixed(2)} s\n` +
      `    median of ${RUNS} runs (${runs.map((r) => fmt(rateOf(r))).join(' / ')} per s)\n` +
      `    target >= ${fmt(t.perSec)}/s${t.rssMb ? `, RSS < ${fmt(t.rssMb)} MB` : ''}: ${meets ? 'met' : 'NOT MET'}\n` +
      (f.extra && Object.keys(f.extra).length > 0
        ? Object.entries(f.extra).map(([k, v]) => `      ${k}: ${v}`).join('\n') + '\n'
        : ''),
  );
}

/** Figures measured by their own scripts (through tsx: they time SQLite and the host, not the engine loop). */
const MEASURES: { name: string; file: string; label: string; check: (f: Record<string, number>) => string }[] = [
  {
    name: 'cli',
    file: 'cliColdStart.ts',
    label: 'cold start: `tradedesk backtest configs/backtests/goog-sma.yaml --memory --json` from the built bundle, wall time',
    check: (f) =>
      `${fmt(f.median_ms)} ms median of ${f.runs} (${fmt(f.min_ms)}-${fmt(f.max_ms)} ms) (target < 300 ms: ${f.median_ms < 300 ? 'met' : 'NOT MET'})` +
      (f.cpu_ms_per_run === undefined ? '' : `; ${fmt(f.cpu_ms_per_run)} ms of CPU per run`),
  },
  {
    name: 'detail',
    file: 'detailOpen.ts',
    label: 'open the detail of a 500-symbol x 20-year daily run',
    check: (f) => `${fmt(f.openMs)} ms to open (target < 1,000 ms: ${f.openMs < 1000 ? 'met' : 'NOT MET'}); first price chart ${fmt(f.pricesMs)} ms`,
  },
  {
    name: 'stall',
    file: 'eventLoopStall.ts',
    label: 'export (report, trades, orders, fills), price chart and delete of a 500-symbol x 20-year daily run through the host',
    check: (f) =>
      `worst event-loop stall ${fmt(f.max_stall_ms)} ms, p99 ${fmt(f.p99_stall_ms)} ms (target < 100 ms: ${f.max_stall_ms < 100 ? 'met' : 'NOT MET'})`,
  },
  {
    name: 'store',
    file: 'barStoreLoad.ts',
    label: 'load 500 symbols x 20 years of daily bars from the bar store',
    check: (f) => `${f.load_seconds.toFixed(3)} s (target < 1 s: ${f.load_seconds < 1 ? 'met' : 'NOT MET'})`,
  },
  {
    name: 'charts',
    file: 'chartDraw.ts',
    label: 'price chart in Chromium: draw 20 years of daily candles with fill marks; pan 1,000,000 one-minute bars zoomed to 2,000',
    check: (f) =>
      `draw ${fmt(f.draw_ms_median)} ms median, ${fmt(f.draw_ms_cold)} ms cold (target < 100 ms: ${f.draw_ms_median < 100 ? 'met' : 'NOT MET'}); ` +
      `pan frames ${fmt(f.pan_frame_ms_median)} ms median, ${fmt(f.pan_frame_ms_p95)} ms p95 (smooth: ${f.pan_frame_ms_p95 <= 34 ? 'met' : 'NOT MET'}); ` +
      `loading the 1,000,000 bars ${fmt(f.intraday_setup_ms)} ms`,
  },
  {
    name: 'sweep',
    file: 'sweep.ts',
    label:
      '(e) a 1,000-combination sma-cross sweep on GOOG daily with the default costs (configs/backtests/goog-sweep.yaml), from the bundle; ' +
      '(f) a 10-window rolling walk-forward of fast 5..50 step 5 x slow 10..200 step 10',
    check: (f) =>
      `(e) a fresh process: ${fmt(f.runs_per_s_all_workers)} combinations/s on ${f.workers} workers while running them, ` +
      `${fmt(f.combinations_per_s_all_workers)}/s with the overfitting statistics (${fmt(f.stats_ms)} ms); ` +
      `${fmt(f.combinations_per_s_1_worker)}/s on 1 worker (x${f.scaling.toFixed(2)} on ${f.workers}); ` +
      `again on the same workers, as the app runs a second sweep: ${fmt(f.warm_combinations_per_s)}/s; ` +
      `5,000 combinations: ${fmt(f.runs_per_s_5000_1_worker)}/s on 1 worker, ${fmt(f.runs_per_s_5000_all_workers)}/s on ${f.workers} (x${f.scaling_5000.toFixed(2)}) ` +
      `(target >= 1,000/s: ${f.combinations_per_s_all_workers >= 1000 ? 'met' : f.runs_per_s_all_workers >= 1000 ? 'met while running, NOT MET with the statistics' : 'NOT MET'}); ` +
      `(f) ${f.walk_forward_s.toFixed(2)} s (target < 15 s: ${f.walk_forward_s < 15 ? 'met' : 'NOT MET'})`,
  },
  {
    name: 'import',
    file: 'dataImport.ts',
    label: 'import a 1,000,000-row CSV',
    check: (f) => `${f.import_seconds.toFixed(2)} s, ${fmt(f.rows_per_second)} rows/s (target: a few seconds)`,
  },
];

for (const m of MEASURES) {
  if (only.length > 0 && !only.includes(m.name)) continue;
  const p = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${m.file}`, import.meta.url))], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (p.status !== 0) {
    process.stderr.write(`${m.name} failed:\n${p.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const f = JSON.parse(p.stdout.trim().split('\n').pop() as string) as Record<string, number>;
  process.stdout.write(`(${m.name}) ${m.label}\n    ${m.check(f)}\n    ${JSON.stringify(f)}\n`);
}
