import type { StrategyInfo } from '../../../core/ipc/contract/backtests';
import { getAt, type Spec } from '../newBacktest/specPath';
import { paramModels, suggestRange, type ParamModel, type ParamValue } from './paramModels';

/** One parameter's row of the form, as typed: numbers stay text until the request is built. */
export interface ParamDraft {
  vary: boolean;
  from: string;
  to: string;
  step: string;
  /** The choices tried when an enum or boolean varies, in the schema's order. */
  chosen: ParamValue[];
  /** The value when not varied; empty means the strategy's default. */
  fixed: string;
}

export interface SearchDraft {
  kind: 'grid' | 'random';
  samples: string;
  seed: string;
}

export interface WindowDraft {
  mode: 'rolling' | 'anchored';
  unit: 'sessions' | 'months';
  inSample: string;
  outOfSample: string;
  /** Empty: each window moves by its out-of-sample length. */
  step: string;
}

export type ResearchTab = 'sweep' | 'walkforward';

/** The research form: a base spec (data, period, costs) and what to vary over it. */
export interface SweepDraft {
  /** Where the base came from: 'defaults', a run id, or `sweep:<id>` / `walkforward:<id>` when re-run. */
  origin: string;
  /** What the header says the base is ("engine defaults", a run's name). */
  originLabel: string;
  base: Spec;
  name: string;
  strategy: string;
  params: Record<string, ParamDraft>;
  search: SearchDraft;
  where: string;
  objective: string;
  windows: WindowDraft;
  tab: ResearchTab;
}

export const DEFAULT_OBJECTIVE = 'sharpe';
export const DEFAULT_SEARCH: SearchDraft = { kind: 'grid', samples: '200', seed: '1' };
export const DEFAULT_WINDOWS: WindowDraft = { mode: 'rolling', unit: 'months', inSample: '24', outOfSample: '6', step: '' };

/** A value as its input shows it. */
export function valueText(p: ParamModel, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (p.kind === 'fixed' && p.json) return JSON.stringify(v);
  return typeof v === 'string' ? v : String(v);
}

/**
 * Which parameters vary on a fresh form, so it starts with a sweep worth running: up to two integers
 * (lookbacks, counts), else one enum or boolean, else one number.
 */
function variedByDefault(models: readonly ParamModel[]): Set<string> {
  const ints = models.filter((m) => m.kind === 'number' && m.integer).slice(0, 2);
  if (ints.length > 0) return new Set(ints.map((m) => m.name));
  const pick = models.find((m) => m.kind === 'choice') ?? models.find((m) => m.kind === 'number');
  return new Set(pick ? [pick.name] : []);
}

/** Rows for every parameter, ranges centred on `values` (the base's params) or the defaults. */
export function paramDrafts(models: readonly ParamModel[], values: Record<string, unknown>): Record<string, ParamDraft> {
  const varied = variedByDefault(models);
  const out: Record<string, ParamDraft> = {};
  for (const m of models) {
    const value = values[m.name] ?? m.defaultValue;
    const range = m.kind === 'number' ? suggestRange(m, value) : null;
    out[m.name] = {
      vary: varied.has(m.name),
      from: range ? String(range.from) : '',
      to: range ? String(range.to) : '',
      step: range ? String(range.step) : '',
      chosen: m.kind === 'choice' ? [...m.options] : [],
      fixed: valueText(m, value),
    };
  }
  return out;
}

/** A constraint a trader would write for parameters that come as a pair, e.g. `fast < slow`. */
export function suggestWhere(varied: readonly string[]): string {
  const pairs: [string, string][] = [
    ['fast', 'slow'],
    ['short', 'long'],
  ];
  const pair = pairs.find(([a, b]) => varied.includes(a) && varied.includes(b));
  return pair ? `${pair[0]} < ${pair[1]}` : '';
}

/** A JSON object, or an empty one for anything else. */
export const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The form for `strategy` over the base, its rows prefilled from `values`. */
export function withStrategy(draft: Omit<SweepDraft, 'strategy' | 'params' | 'where'>, strategy: string, strategies: readonly StrategyInfo[], values: Record<string, unknown>): SweepDraft {
  const params = paramDrafts(paramModels(strategies.find((s) => s.name === strategy)), values);
  const varied = Object.entries(params).filter(([, d]) => d.vary).map(([n]) => n);
  return { ...draft, strategy, params, where: suggestWhere(varied) };
}

/** A fresh form over `base`: its strategy when built in (a strategy module has no schema to vary), else the first. */
export function initialDraft(base: Spec, strategies: readonly StrategyInfo[], origin: string, originLabel: string): SweepDraft {
  const named = getAt(base, 'strategy.name');
  const known = strategies.find((s) => s.name === named);
  const strategy = known?.name ?? strategies[0]?.name ?? '';
  const values = known ? asRecord(getAt(base, 'strategy.params')) : {};
  const baseName = typeof base.name === 'string' && base.name !== '' ? base.name : strategy;
  return withStrategy(
    { origin, originLabel, base, name: `${baseName} sweep`, search: DEFAULT_SEARCH, objective: DEFAULT_OBJECTIVE, windows: DEFAULT_WINDOWS, tab: 'sweep' },
    strategy,
    strategies,
    values,
  );
}
