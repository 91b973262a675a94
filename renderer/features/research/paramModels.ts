import type { StrategyInfo } from '../../../core/ipc/contract/backtests';
import { inputMax, inputMin } from '../newBacktest/fieldValues';
import { fieldsFromSchema } from '../newBacktest/schemaFields';

/** A value a sweep can give a parameter (the contract's axis values). */
export type ParamValue = number | string | boolean;

interface ParamBase {
  name: string;
  label: string;
  hint?: string;
  /** The schema's default: where ranges are centred and what an empty fixed value means. */
  defaultValue?: unknown;
}

/** A number a sweep can range over; bounds are the lowest and highest values an input may take. */
export interface NumberParam extends ParamBase {
  kind: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  /** The lower bound itself is not allowed (a float `> 0`): a range starts just above it. */
  minExclusive: boolean;
}

/** An enum or a boolean: a sweep lists the choices it tries. */
export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  options: ParamValue[];
}

/** Text or a shape the form cannot vary (lists, objects): it keeps one value, as JSON when `json`. */
export interface FixedParam extends ParamBase {
  kind: 'fixed';
  json: boolean;
}

export type ParamModel = NumberParam | ChoiceParam | FixedParam;

/**
 * The strategy's parameters as the sweep form edits them, from the JSON Schema `strategies.list`
 * publishes (read by the New backtest form's own schema reader, so both forms agree on a field).
 */
export function paramModels(info: StrategyInfo | undefined): ParamModel[] {
  if (!info) return [];
  return fieldsFromSchema(info.paramsSchema, '').map((f): ParamModel => {
    const base = { name: f.path, label: f.label, hint: f.hint, defaultValue: f.defaultValue ?? info.defaults[f.path] };
    switch (f.kind) {
      case 'number':
        return {
          ...base,
          kind: 'number',
          integer: f.integer,
          min: inputMin(f),
          max: inputMax(f),
          // An integer's exclusive bound is already moved inside by inputMin.
          minExclusive: f.minExclusive === true && !f.integer,
        };
      case 'select':
        return { ...base, kind: 'choice', options: f.options.map((o) => o.value) };
      case 'boolean':
        return { ...base, kind: 'choice', options: [true, false] };
      case 'text':
      case 'date':
        return { ...base, kind: 'fixed', json: false };
      default:
        return { ...base, kind: 'fixed', json: true };
    }
  });
}

/** The largest of 1, 2 or 5 × a power of ten not above `x` (a step a trader would type). */
export function niceStepBelow(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const mag = 10 ** Math.floor(Math.log10(x));
  return ([5, 2, 1].map((m) => m * mag).find((s) => s <= x * (1 + 1e-9)) ?? mag);
}

/** Trims float noise (0.30000000000000004 → 0.3) so prefilled inputs read as typed. */
export const tidy = (v: number): number => Number(v.toPrecision(12));

export interface SuggestedRange {
  from: number;
  to: number;
  step: number;
}

/**
 * A first range around `value` (the current or default value): half to twice it, about ten steps
 * of a round size (integers step by at least 1), the ends on that step and inside the bounds.
 */
export function suggestRange(p: NumberParam, value: unknown): SuggestedRange {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : typeof p.defaultValue === 'number' ? p.defaultValue : 0;
  let lo = v === 0 ? 0 : Math.min(v / 2, v * 2);
  let hi = v === 0 ? (p.integer ? 10 : 1) : Math.max(v / 2, v * 2);
  let step = niceStepBelow((hi - lo) / 10);
  if (p.integer) step = Math.max(1, Math.round(step));
  // The epsilon keeps float noise (2 / 0.1 = 20.000000000000004) from adding a step.
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  if (p.min !== undefined) {
    const floor = p.minExclusive ? p.min + step : p.min;
    if (lo < floor) lo = p.integer ? Math.ceil(floor) : floor;
  }
  if (p.max !== undefined && hi > p.max) hi = p.max;
  if (hi < lo) hi = lo;
  return { from: tidy(lo), to: tidy(hi), step: tidy(step) };
}
