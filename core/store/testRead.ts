import type Database from 'better-sqlite3';
import { BACKTEST_TABLES, type BacktestTable, type ColumnSpec, selectList, sourceOf } from './columns';
import { unpackPositionSet } from './positionSets';
import type { PositionSetRow } from './rows';

const KEY_ORDER: Record<Exclude<BacktestTable, 'positionSets'>, string> = {
  orders: 'seq',
  fills: 'seq',
  targets: 'ts, instrument',
  trades: 'row',
  actions: 'row',
  equity: 'ts',
};

type ReadTable = keyof typeof KEY_ORDER | 'positions';

/** Everything stored for a run, table by table in key order, as row objects (positions unpacked, by session): for round-trip tests. */
export function readRun(db: Database.Database, runId: string): Record<ReadTable, unknown[]> {
  const run = '(SELECT row FROM backtest_runs WHERE id = ?)';
  const out = {} as Record<ReadTable, unknown[]>;
  for (const name of Object.keys(KEY_ORDER) as (keyof typeof KEY_ORDER)[]) {
    const spec = BACKTEST_TABLES[name];
    out[name] = db
      .prepare(`SELECT ${selectList(spec.columns as readonly ColumnSpec<unknown>[])} FROM ${sourceOf(spec)} WHERE run = ${run} ORDER BY ${KEY_ORDER[name]}`)
      .all(runId);
  }
  const sets = db.prepare(`SELECT ts, held, instruments, data FROM backtest_position_sets WHERE run = ${run} ORDER BY ts`).all(runId) as PositionSetRow[];
  out.positions = sets.flatMap(unpackPositionSet);
  return out;
}
