import type { MethodInput } from '../../../core/ipc/contract';
import type { SweepAxis, WindowPlan } from '../../../core/ipc/contract/research';
import { setAt } from '../newBacktest/specPath';
import type { ParamModel } from './paramModels';
import type { ParamDraft, SweepDraft, WindowDraft } from './sweepDraft';

export type SweepRequestInput = MethodInput<'research.sweepStart'>;

/** The contract takes at most this many axes. */
export const MAX_AXES = 10;

const parseNum = (text: string): number | null => {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

const parseInt_ = (text: string): number | null => {
  const n = parseNum(text);
  return n !== null && Number.isInteger(n) ? n : null;
};

/** A row's value when not varied: undefined for empty (the strategy's default), or why the text is not one. */
export function fixedValue(p: ParamModel, text: string): { value: unknown } | { issue: string } {
  const t = text.trim();
  if (t === '') return { value: undefined };
  switch (p.kind) {
    case 'number': {
      const n = parseNum(t);
      return n === null ? { issue: 'not a number' } : { value: n };
    }
    case 'choice': {
      const hit = p.options.find((o) => String(o) === t);
      return hit === undefined ? { issue: `not one of ${p.options.map(String).join(', ')}` } : { value: hit };
    }
    case 'fixed':
      if (!p.json) return { value: text };
      try {
        return { value: JSON.parse(t) as unknown };
      } catch {
        return { issue: 'not valid JSON' };
      }
  }
}

/** A varied row as an axis, or what is wrong with it. */
export function axisOf(p: ParamModel, d: ParamDraft, grid: boolean): { axis: SweepAxis } | { issue: string } {
  if (p.kind === 'choice') {
    const values = p.options.filter((o) => d.chosen.includes(o));
    return values.length === 0 ? { issue: 'tick at least one choice' } : { axis: { name: p.name, values } };
  }
  if (p.kind === 'fixed') return { issue: 'this parameter cannot vary' };
  const from = parseNum(d.from);
  const to = parseNum(d.to);
  const step = parseNum(d.step);
  if (from === null || to === null) return { issue: 'give a number for from and to' };
  if (from > to) return { issue: 'from is above to' };
  if (d.step.trim() !== '' && (step === null || step <= 0)) return { issue: 'the step must be a number above 0' };
  // The engine steps an integer by 1 without a step; a fractional range has no grid of its own.
  if (grid && step === null && !p.integer) return { issue: 'a grid needs a step for a fractional parameter' };
  return { axis: step === null ? { name: p.name, min: from, max: to } : { name: p.name, min: from, max: to, step } };
}

/** How many values a grid tries on one axis; null when not countable here (a random draw over a range). */
export function axisCount(axis: SweepAxis, integer: boolean, grid: boolean): number | null {
  if ('values' in axis) return axis.values.length;
  if (!grid) return null;
  if (axis.step === undefined) return integer ? Math.floor(axis.max) - Math.ceil(axis.min) + 1 : null;
  // The epsilon keeps float noise (0.3 / 0.1 = 2.9999999999999996) from losing the last value.
  return Math.floor((axis.max - axis.min) / axis.step + 1e-9) + 1;
}

export interface BuiltSweep {
  /** Null while anything the form can tell by itself is wrong. */
  request: SweepRequestInput | null;
  /** Per parameter name: what is wrong with its row. */
  paramIssues: Record<string, string>;
  /** What is wrong with the form as a whole. */
  issues: string[];
  /** Per varied parameter: the values a grid tries there (null when drawn at random). */
  counts: Record<string, number | null>;
}

/**
 * The request the form stands for: the base spec with the chosen strategy and its fixed values
 * (a varied parameter keeps its base value there too, so the spec stays a valid backtest on its own),
 * the axes, the search, the constraint and the objective.
 */
export function buildSweep(draft: SweepDraft, models: readonly ParamModel[], objective: string): BuiltSweep {
  const grid = draft.search.kind === 'grid';
  const paramIssues: Record<string, string> = {};
  const issues: string[] = [];
  const counts: Record<string, number | null> = {};
  const axes: SweepAxis[] = [];
  const params: Record<string, unknown> = {};
  for (const m of models) {
    const d = draft.params[m.name];
    if (!d) continue;
    const fixed = fixedValue(m, d.fixed);
    if ('issue' in fixed) paramIssues[m.name] = fixed.issue;
    else if (fixed.value !== undefined) params[m.name] = fixed.value;
    if (!d.vary) continue;
    const built = axisOf(m, d, grid);
    if ('issue' in built) {
      paramIssues[m.name] = built.issue;
    } else {
      axes.push(built.axis);
      counts[m.name] = axisCount(built.axis, m.kind === 'number' && m.integer, grid);
    }
  }
  if (draft.strategy === '') issues.push('Choose a strategy.');
  if (axes.length === 0 && Object.keys(paramIssues).length === 0) issues.push('Tick “vary” on at least one parameter.');
  if (axes.length > MAX_AXES) issues.push(`At most ${MAX_AXES} parameters can vary at once.`);
  let search: SweepRequestInput['search'] = { kind: 'grid' };
  if (!grid) {
    const samples = parseInt_(draft.search.samples);
    const seed = parseInt_(draft.search.seed);
    if (samples === null || samples < 1 || samples > 100_000) issues.push('Samples must be a whole number from 1 to 100,000.');
    if (seed === null) issues.push('The seed must be a whole number.');
    search = { kind: 'random', samples: samples ?? 1, seed: seed ?? 1 };
  }
  const ok = issues.length === 0 && Object.keys(paramIssues).length === 0;
  let spec = setAt(draft.base, 'strategy', { name: draft.strategy, params });
  if (draft.name.trim() !== '') spec = setAt(spec, 'name', draft.name.trim());
  return {
    request: ok ? { spec, axes, search, where: draft.where.trim(), objective } : null,
    paramIssues,
    issues,
    counts,
  };
}

/** The walk-forward's windows, or what is wrong with them. */
export function buildWindows(w: WindowDraft): { plan: WindowPlan | null; issues: string[] } {
  const issues: string[] = [];
  const positive = (text: string, what: string): number | null => {
    const n = parseInt_(text);
    if (n === null || n < 1) {
      issues.push(`${what} must be a whole number of ${w.unit} above 0.`);
      return null;
    }
    return n;
  };
  const inSample = positive(w.inSample, 'The in-sample length');
  const outOfSample = positive(w.outOfSample, 'The out-of-sample length');
  const step = w.step.trim() === '' ? undefined : positive(w.step, 'The step');
  if (inSample === null || outOfSample === null || step === null) return { plan: null, issues };
  const plan: WindowPlan = { mode: w.mode, unit: w.unit, inSample, outOfSample };
  if (step !== undefined) plan.step = step;
  return { plan, issues };
}
