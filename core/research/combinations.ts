import { ConfigError, type ConfigIssue } from '../config/ConfigError';
import { Prng } from '../data/prng';
import type { SweepAxis } from '../ipc/contract/research';
import { valueProblem, type ParamInfo } from './paramInfo';
import { compileWhere, WhereError, type Combination, type ParamValue } from './where';

/** More combinations than this is a typo in a range, not a sweep (at ~1,000 runs/s it would take hours). */
export const MAX_COMBINATIONS = 200_000;

export type Search = { kind: 'grid' } | { kind: 'random'; samples: number; seed: number };

export interface SweepDefinition {
  axes: readonly SweepAxis[];
  search: Search;
  where: string;
}

export interface SweepPlan {
  /** The varied parameters, in axis order. */
  paramNames: string[];
  /** Each combination of the varied parameters, in a fixed order: index i is the same combination on every machine. */
  combinations: Combination[];
}

/** Digits after the decimal point a number is written with (1e-7 has 7). */
function decimals(x: number): number {
  const [mantissa, exp] = x.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exp));
}

/**
 * A range's values on its step grid, each rounded to the decimals its bounds and step are written with, so
 * 0.1:0.5:0.1 gives 0.3 and not 0.30000000000000004 (integer ranges are exact as they are).
 */
function stepValues(min: number, max: number, step: number): number[] {
  const digits = Math.min(20, Math.max(decimals(min), decimals(step)));
  const n = Math.floor((max - min) / step + 1e-9);
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(digits === 0 ? min + i * step : Number((min + i * step).toFixed(digits)));
  return out;
}

interface Axis {
  name: string;
  info: ParamInfo | undefined;
  /** Listed or stepped values; null for a continuous range (random search only). */
  values: ParamValue[] | null;
  min: number;
  max: number;
}

function axisOf(a: SweepAxis, info: ParamInfo | undefined, search: Search, issues: ConfigIssue[]): Axis | null {
  const path = `axes.${a.name}`;
  if ('values' in a) return { name: a.name, info, values: [...new Set(a.values)], min: NaN, max: NaN };
  if (!(a.min <= a.max)) {
    issues.push({ path, message: `the range starts above its end (${a.min} > ${a.max})` });
    return null;
  }
  const integer = info?.kind === 'integer';
  if (info && info.kind !== 'integer' && info.kind !== 'number') {
    issues.push({ path, message: `${a.name} is a ${info.kind} parameter: list its values instead of a range` });
    return null;
  }
  const step = a.step ?? (integer ? 1 : undefined);
  if (integer && (!Number.isInteger(a.min) || !Number.isInteger(a.max) || (step !== undefined && !Number.isInteger(step)))) {
    issues.push({ path, message: `${a.name} takes integers: the range and its step must be whole numbers` });
    return null;
  }
  if (step === undefined) {
    if (search.kind === 'grid') issues.push({ path, message: `a grid needs a step for ${a.name} (e.g. ${a.name}=${a.min}:${a.max}:step)` });
    return search.kind === 'grid' ? null : { name: a.name, info, values: null, min: a.min, max: a.max };
  }
  if ((a.max - a.min) / step + 1 > MAX_COMBINATIONS) {
    issues.push({ path, message: `${a.min}..${a.max} by ${step} makes more than ${MAX_COMBINATIONS.toLocaleString('en-US')} values` });
    return null;
  }
  return { name: a.name, info, values: stepValues(a.min, a.max, step), min: a.min, max: a.max };
}

function* gridOf(axes: readonly Axis[]): Generator<Combination> {
  const lists = axes.map((a) => a.values ?? []);
  const idx = new Array<number>(axes.length).fill(0);
  if (lists.some((l) => l.length === 0)) return;
  for (;;) {
    const c: Record<string, ParamValue> = {};
    for (let i = 0; i < axes.length; i++) c[axes[i].name] = lists[i][idx[i]];
    yield c;
    // The last axis varies fastest, like nested loops written in axis order.
    let k = axes.length - 1;
    while (k >= 0 && ++idx[k] === lists[k].length) idx[k--] = 0;
    if (k < 0) return;
  }
}

