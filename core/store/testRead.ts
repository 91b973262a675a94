import type Database from 'better-sqlite3';
import { BACKTEST_TABLES, type BacktestTable, type ColumnSpec, selectList, sourceOf } from './columns';

const KEY_ORDER: Record<BacktestTable, string> = {
  orders: 'seq',
  fills: 'seq',
  positions: 'ts, instrument',
  targets: 'ts, instrument',
  trades: 'row',
  actions: 'row',
  equity: 'ts',
};

/** Everything stored for a run, table by table in key order, as row objects: for round-trip tests. */
export function readRun(db: Database.Database, runId: string): Record<BacktestTable, unknown[]> {
  const out = {} as Record<BacktestTable, unknown[]>;
  for (const [name, spec] of Object.entries(BACKTEST_TABLES) as [BacktestTable, (typeof BACKTEST_TABLES)[BacktestTable]][]) {
    out[name] = db
      .prepare(
        `SELECT ${selectList(spec.columns as readonly ColumnSpec<unknown>[])} FROM ${sourceOf(spec)}
         WHERE run = (SELECT row FROM backtest_runs WHERE id = ?) ORDER BY ${KEY_ORDER[name]}`,
      )
      .all(runId);
  }
  return out;
}
