import type { SweepResult } from '../../../core/ipc/contract/research';
import type { ParamValue } from './paramModels';

/**
 * Slices of a sweep's results for the charts: the objective along one parameter, or over two, with
 * the other parameters either held at the best combination's values or (for a random search, where
 * few combinations share them) at whichever values did best for that cell.
 */
export type SliceMode = 'atBest' | 'bestOf';

export type Direction = 'max' | 'min';

export interface SweepResults {
  paramNames: readonly string[];
  results: readonly SweepResult[];
  /** Index into `results` of the best combination. */
  best: number | null;
}

const key = (v: unknown): string => `${typeof v}:${String(v)}`;

const rank = (v: ParamValue): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);

/** Numbers ascending, then false before true, then text in order. */
export function compareValues(a: ParamValue, b: ParamValue): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Every value the results give `name`, once each, in order. */
export function distinctValues(results: readonly SweepResult[], name: string): ParamValue[] {
  const seen = new Map<string, ParamValue>();
  for (const r of results) {
    const v = r.params[name];
    if (v !== undefined && !seen.has(key(v))) seen.set(key(v), v);
  }
  return [...seen.values()].sort(compareValues);
}

/** True when `a` is a better objective than `b` (a defined value beats none). */
export function isBetter(a: number | null, b: number | null, direction: Direction): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return direction === 'max' ? a > b : a < b;
}

export const bestResult = (s: SweepResults): SweepResult | null => (s.best === null ? null : (s.results[s.best] ?? null));

/** The results a slice over `free` may use: all of them, or those that agree with the best elsewhere. */
function candidates(s: SweepResults, free: readonly string[], mode: SliceMode): readonly SweepResult[] {
  if (mode === 'bestOf') return s.results;
  const best = bestResult(s);
  if (!best) return [];
  const held = s.paramNames.filter((n) => !free.includes(n));
  return s.results.filter((r) => held.every((n) => key(r.params[n]) === key(best.params[n])));
}

/** Per combination of the free parameters' values, the best result there. */
function bestPer(rows: readonly SweepResult[], free: readonly string[], direction: Direction): Map<string, SweepResult> {
  const out = new Map<string, SweepResult>();
  for (const r of rows) {
    const k = free.map((n) => key(r.params[n])).join('|');
    const seen = out.get(k);
    if (!seen || isBetter(r.objective, seen.objective, direction)) out.set(k, r);
  }
  return out;
}

export interface LinePoint {
  value: ParamValue;
  result: SweepResult | null;
}

/** The objective along `name`: one point per value it took, empty where no result fits. */
export function lineSlice(s: SweepResults, name: string, mode: SliceMode, direction: Direction): LinePoint[] {
  const per = bestPer(candidates(s, [name], mode), [name], direction);
  return distinctValues(s.results, name).map((value) => ({ value, result: per.get(key(value)) ?? null }));
}

export interface HeatCell {
  x: ParamValue;
  y: ParamValue;
  result: SweepResult | null;
}

export interface HeatGrid {
  xs: ParamValue[];
  ys: ParamValue[];
  /** One row per y value (in `ys` order), one cell per x value. */
  rows: HeatCell[][];
  /** Lowest and highest objective among the cells; null when no cell has one. */
  range: [number, number] | null;
}

/** The objective over `x` and `y`: a cell for every pair of the values they took, null where no result fits. */
export function heatGrid(s: SweepResults, x: string, y: string, mode: SliceMode, direction: Direction): HeatGrid {
  const per = bestPer(candidates(s, [x, y], mode), [x, y], direction);
  const xs = distinctValues(s.results, x);
  const ys = distinctValues(s.results, y);
  let lo = Infinity;
  let hi = -Infinity;
  const rows = ys.map((yv) =>
    xs.map((xv): HeatCell => {
      const result = per.get(`${key(xv)}|${key(yv)}`) ?? null;
      const v = result?.objective;
      if (typeof v === 'number') {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return { x: xv, y: yv, result };
    }),
  );
  return { xs, ys, rows, range: lo === Infinity ? null : [lo, hi] };
}