function draw(a: Axis, rng: Prng): ParamValue {
  if (a.values) return a.values[Math.min(a.values.length - 1, Math.floor(rng.next() * a.values.length))];
  if (a.info?.kind === 'integer') return Math.min(a.max, a.min + Math.floor(rng.next() * (a.max - a.min + 1)));
  return rng.uniform(a.min, a.max);
}

/** Random search: distinct combinations satisfying `keep`, up to `samples` or as many as a small space has. */
function randomOf(axes: readonly Axis[], samples: number, seed: number, keep: (c: Combination) => boolean): Combination[] {
  const rng = new Prng(seed);
  const seen = new Set<string>();
  const out: Combination[] = [];
  // Enough draws to fill a sparse constraint; a space smaller than `samples` simply ends with fewer.
  for (let tries = 0; out.length < samples && tries < samples * 50; tries++) {
    const c: Record<string, ParamValue> = {};
    for (const a of axes) c[a.name] = draw(a, rng);
    const key = JSON.stringify(axes.map((a) => c[a.name]));
    if (seen.has(key)) continue;
    seen.add(key);
    if (keep(c)) out.push(c);
  }
  return out;
}

/**
 * Every combination a sweep runs, checked before anything runs: unknown parameters (when `infos` is known),
 * values the parameter cannot take, ranges without a grid step, a malformed `where`, an empty or oversized
 * result. All problems are thrown at once as a ConfigError labelled `label`, each under its axis.
 */
export function planSweep(def: SweepDefinition, infos: readonly ParamInfo[] | null, label = 'sweep'): SweepPlan {
  const issues: ConfigIssue[] = [];
  const axes: Axis[] = [];
  const names = new Set<string>();
  for (const a of def.axes) {
    if (names.has(a.name)) issues.push({ path: `axes.${a.name}`, message: `${a.name} is varied twice` });
    names.add(a.name);
    const info = infos?.find((p) => p.name === a.name);
    if (infos && !info) {
      issues.push({ path: `axes.${a.name}`, message: `the strategy has no parameter "${a.name}" (it has ${infos.map((p) => p.name).join(', ') || 'none'})` });
      continue;
    }
    const axis = axisOf(a, info, def.search, issues);
    if (!axis) continue;
    for (const v of axis.values ?? []) {
      const problem = info ? valueProblem(info, v) : null;
      if (problem) issues.push({ path: `axes.${a.name}`, message: problem });
    }
    if (axis.values === null && info) {
      for (const v of [axis.min, axis.max]) {
        const problem = valueProblem(info, v);
        if (problem) issues.push({ path: `axes.${a.name}`, message: problem });
      }
    }
    axes.push(axis);
  }
  let keep: (c: Combination) => boolean = () => true;
  try {
    keep = compileWhere(def.where, [...names]);
  } catch (err) {
    if (!(err instanceof WhereError)) throw err;
    issues.push({ path: 'where', message: err.message.replace(/^where: /, '') });
  }
  if (issues.length > 0) throw new ConfigError(label, issues);
  const combinations: Combination[] = [];
  try {
    if (def.search.kind === 'random') combinations.push(...randomOf(axes, def.search.samples, def.search.seed, keep));
    else {
      for (const c of gridOf(axes)) {
        if (!keep(c)) continue;
        if (combinations.length === MAX_COMBINATIONS) {
          throw new ConfigError(label, [{ path: 'axes', message: `the grid makes more than ${MAX_COMBINATIONS.toLocaleString('en-US')} combinations; narrow a range or add a where` }]);
        }
        combinations.push(c);
      }
    }
  } catch (err) {
    if (err instanceof WhereError) throw new ConfigError(label, [{ path: 'where', message: err.message.replace(/^where: /, '') }]);
    throw err;
  }
  if (combinations.length === 0) throw new ConfigError(label, [{ path: def.where ? 'where' : 'axes', message: 'no combination is left to run' }]);
  return { paramNames: axes.map((a) => a.name), combinations };
}
