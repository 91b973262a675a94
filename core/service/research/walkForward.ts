import { periodsPerYear } from '../../backtest/runner';
import { runSessions } from '../../backtest/sessions';
import { ConfigError } from '../../config/ConfigError';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import type { WindowPlan } from '../../ipc/contract/research';
import type { SweepDefinition } from '../../research/combinations';
import { summarise, type WalkForwardSummary, type WindowOutcome } from '../../research/walkForward/summary';
import { walkWindows, WindowPlanError, type WalkWindow } from '../../research/walkForward/windows';
import { openDatabase } from '../../store/db';
import { loadSpecDataAsync } from '../loadSpecData';
import { specSeries } from '../runSpec';
import { sharedSeries } from './sharedSeries';
import { prepareSweep, type SweepSetup } from './sweep';
import type { SweepPool } from './sweepPool';
import { runWindow } from './walkForwardWindow';

/** What a walk-forward runs: a sweep definition, its objective and how to cut the windows. */
export interface WalkForwardDefinition extends SweepDefinition {
  objective: string;
  windows: WindowPlan;
}

/** A checked walk-forward, told before its first run (e.g. to record it). */
export interface WalkForwardStart {
  setup: SweepSetup;
  windows: WalkWindow[];
  /** The data's symbols, as a recorded request names them. */
  symbols: string[];
  /** Runs in all: every window's combinations, plus one out-of-sample step per window. */
  total: number;
}

export interface WalkForwardOptions {
  /** The database a store-sourced spec reads its bars from. */
  dbPath?: string | null;
  /** Names the source in a ConfigError ('walk-forward' by default). */
  label?: string;
  onStart?: (start: WalkForwardStart) => void;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WalkForwardResult extends WalkForwardSummary {
  /** Cancelled: the windows finished before the cancel, stitched and summed up as if they were all. */
  state: 'completed' | 'cancelled';
  paramNames: string[];
  done: number;
  total: number;
  elapsedMs: number;
}

/**
 * The sessions of the spec's period, read in this thread once: the windows are cut on them before anything runs.
 * The data itself goes to the workers, shared, so they run on it instead of each reading it again.
 */
async function specSessions(spec: ResolvedSpec, dbPath: string | null): Promise<{ sessions: Float64Array; symbols: string[]; periodsPerYear: number; loaded: BarSeries[] }> {
  const db = spec.data.kind === 'store' && dbPath !== null ? openDatabase(dbPath) : undefined;
  try {
    const loaded = (await loadSpecDataAsync(spec.data, db)).series;
    const series = specSeries(spec, loaded);
    const { calendar, first } = runSessions(series, spec.start ?? undefined, spec.end ?? undefined);
    return { sessions: calendar.subarray(first), symbols: series.map((s) => s.symbol), periodsPerYear: periodsPerYear(series), loaded: sharedSeries(loaded) };
  } finally {
    db?.close();
  }
}

/**
 * Walk-forward analysis: on each window, the sweep's best combination in sample (runs cut at the in-sample's
 * last session, so later data cannot sway the choice), then that combination out of sample; the out-of-sample
 * curves are stitched into one (see core/research/walkForward). The definition and the window plan are checked
 * first, so a bad one throws a ConfigError before anything runs. A cancel answers the windows finished so far.
 */
export async function runWalkForward(spec: ResolvedSpec, def: WalkForwardDefinition, pool: SweepPool, opts: WalkForwardOptions = {}): Promise<WalkForwardResult> {
  const started = performance.now();
  const label = opts.label ?? 'walk-forward';
  const dbPath = opts.dbPath ?? null;
  const setup = await prepareSweep(spec, def, def.objective, label);
  const data = await specSessions(spec, dbPath);
  let windows: WalkWindow[];
  try {
    windows = walkWindows(data.sessions, def.windows);
  } catch (err) {
    if (err instanceof WindowPlanError) throw new ConfigError(label, [{ path: 'windows', message: err.message }]);
    throw err;
  }
  const perWindow = setup.plan.combinations.length + 1;
  const total = windows.length * perWindow;
  opts.onStart?.({ setup, windows, symbols: data.symbols, total });

  const outcomes: WindowOutcome[] = [];
  for (const window of windows) {
    if (opts.signal?.aborted) break;
    const base = outcomes.length * perWindow;
    const outcome = await runWindow(setup, pool, window, { dbPath, series: data.loaded, signal: opts.signal, onProgress: (done) => opts.onProgress?.(base + done, total) });
    if (!outcome) break;
    outcomes.push(outcome);
  }
  return {
    state: outcomes.length === windows.length ? 'completed' : 'cancelled',
    paramNames: setup.plan.paramNames,
    done: outcomes.length * perWindow,
    total,
    ...summarise(outcomes, setup.plan.paramNames, spec.initialCash, data.periodsPerYear),
    elapsedMs: performance.now() - started,
  };
}
