import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../config/ConfigError';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import { planSweep, type SweepDefinition, type SweepPlan } from '../../research/combinations';
import type { FlatMetrics } from '../../research/flatMetrics';
import { METRIC_NAMES } from '../../research/metricNames';
import { isBetter, objectiveOf, objectiveValue, type Objective } from '../../research/objective';
import { deflatedSharpeOf, pboStatsOf, type OverfittingStats } from '../../research/overfitting';
import { paramInfos, type ParamInfo } from '../../research/paramInfo';
import type { TrialStats } from '../../research/trialStats';
import type { Combination } from '../../research/where';
import { BUILTIN_STRATEGIES, type StrategyExport } from '../../strategy/registry';
import { strategyModuleExport } from '../backtests/strategyModule';
import { describe, type RunWindow } from './evaluator';
import { evaluateAll, SweepCancelled } from './evaluateAll';
import { parallelPbo } from './parallelPbo';
import type { SweepPool } from './sweepPool';
import type { SweepRow } from './worker/messages';

export interface SweepSetup {
  spec: ResolvedSpec;
  plan: SweepPlan;
  objective: Objective;
}

export interface SweepResultRow {
  index: number;
  params: Combination;
  metrics: FlatMetrics;
  objective: number | null;
}

export interface SweepOutcome {
  state: 'completed' | 'cancelled';
  rows: SweepResultRow[];
  /** Position in `rows` of the best combination; null when no combination has a defined objective. */
  best: number | null;
  overfitting: OverfittingStats | null;
  elapsedMs: number;
}

/**
 * What a sweep checks its combinations against before anything runs: the strategy's params schema, and what it
 * says of each param (kind, bounds, choices) for the axes.
 */
interface ParamsCheck {
  /** The strategy as messages name it: a built-in's name, or the module's path as the spec gives it. */
  strategy: string;
  schema: z.ZodType;
  /**
   * Each param the schema names; null when they cannot be read from it (a schema of another zod than the app's,
   * or one that takes params of any name): then the axes are not checked one by one, only whole combinations.
   */
  infos: ParamInfo[] | null;
}

/** The params of a schema, read from its JSON Schema; null when it cannot be read or takes params of any name. */
function infosOf(schema: z.ZodType): ParamInfo[] | null {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return null;
  }
  // A closed or stripping object lists every param it keeps; one with additionalProperties keeps any name.
  if (json.type !== 'object' || (json.additionalProperties !== undefined && json.additionalProperties !== false)) return null;
  return paramInfos(json);
}

/** The module as the spec's author wrote it: relative to the spec's folder when it lies inside it. */
function moduleName(module: string, baseDir: string): string {
  const rel = path.relative(baseDir, module);
  return rel.startsWith('..') || path.isAbsolute(rel) ? module : `./${rel.split(path.sep).join('/')}`;
}

/**
 * The params check of the spec's strategy: a built-in's schema, or a module strategy object's (the module is
 * loaded as a run would load it, nothing of it called). Null when the strategy's params are passed as given: a
 * strategy function, a create(params, ctx) module, an object without params, or an unknown built-in (the spec's
 * own check names that). A module that does not load or exports no strategy throws a ConfigError under
 * strategy.module, as a run would.
 */
async function paramsCheckOf(spec: ResolvedSpec, label: string): Promise<ParamsCheck | null> {
  const source = spec.strategy;
  if (source.kind === 'builtin') {
    const def = BUILTIN_STRATEGIES.find((s) => s.name === source.name);
    return def ? { strategy: def.name, schema: def.params, infos: infosOf(def.params) } : null;
  }
  let found: StrategyExport;
  try {
    found = await strategyModuleExport(source.module);
  } catch (err) {
    throw new ConfigError(label, [{ path: 'strategy.module', message: err instanceof Error ? err.message : String(err) }]);
  }
  if (found.kind !== 'object' || found.strategy.params === undefined) return null;
  const schema = found.strategy.params as z.ZodType;
  return { strategy: moduleName(source.module, spec.baseDir), schema, infos: infosOf(schema) };
}

/** How many failing combinations a message lists before summing up the rest. */
const SHOWN = 3;

/** A where that would keep the usual ordered pairs of params apart, for the hint; empty when none is varied. */
function whereExample(paramNames: readonly string[]): string {
  const pair = [
    ['fast', 'slow'],
    ['short', 'long'],
  ].find(([a, b]) => paramNames.includes(a) && paramNames.includes(b));
  return pair ? `, e.g. "${pair[0]} < ${pair[1]}"` : '';
}

