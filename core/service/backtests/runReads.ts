import type Database from 'better-sqlite3';
import type { EquityCurve, PeriodReturns, RunDetail, RunSummary } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import { getOrdersCreatedBetween, getPositionsOn, getRunEquity, getRunInstruments } from '../../store/queries';
import type { OrderRow, PositionSnapshotRow, RunStatus } from '../../store/rows';
import { getRun, listRuns } from '../../store/runs';
import { lttbIndices, pick } from './lttb';
import { periodReturns } from './periodReturns';
import { recordedConfig, toDetail, toSummary } from './runSummary';

export function requireRun(db: Database.Database, runId: string) {
  const row = getRun(db, runId);
  if (!row) throw new ApiError('NOT_FOUND', `no backtest run ${runId}`);
  return row;
}

export function listRunSummaries(db: Database.Database, filter: { search?: string; status?: RunStatus }): RunSummary[] {
  const needle = filter.search?.trim().toLowerCase() ?? '';
  return listRuns(db)
    .filter((r) => filter.status === undefined || r.status === filter.status)
    .filter((r) => needle === '' || r.name.toLowerCase().includes(needle) || r.strategy.toLowerCase().includes(needle))
    .map(toSummary);
}

export function runDetail(db: Database.Database, runId: string): RunDetail {
  const row = requireRun(db, runId);
  // Runs record their universe; reading it from the orders is the fallback for runs that did not.
  const recorded = recordedConfig(row).symbols;
  const symbols = Array.isArray(recorded) && recorded.every((x) => typeof x === 'string') ? (recorded as string[]) : getRunInstruments(db, runId);
  return toDetail(row, symbols);
}

/** The stored curve, downsampled by LTTB on equity; values at kept points are exact. */
export function equityCurve(db: Database.Database, runId: string, maxPoints: number): EquityCurve {
  requireRun(db, runId);
  const rows = getRunEquity(db, runId);
  const ts = rows.map((r) => r.ts);
  const equity = rows.map((r) => r.equity);
  const idx = lttbIndices(ts, equity, maxPoints);
  const kept = pick(rows, idx);
  return {
    ts: kept.map((r) => r.ts),
    equity: kept.map((r) => r.equity),
    benchmark: kept.map((r) => r.benchmarkEquity),
    drawdownPct: kept.map((r) => r.drawdown * 100),
    totalPoints: rows.length,
  };
}

export function runPeriodReturns(db: Database.Database, runId: string): PeriodReturns {
  const summary = toSummary(requireRun(db, runId));
  const rows = getRunEquity(db, runId);
  return periodReturns(
    rows.map((r) => r.ts),
    rows.map((r) => r.equity),
    rows.map((r) => r.benchmarkEquity),
    summary.initialCash,
  );
}

/** Positions at the close of the last session at or before `ts`, and the orders placed in that session. */
export function runAsOf(
  db: Database.Database,
  runId: string,
  ts: number,
): { sessionTs: number | null; positions: PositionSnapshotRow[]; orders: OrderRow[] } {
  requireRun(db, runId);
  const row = db
    .prepare(
      `SELECT ts FROM backtest_daily_equity WHERE run = (SELECT row FROM backtest_runs WHERE id = ?) AND ts <= ? ORDER BY ts DESC LIMIT 2`,
    )
    .all(runId, ts) as { ts: number }[];
  if (row.length === 0) return { sessionTs: null, positions: [], orders: [] };
  const sessionTs = row[0].ts;
  const prev = row.length > 1 ? row[1].ts : Number.NEGATIVE_INFINITY;
  const positions = getPositionsOn(db, runId, sessionTs).filter((p) => p.quantity !== 0);
  return { sessionTs, positions, orders: getOrdersCreatedBetween(db, runId, prev, sessionTs) };
}

/** Runs side by side, each equity curve divided by its initial cash. */
export function compareRuns(db: Database.Database, runIds: readonly string[], maxPoints: number) {
  const runs = runIds.map((id) => runDetail(db, id));
  const curves = runs.map((run) => {
    const c = equityCurve(db, run.id, maxPoints);
    const base = run.initialCash > 0 ? run.initialCash : (c.equity[0] ?? 1);
    return { runId: run.id, ts: c.ts, value: c.equity.map((v) => v / base) };
  });
  return { runs, curves };
}
