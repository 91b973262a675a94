import path from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { loadSpecFile } from '../config/loadSpec';
import type { WindowPlan } from '../ipc/contract/research';
import { parseGridArg } from '../research/gridArg';
import { SweepPool } from '../service/research/sweepPool';
import { runWalkForward, type WalkForwardDefinition, type WalkForwardResult } from '../service/research/walkForward';
import { endWalkForwardRecord, failWalkForwardRecord, startWalkForwardRecord } from '../service/research/walkForwardRecord';
import { defaultDbPath, openDatabase } from '../store/db';
import { createProgressBar } from './progressBar';
import { COMMON_OPTIONS, commonArgs, type SweepCommon } from './sweepArgs';
import { snakeJson } from './sweepOutput';
import { isoDay } from './summary';

const USAGE = `usage: tradedesk walkforward <spec.yaml> --grid name=from:to:step [--grid ...] --is N --oos M [options]

  --grid N=SPEC       a parameter to vary: from:to:step, or listed values a,b,c (repeat per parameter)
  --where EXPR        keep the combinations where EXPR holds, e.g. "fast < slow"
  --objective NAME    what each in-sample picks its best combination by (default sharpe)
  --random N          N random combinations instead of the whole grid (--seed S, default 1)
  --mode MODE         rolling (a fixed in-sample that slides, the default) or anchored (from the first session, growing)
  --unit UNIT         what --is, --oos and --step count: sessions (default) or months (calendar months, UTC)
  --is N, --oos M     in-sample and out-of-sample lengths
  --step K            how far each window moves (default: --oos; at least --oos)
  --set k=v           override a spec key (dotted path; value parsed as YAML)
  --workers N         worker threads (default: every core)
  --json              print exactly one JSON object with the results on stdout
  --db FILE           record the walk-forward in this SQLite file (default: the app's data directory)
  --memory            run without recording anything`;

/** A command line the command cannot read: exit 2 with the usage. */
class UsageError extends Error {}

/** parseArgs's own complaints (an unknown option, a missing value) are usage errors too. */
const isParseArgsError = (err: unknown): err is Error => err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');

