import type Database from 'better-sqlite3';
import type { ResolvedSpec } from '../config/loadSpec';
import { runBacktest, type RunInput, type RunResult } from '../backtest/runner';
import { runSessions } from '../backtest/sessions';
import { createStoreSink } from '../backtest/storeSink';
import { createRun, finishRun } from '../store/runs';
import type { BarSeries } from '../data/BarSeries';
import { DEFAULT_TICK_SIZE } from '../sim/tickSize';
import type { FinerBars } from '../sim/BacktestBroker';
import { APP_VERSION } from '../version';
import { loadSpecDataAsync } from './loadSpecData';
import { finerBarsOf } from './data/finerBars';
import { resolveStrategy } from './resolveStrategy';

export interface RunSpecOptions {
  /** Where the run is recorded; without it the run stays in memory. */
  db?: Database.Database;
  onProgress?: RunInput['onProgress'];
  /** Called once the run is recorded, before its first session. */
  onStart?: (runId: string | null, sessionsTotal: number) => void;
  shouldCancel?: () => boolean;
  /** Where an in-memory run (no `db`) streams its records; ignored when the run is recorded in `db`. */
  memorySink?: RunInput['sink'];
}

export interface RunSpecOutcome {
  runId: string | null;
  result: RunResult;
  dataFingerprint: string;
}

/** The config recorded with a run: everything that decides its outcome, with defaults filled in. */
export function recordedConfig(spec: ResolvedSpec, symbols: readonly string[]): Record<string, unknown> {
  return {
    symbols,
    name: spec.name,
    data: spec.data,
    strategy: spec.strategy,
    start: spec.start,
    end: spec.end,
    initial_cash: spec.initialCash,
    seed: spec.seed,
    benchmark: spec.benchmark,
    close_at_end: spec.closeAtEnd,
    simulator: spec.simulator,
    planner: spec.planner,
    time_machine: spec.timeMachine,
    risk_checks: spec.riskChecks,
  };
}

/**
 * The series a spec's run trades. The synthetic market is quoted in cents, like the stocks it imitates: its fills
 * print on the tick even though its generated bars are not rounded to it.
 */
export function specSeries(spec: ResolvedSpec, loaded: readonly BarSeries[]): readonly BarSeries[] {
  return spec.data.kind === 'synthetic' ? loaded.map((s) => ({ ...s, tickSize: spec.simulator.tick_size ?? DEFAULT_TICK_SIZE })) : loaded;
}

/** What the engine runs for a spec over `series` with `strategy`: the one place a spec becomes a run's input. */
export function runInputOf(spec: ResolvedSpec, series: readonly BarSeries[], strategy: RunInput['strategy'], finerBars?: FinerBars): RunInput {
  return {
    series,
    start: spec.start ?? undefined,
    end: spec.end ?? undefined,
    strategy,
    initialCash: spec.initialCash,
    seed: spec.seed,
    sim: spec.simulator,
    planner: spec.planner,
    strict: spec.timeMachine.strict_mode,
    closeAtEnd: spec.closeAtEnd,
    risk: riskOf(spec),
    ...(finerBars === undefined ? {} : { finerBars }),
  };
}

/** intrabar_policy finer_bars on store data: the store's lower-size bars of the run's symbols (see finerBarsOf). */
export function finerBarsFor(spec: ResolvedSpec, series: readonly BarSeries[], runDb?: Database.Database): FinerBars | undefined {
  if (spec.simulator.intrabar_policy !== 'finer_bars' || spec.data.kind !== 'store') return undefined;
  return finerBarsOf(spec.data, runDb, series);
}

/** The spec's risk limits as the kernel takes them (with the planner's lot size), or null when they are off. */
/** The spec's pre-trade limits and breaker (with the planner's lot size), or null when risk_checks is off. */
export function riskOf(spec: ResolvedSpec): RunInput['risk'] {
  const checks = spec.riskChecks;
  if (checks === 'off') return null;
  const { circuit_breaker: breaker, ...limits } = checks;
  return { limits: { ...limits, lot_size: spec.planner.lot_size }, breaker };
}

/**
 * Runs a validated spec: loads and checks all data and the strategy first (so a bad input leaves
 * no run behind), then records the run as running, streams its records, and closes it with its
 * final status and metrics. A run that dies part-way stays 'running' until the store's recovery
 * marks it failed; it never looks completed.
 */
export async function runSpec(spec: ResolvedSpec, opts: RunSpecOptions = {}): Promise<RunSpecOutcome> {
  const data = await loadSpecDataAsync(spec.data, opts.db);
  const series = specSeries(spec, data.series);
  const symbols = series.map((s) => s.symbol);
  const strategy = await resolveStrategy(spec.strategy, { symbols, baseDir: spec.baseDir }, spec.file);
  const sessions = runSessions(series, spec.start ?? undefined, spec.end ?? undefined);
  const periodStart = sessions.calendar[sessions.first];
  const periodEnd = sessions.calendar[sessions.calendar.length - 1];
  const db = opts.db;
  let runId: string | null = null;
  const base = { ...runInputOf(spec, series, strategy.strategy, finerBarsFor(spec, series, opts.db)), onProgress: opts.onProgress, shouldCancel: opts.shouldCancel };
  if (!db) {
    opts.onStart?.(null, sessions.total);
    return { runId, result: runBacktest({ ...base, sink: opts.memorySink }), dataFingerprint: data.fingerprint };
  }
  runId = createRun(db, {
    name: spec.name,
    strategy: strategy.label,
    config: recordedConfig(spec, symbols),
    seed: spec.seed,
    dataFingerprint: data.fingerprint,
    appVersion: APP_VERSION,
    periodStart,
    periodEnd,
    sessionsTotal: sessions.total,
  });
  opts.onStart?.(runId, sessions.total);
  const sink = createStoreSink(db, runId);
  let result: RunResult;
  try {
    result = runBacktest({ ...base, sink });
  } catch (err) {
    await sink.close().catch(() => undefined);
    finishRun(db, runId, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
  try {
    // finishRun waits for the writer; if storing failed it records the run failed and throws.
    finishRun(db, runId, {
      status: result.status,
      metrics: {
        ...result.metrics,
        fill_timing: spec.simulator.fill_timing,
        intrabar_policy: spec.simulator.intrabar_policy,
        intrabar_ambiguous_bars: result.intrabar.ambiguous,
        intrabar_without_finer_bars: result.intrabar.finerBarsMissing,
        risk_checks: spec.riskChecks === 'off' ? 'off' : 'on',
        look_ahead_violations: result.lookAheadViolations,
        margin_calls: result.marginCalls,
      },
      error: result.error,
    });
  } finally {
    await sink.close().catch(() => undefined);
  }
  return { runId, result, dataFingerprint: data.fingerprint };
}
