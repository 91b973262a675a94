import { z } from 'zod';
import { ConfigError } from '../../config/ConfigError';
import type { ResolvedSpec } from '../../config/loadSpec';
import { planSweep, type SweepDefinition, type SweepPlan } from '../../research/combinations';
import { METRIC_NAMES, type FlatMetrics } from '../../research/flatMetrics';
import { isBetter, objectiveOf, objectiveValue, type Objective } from '../../research/objective';
import { overfittingOf, type OverfittingStats } from '../../research/overfitting';
import { paramInfos, type ParamInfo } from '../../research/paramInfo';
import type { TrialStats } from '../../research/trialStats';
import type { Combination } from '../../research/where';
import { BUILTIN_STRATEGIES } from '../../strategy/registry';
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

/** The params' JSON Schema facts of a built-in strategy; null for a user module (its params are passed as given). */
export function strategyParamInfos(spec: ResolvedSpec): ParamInfo[] | null {
  if (spec.strategy.kind !== 'builtin') return null;
  const name = spec.strategy.name;
  const def = BUILTIN_STRATEGIES.find((s) => s.name === name);
  return def ? paramInfos(z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) : null;
}

/** How many failing combinations a message lists before summing up the rest. */
const SHOWN = 3;

/** Combinations the built-in's own params schema refuses (e.g. sma-cross's fast < slow), all named at once. */
function checkParams(spec: ResolvedSpec, plan: SweepPlan, label: string): void {
  if (spec.strategy.kind !== 'builtin') return;
  const name = spec.strategy.name;
  const def = BUILTIN_STRATEGIES.find((s) => s.name === name);
  if (!def) return;
  const bad: string[] = [];
  let count = 0;
  for (const c of plan.combinations) {
    const parsed = def.params.safeParse({ ...spec.strategy.params, ...c });
    if (parsed.success) continue;
    if (++count <= SHOWN) bad.push(`${describe(c)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (count === 0) return;
  const more = count > SHOWN ? ` and ${count - SHOWN} more` : '';
  throw new ConfigError(label, [{ path: 'where', message: `${count} of ${plan.combinations.length} combinations are not valid params for ${name} (${bad.join(' | ')}${more}); exclude them with a where, e.g. "fast < slow"` }]);
}

/** Checks a sweep before it runs: its combinations, their params and the objective; throws a ConfigError naming each problem. */
export function prepareSweep(spec: ResolvedSpec, def: SweepDefinition, objectiveName: string, label = 'sweep'): SweepSetup {
  const plan = planSweep(def, strategyParamInfos(spec), label);
  checkParams(spec, plan, label);
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
  window?: RunWindow | null;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Runs only the combinations whose index is `index - 1` modulo `count` (1-based, like `--shard 2/4`). */
  shard?: { index: number; count: number };
  /** Keep what the statistics need of every combination: a shard's statistics are computed when its files are merged. */
  keepTrials?: boolean;
  /** Compute the overfitting statistics of a whole sweep (default true; a walk-forward window does not use them). */
  statistics?: boolean;
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
  const started = performance.now();
  const all = setup.plan.combinations.map((params, index) => ({ index, params }));
  const todo = opts.shard ? all.filter((c) => c.index % opts.shard!.count === opts.shard!.index - 1) : all;
  let answered: (SweepRow | undefined)[];
  let state: SweepOutcome['state'] = 'completed';
  try {
    answered = await evaluateAll(pool, setup.spec, todo, { dbPath: opts.dbPath, window: opts.window, onProgress: opts.onProgress, signal: opts.signal });
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
  const overfitting = whole && best !== null ? overfittingOf(trials, best, periodsPerYear, await parallelPbo(pool, trials)) : null;
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