function whole(name: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} takes a whole number of at least 1, not "${text}"`);
  return Number(text);
}

function required(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`--${name} is required`);
  return whole(name, text);
}

const optional = (name: string, text: string | undefined): number | undefined => (text === undefined ? undefined : whole(name, text));

function oneOf<T extends string>(name: string, text: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === text);
  if (found === undefined) throw new UsageError(`--${name} is ${choices.join(' or ')}, not "${text}"`);
  return found;
}

interface Parsed {
  specFile: string;
  overrides: string[];
  def: WalkForwardDefinition;
  workers: number | undefined;
  json: boolean;
  dbPath: string | null;
}

function parse(argv: string[]): Parsed | 'help' {
  const args = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      mode: { type: 'string', default: 'rolling' },
      unit: { type: 'string', default: 'sessions' },
      is: { type: 'string' },
      oos: { type: 'string' },
      step: { type: 'string' },
    },
  });
  const v = args.values;
  if (v.help) return 'help';
  let common: SweepCommon;
  try {
    common = commonArgs(v, args.positionals);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const axes = common.grids.map((g) => {
    try {
      return parseGridArg(g);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const windows: WindowPlan = {
    mode: oneOf('mode', v.mode, ['rolling', 'anchored'] as const),
    unit: oneOf('unit', v.unit, ['sessions', 'months'] as const),
    inSample: required('is', v.is),
    outOfSample: required('oos', v.oos),
    step: optional('step', v.step),
  };
  return {
    specFile: common.spec,
    overrides: common.sets,
    def: { axes, search: common.search, where: common.where, objective: common.objective, windows },
    workers: common.workers,
    json: common.json,
    dbPath: common.memory ? null : path.resolve(common.db ?? defaultDbPath()),
  };
}

const fmt = (v: number | null | undefined, digits = 2, suffix = ''): string =>
  v === null || v === undefined ? '-' : `${v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${suffix}`;
const paramsText = (p: Readonly<Record<string, unknown>>): string =>
  Object.entries(p)
    .map(([k, x]) => `${k}=${String(x)}`)
    .join(' ');
const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The documented `--json` object. */
function resultJson(r: WalkForwardResult, objective: string, id: string | null, dbPath: string | null): Record<string, unknown> {
  return {
    walk_forward_id: id,
    state: r.state,
    objective,
    windows: r.windows.length,
    done: r.done,
    total: r.total,
    elapsed_ms: round3(r.elapsedMs),
    efficiency: r.efficiency,
    stitched_metrics: r.stitchedMetrics,
    stability: r.stability.map((s) => ({ name: s.name, most_chosen: s.mostChosen, share: s.share, distinct: s.distinct, min: s.min, max: s.max })),
    overfitting: snakeJson(r.overfitting),
    window_list: r.windows.map((w) => ({
      index: w.index,
      in_sample_start: isoDay(w.inSampleStart),
      in_sample_end: isoDay(w.inSampleEnd),
      out_of_sample_start: isoDay(w.outOfSampleStart),
      out_of_sample_end: isoDay(w.outOfSampleEnd),
      params: w.params,
      in_sample_objective: w.inSampleObjective,
      out_of_sample_objective: w.outOfSampleObjective,
      in_sample: w.inSample,
      out_of_sample: w.outOfSample,
      overfitting: snakeJson(w.overfitting),
    })),
    db: dbPath,
  };
}

/** The per-window table and the summary printed on a terminal. */
function resultText(r: WalkForwardResult, objective: string): string {
  const windows = new Table({ head: ['#', 'in sample', 'out of sample', 'params', `IS ${objective}`, `OOS ${objective}`, 'OOS return'], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  for (const w of r.windows) {
    windows.push([
      String(w.index),
      `${isoDay(w.inSampleStart)} .. ${isoDay(w.inSampleEnd)}`,
      `${isoDay(w.outOfSampleStart)} .. ${isoDay(w.outOfSampleEnd)}`,
      paramsText(w.params),
      fmt(w.inSampleObjective, 3),
      fmt(w.outOfSampleObjective, 3),
      fmt(w.outOfSample.total_return_pct, 2, ' %'),
    ]);
  }
  const m = r.stitchedMetrics;
  const summary = new Table({ head: ['stitched out of sample', 'value'], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  const rows: [string, string][] = [
    ['state', `${r.state} (${r.windows.length} windows, ${r.done}/${r.total} runs)`],
    ['final equity', fmt(m.final_equity)],
    ['total return', fmt(m.total_return_pct, 2, ' %')],
    ['CAGR', fmt(m.cagr_pct, 2, ' %')],
    ['annual volatility', fmt(m.annual_volatility_pct, 2, ' %')],
    ['Sharpe', fmt(m.sharpe, 3)],
    ['max drawdown', fmt(m.max_drawdown_pct, 2, ' %')],
    ['closed trades', fmt(m.closed_trades, 0)],
    ['walk-forward efficiency', fmt(r.efficiency, 3)],
    ...r.stability.map((s): [string, string] => [
      `stability of ${s.name}`,
      `${String(s.mostChosen ?? '-')} in ${fmt(s.share * 100, 0, ' %')} of windows; ${s.distinct} distinct${s.min === null ? '' : `, ${s.min}..${s.max}`}`,
    ]),
    ['elapsed', `${(r.elapsedMs / 1000).toFixed(2)} s`],
  ];
  for (const row of rows) summary.push(row);
  return `${windows.toString()}\n${summary.toString()}`;
}

/**
 * `tradedesk walkforward`: optimises a spec's parameters on each in-sample window, trades the choice out of
 * sample, and prints the windows and the stitched result (or one JSON object); answers the exit code. A bad
 * spec or sweep throws its ConfigError before anything runs or is recorded.
 */
export async function walkForwardCommand(argv: string[]): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError) && !isParseArgsError(err)) throw err;
    process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { def, dbPath, json } = parsed;
  const spec = loadSpecFile(parsed.specFile, parsed.overrides);
  const db = dbPath === null ? undefined : openDatabase(dbPath);
  const pool = new SweepPool({ workers: parsed.workers });
  const bar = !json && process.stderr.isTTY ? createProgressBar(process.stderr, spec.name, 'runs') : null;
  let id: string | null = null;
  try {
    const result = await runWalkForward(spec, def, pool, {
      dbPath,
      label: parsed.specFile,
      onStart: (start) => {
        if (db) id = startWalkForwardRecord(db, start, def);
      },
      onProgress: (done, total) => bar?.update(done, total),
    });
    bar?.end();
    if (db && id !== null) endWalkForwardRecord(db, id, result);
    if (json) process.stdout.write(`${JSON.stringify(resultJson(result, def.objective, id, dbPath))}\n`);
    else process.stdout.write(`${resultText(result, def.objective)}\n${dbPath ? `recorded in ${dbPath}\n` : ''}`);
    return 0;
  } catch (err) {
    if (db && id !== null) failWalkForwardRecord(db, id, err);
    throw err;
  } finally {
    await pool.close();
    db?.close();
  }
}
