import type { Mode } from '../domain/enums';
import type { TablePlan } from './batchWriter';
import { BACKTEST_TABLES, LIVE_TABLES, type TableSpec, storedColumns } from './columns';

/** Rows per multi-row INSERT: big enough to amortise statement overhead, far below SQLite's parameter limit. */
export const ROWS_PER_STATEMENT = 128;

function plan(spec: TableSpec<never>, scopeColumn: string, scopeValue: string | number): TablePlan {
  const stored = storedColumns(spec);
  return {
    table: spec.table,
    columns: stored.map((c) => c.column),
    enums: stored.map((c) => (c.kind === 'enum' ? [...(c.values ?? [])] : null)),
    scopeColumn,
    scopeValue,
    replace: spec.replace ?? false,
  };
}

/** Plans for every backtest table, scoped to the run whose INTEGER row is `runRow`. */
export function backtestPlans(runRow: number): TablePlan[] {
  return Object.values(BACKTEST_TABLES).map((spec) => plan(spec as TableSpec<never>, 'run', runRow));
}

/** Plans for every paper/live table, scoped to `mode`. */
export function livePlans(mode: Exclude<Mode, 'BACKTEST'>): TablePlan[] {
  return Object.values(LIVE_TABLES).map((spec) => plan(spec as TableSpec<never>, 'mode', mode));
}
