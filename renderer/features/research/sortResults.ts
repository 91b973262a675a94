import type { SweepResult } from '../../../core/ipc/contract/research';
import type { SortState } from '../../components/table/pageWindow';
import type { ParamValue } from './paramModels';
import { compareValues } from './sweepSlices';

/** A results column to sort by: the combination number, the objective, `p:<param>` or `m:<metric>`. */
export type ResultSortKey = 'index' | 'objective' | `p:${string}` | `m:${string}`;

function valueOf(r: SweepResult, k: ResultSortKey): ParamValue | null {
  if (k === 'index') return r.index;
  if (k === 'objective') return r.objective;
  if (k.startsWith('p:')) return r.params[k.slice(2)] ?? null;
  return r.metrics[k.slice(2)] ?? null;
}

/** A sorted copy; rows without a value go last either way, ties keep the combination order. */
export function sortResults(results: readonly SweepResult[], sort: SortState<ResultSortKey>): SweepResult[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...results].sort((a, b) => {
    const va = valueOf(a, sort.field);
    const vb = valueOf(b, sort.field);
    if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
    return sign * compareValues(va, vb) || a.index - b.index;
  });
}