/** Combinations the strategy's own params schema refuses (e.g. sma-cross's fast < slow), all named at once. */
function checkParams(spec: ResolvedSpec, plan: SweepPlan, check: ParamsCheck, label: string): void {
  const bad: string[] = [];
  let count = 0;
  for (const c of plan.combinations) {
    const parsed = check.schema.safeParse({ ...spec.strategy.params, ...c });
    if (parsed.success) continue;
    if (++count <= SHOWN) bad.push(`${describe(c)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (count === 0) return;
  const more = count > SHOWN ? ` and ${count - SHOWN} more` : '';
  const message = `${count} of ${plan.combinations.length} combinations are not valid params for ${check.strategy} (${bad.join(' | ')}${more}); exclude them with a where${whereExample(plan.paramNames)}`;
  throw new ConfigError(label, [{ path: 'where', message }]);
}

/**
 * Checks a sweep before it runs: its axes against the strategy's params (each problem under its axis), the
 * combinations against the params schema, and the objective; throws a ConfigError naming every problem. A
 * module strategy is loaded for its schema (see paramsCheckOf), as a built-in's is known.
 */
export async function prepareSweep(spec: ResolvedSpec, def: SweepDefinition, objectiveName: string, label = 'sweep'): Promise<SweepSetup> {
  const params = await paramsCheckOf(spec, label);
  const plan = planSweep(def, params?.infos ?? null, label);
  if (params) checkParams(spec, plan, params, label);
  let objective: Objective;
  try {
    objective = objectiveOf(objectiveName, METRIC_NAMES);
  } catch (err) {
    throw new ConfigError(label, [{ path: 'objective', message: (err as Error).message }]);
  }
  return { spec, plan, objective };
}

export interface SweepRunOptions {
  dbPath?: string | null;
  /** The spec's data, already loaded (see EvaluateOptions.series). */
  series?: readonly BarSeries[] | null;
  window?: RunWindow | null;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Runs only the combinations whose index is `index - 1` modulo `count` (1-based, like `--shard 2/4`). */
  shard?: { index: number; count: number };
  /** Keep what the statistics need of every combination: a shard's statistics are computed when its files are merged. */
  keepTrials?: boolean;
  /** Compute the overfitting statistics of a whole sweep (default true; a walk-forward window does not use them). */
  statistics?: boolean;
  /** When the sweep's clock started (performance.now()): a command's own start, so preparing it counts. Default: now. */
  startedAt?: number;
}

export interface SweepRun extends SweepOutcome {
  /** What the statistics need of each row's session returns (same order as rows), when asked for. */
  trials: TrialStats[] | null;
  /** Of elapsedMs, the time the overfitting statistics took. */
  statsMs: number;
  periodsPerYear: number;
}

/** The best row's position: the best defined objective, the lowest index on a tie (so every run of a sweep agrees). */
export function bestOf(o: Objective, rows: readonly SweepResultRow[]): number | null {
  let best: number | null = null;
  for (let i = 0; i < rows.length; i++) if (isBetter(o, rows[i].objective, best === null ? null : rows[best].objective)) best = i;
  return best;
}

/** Runs a prepared sweep on the pool. A cancelled sweep answers the combinations it finished. */
export async function runSweep(setup: SweepSetup, pool: SweepPool, opts: SweepRunOptions = {}): Promise<SweepRun> {
  const started = opts.startedAt ?? performance.now();
  const all = setup.plan.combinations.map((params, index) => ({ index, params }));
  const todo = opts.shard ? all.filter((c) => c.index % opts.shard!.count === opts.shard!.index - 1) : all;
  let answered: (SweepRow | undefined)[];
  let state: SweepOutcome['state'] = 'completed';
  try {
    answered = await evaluateAll(pool, setup.spec, todo, { dbPath: opts.dbPath, series: opts.series, window: opts.window, onProgress: opts.onProgress, signal: opts.signal });
  } catch (err) {
    if (!(err instanceof SweepCancelled)) throw err;
    answered = err.rows;
    state = 'cancelled';
  }
  const rows: SweepResultRow[] = [];
  const trials: TrialStats[] = [];
  let periodsPerYear = 252;
  answered.forEach((r, i) => {
    if (!r) return;
    rows.push({ index: r.index, params: todo[i].params, metrics: r.metrics, objective: objectiveValue(setup.objective, r.metrics) });
    trials.push(r.trial);
    periodsPerYear = r.periodsPerYear;
  });
  const best = bestOf(setup.objective, rows);
  const whole = state === 'completed' && !opts.shard && opts.statistics !== false;
  const statsStart = performance.now();
  let overfitting: OverfittingStats | null = null;
  if (whole && best !== null) {
    // The workers score the PBO's splits while this thread works out the deflated Sharpe ratio.
    const [pbo, deflated] = await Promise.all([parallelPbo(pool, trials), Promise.resolve().then(() => deflatedSharpeOf(trials, best, periodsPerYear))]);
    overfitting = { deflatedSharpe: deflated, pbo: pboStatsOf(pbo) };
  }
  const ended = performance.now();
  return {
    state,
    rows,
    best,
    overfitting,
    statsMs: ended - statsStart,
    elapsedMs: ended - started,
    trials: opts.keepTrials ? trials : null,
    periodsPerYear,
  };
}
