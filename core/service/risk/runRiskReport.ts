import type Database from 'better-sqlite3';
import type { RiskReportDto, ScenarioInput } from '../../ipc/contract/risk';
import { ApiError } from '../../ipc/errors';
import { buildRiskReport } from '../../risk/riskReport';
import { DEFAULT_SCENARIOS } from '../../risk/scenarios';
import { getPositionsOn, getRunEquity } from '../../store/queries';
import { runRowOf } from '../../store/runs';
import { requireRun } from '../backtests/runReads';
import { insertRiskReport } from './riskReportStore';

export interface RunRiskRequest {
  runId: string;
  asOf?: number;
  scenarios?: ScenarioInput[];
  rollingWindow: number;
}

/**
 * A backtest run's risk report as of a session: the book is the run's stored positions at that session's
 * close, the returns its daily equity up to then, the benchmark its stored benchmark equity. Stored, then returned.
 */
export function runRiskReport(db: Database.Database, req: RunRiskRequest, now: number): RiskReportDto {
  requireRun(db, req.runId);
  const rows = getRunEquity(db, req.runId);
  const asOfRow = req.asOf === undefined ? rows.at(-1) : rows.findLast((r) => r.ts <= (req.asOf ?? Infinity));
  if (asOfRow === undefined) {
    const when = req.asOf === undefined ? '' : ` at or before ${new Date(req.asOf).toISOString()}`;
    throw new ApiError('NOT_FOUND', `run ${req.runId} has no recorded session${when}`);
  }
  // Returns, and so every figure, are undefined across a session with no positive equity.
  const broke = rows.find((r) => r.ts <= asOfRow.ts && !(r.equity > 0));
  if (broke !== undefined) {
    const day = new Date(broke.ts).toISOString().slice(0, 10);
    throw new ApiError('BAD_INPUT', `run ${req.runId} had equity ${broke.equity} on ${day}; risk figures need positive equity throughout, so pick a date before it`);
  }
  const holdings = getPositionsOn(db, req.runId, asOfRow.ts).map((p) => ({ symbol: p.instrument, quantity: p.quantity, price: p.marketPrice }));
  const report = buildRiskReport({
    asOf: asOfRow.ts,
    curve: rows.map((r) => ({ ts: r.ts, equity: r.equity, benchmark: r.benchmarkEquity })),
    holdings,
    scenarios: req.scenarios ?? DEFAULT_SCENARIOS,
    rollingWindow: req.rollingWindow,
  });
  const id = insertRiskReport(db, runRowOf(db, req.runId, 'risk.report'), 'BACKTEST', now, report);
  return { ...report, id, runId: req.runId, mode: 'BACKTEST', createdAt: now };
}
