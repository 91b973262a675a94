import { STORE_FIELD_PATHS } from '../data/StoreSourceFields';
import { ADJUSTMENT_PATH } from './adjustmentField';
import { PERIOD_FIELDS } from './specFields';
import { getAt } from './specPath';
import { syntheticFieldPaths } from './syntheticFields';

export type DataKind = 'synthetic' | 'csv' | 'store';

/** Paths whose own issues (not a field's) show in the data card. */
export const DATA_SECTION_PATHS = ['data', 'data.synthetic', 'data.csv', 'data.store'];

export function dataKindOf(data: unknown): DataKind {
  if (getAt(data, 'store') !== undefined) return 'store';
  return getAt(data, 'csv') !== undefined ? 'csv' : 'synthetic';
}

/** The inputs the data card shows for `data` as it is, so each of the engine's issues lands on one it can see. */
export function dataFieldPaths(data: unknown): string[] {
  const kind = dataKindOf(data);
  const own = kind === 'synthetic' ? syntheticFieldPaths(getAt(data, 'synthetic')) : kind === 'store' ? [...STORE_FIELD_PATHS, ADJUSTMENT_PATH] : [ADJUSTMENT_PATH];
  return [...own, ...PERIOD_FIELDS.map((f) => f.path)];
}
