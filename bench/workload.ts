import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBacktest, type RunResult } from '../core/backtest/runner';
import { createStoreSink } from '../core/backtest/storeSink';
import { simulatorSchema, plannerSchema } from '../core/config/simulatorSchema';
import { loadBarsCsv } from '../core/data/csv/loadBarsCsv';
import { generateSyntheticMarket } from '../core/data/synthetic';
import { openDatabase } from '../core/store/db';
import { createRun, finishRun } from '../core/store/runs';
import type { Strategy } from '../core/strategy/api';
import { getStrategy } from '../core/strategy/registry';
import breakoutBracket from '../configs/strategies/breakout-bracket';

/** One benchmark workload, run in its own process so its peak RSS is its own. Prints one JSON line. */
export interface WorkloadFigures {
  workload: string;
  detail: string;
  bars: number;
  orders: number;
  fills: number;
  seconds: number;
  peakRssMb: number;
  extra?: Record<string, number | string>;
}

// Resolved from the bundle this file becomes (.artifacts/bench/workload.mjs), not from bench/.
const DATA_DIR = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const sim = simulatorSchema.parse({ slippage_bps: 5, use_volume_constraints: false, commission: { model: 'ibkr_fixed' } });
const planner = plannerSchema.parse({});
/** (b) and (c) stress the order path: with no rebalance band, every session re-weights nearly every symbol. */
const everySessionPlanner = plannerSchema.parse({ rebalance_band: 0 });

function strategyOf(name: string, params: unknown, symbols: readonly string[]) {
  const def = getStrategy(name);
  return def.create(def.params.parse(params), { symbols, baseDir: process.cwd() });
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function realDaily(): WorkloadFigures {
  const series = readdirSync(DATA_DIR)
    .filter((f) => /\.(txt|csv)$/.test(f) && f !== 'ticksample.csv')
    .map((f) => ({ file: f, s: loadBarsCsv(path.join(DATA_DIR, f)) }))
    .filter(({ s }) => s.barSeconds === 86_400);
  const runOnce = (s: (typeof series)[number]['s']): RunResult =>
    runBacktest({
      series: [s],
      strategy: strategyOf('sma-cross', { fast: 10, slow: 20, mode: 'long_short' }, [s.symbol]),
      initialCash: 100_000,
      seed: 1,
      sim,
      planner,
      strict: true,
    });
  // JIT warm-up over every file first, so the first files are not timed on cold code.
  for (let r = 0; r < 5; r++) for (const { s } of series) runOnce(s);
  const repeats = 20;
  const perFile: Record<string, string> = {};
  let bars = 0;
  let orders = 0;
  let fills = 0;
  let seconds = 0;
  for (const { file, s } of series) {
    let fileBars = 0;
    let fileSec = 0;
    for (let r = 0; r < repeats; r++) {
      const res = runOnce(s);
      fileBars += res.bars;
      fileSec += res.elapsedMs / 1000;
      orders += res.totals.orders;
      fills += res.totals.fills;
    }
    bars += fileBars;
    seconds += fileSec;
    perFile[file] = `${Math.round(fileBars / fileSec).toLocaleString('en-US')} bars/s`;
  }
  return { workload: 'a', detail: `sma-cross 10/20 long_short on each real daily file, ${repeats} timed runs each after warm-up`, bars, orders, fills, seconds, peakRssMb: peakRssMb(), extra: perFile };
}

async function synthetic(persist: boolean, symbolCount = 500): Promise<WorkloadFigures> {
  const series = generateSyntheticMarket({ symbols: symbolCount, years: 20, seed: 7 });
  const symbols = series.map((s) => s.symbol);
  const input = {
    series,
    strategy: strategyOf('equal-weight', { rebalance: 'daily' }, symbols),
    initialCash: 10_000_000,
    seed: 1,
    sim,
    planner: everySessionPlanner,
    strict: true,
  };
  let res: RunResult;
  let dbBytes = 0;
  if (persist) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bench-'));
    const file = path.join(dir, 'bench.db');
    const db = openDatabase(file);
    const runId = createRun(db, {
      name: 'bench-b', strategy: 'equal-weight', config: { sim, planner: everySessionPlanner }, seed: 1, dataFingerprint: '-',
      appVersion: 'bench', periodStart: series[0].ts[0], periodEnd: series[0].ts[series[0].length - 1], sessionsTotal: series[0].length,
    });
    const sink = createStoreSink(db, runId);
    res = runBacktest({ ...input, sink, progressEvery: 250 });
    finishRun(db, runId, { status: res.status, metrics: res.metrics });
    await sink.close();
    db.close();
    for (const f of readdirSync(dir)) dbBytes += statSync(path.join(dir, f)).size;
    rmSync(dir, { recursive: true, force: true });
  } else {
    res = runBacktest(input);
  }
  return {
    workload: persist ? (symbolCount === 500 ? 'b' : 'b50') : 'c',
    detail: `${symbolCount} synthetic symbols x 20 years daily, equal-weight rebalanced daily with no band, ${persist ? 'every order, fill, position snapshot and equity point persisted to SQLite' : 'in memory only'}`,
    bars: res.bars,
    orders: res.totals.orders,
    fills: res.totals.fills,
    seconds: res.elapsedMs / 1000,
    peakRssMb: peakRssMb(),
    extra: persist ? { db_mb: Math.round(dbBytes / 1e6) } : {},
  };
}

/** (d): the example breakout strategy object: every entry a bracket with a take-profit limit and a trailing stop. */
function brackets(): WorkloadFigures {
  const series = generateSyntheticMarket({ symbols: 500, years: 20, seed: 7 });
  const res = runBacktest({
    series,
    strategy: { kind: 'object', strategy: breakoutBracket as Strategy<unknown>, params: breakoutBracket.params.parse({ weight: 0.01 }), label: 'breakout-bracket' },
    initialCash: 10_000_000,
    seed: 1,
    sim,
    planner,
    strict: true,
  });
  if (res.status !== 'completed') throw new Error(`workload d: ${res.error}`);
  return {
    workload: 'd',
    detail: '500 synthetic symbols x 20 years daily, configs/strategies/breakout-bracket.ts: a bracket per breakout (stop entry, take-profit limit, trailing stop), in memory only',
    bars: res.bars,
    orders: res.totals.orders,
    fills: res.totals.fills,
    seconds: res.elapsedMs / 1000,
    peakRssMb: peakRssMb(),
    extra: { closed_trades: res.closedTrades },
  };
}

const which = process.argv[2];
const figures =
  which === 'a' ? realDaily() : which === 'b' ? await synthetic(true) : which === 'b50' ? await synthetic(true, 50) : which === 'c' ? await synthetic(false) : which === 'd' ? brackets() : null;
if (!figures) {
  process.stderr.write('usage: tsx bench/workload.ts a|b|b50|c|d\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
