import type Database from 'better-sqlite3';
import { SeriesNotFoundError } from '../../data/barStore/errors';
import { getBars } from '../../data/barStore/loadBars';
import type { RiskReportDto, ScenarioInput } from '../../ipc/contract/risk';
import { ApiError } from '../../ipc/errors';
import { bookCurve, type CloseSeries } from '../../risk/bookCurve';
import { buildRiskReport, type CurvePoint } from '../../risk/riskReport';
import { DEFAULT_SCENARIOS } from '../../risk/scenarios';
import { insertRiskReport } from './riskReportStore';

/** What the report needs of the trading service's state. */
export interface AccountSnapshot {
  mode: 'PAPER' | 'LIVE';
  account: { netLiquidation: number } | null;
  positions: readonly { instrument: string; quantity: number; marketPrice: number }[];
}

export interface AccountRiskRequest {
  scenarios?: ScenarioInput[];
  rollingWindow: number;
}

function closesOf(db: Database.Database, symbols: readonly string[]): Map<string, CloseSeries> {
  const out = new Map<string, CloseSeries>();
  const missing: string[] = [];
  for (const s of symbols) {
    try {
      const bars = getBars(db, s, '1d');
      // Adjusted closes where the source had them, so a split is not read as a crash.
      out.set(s, { ts: bars.ts, close: bars.adjClose ?? bars.close });
    } catch (err) {
      if (!(err instanceof SeriesNotFoundError)) throw err;
      missing.push(s);
    }
  }
  if (missing.length > 0) {
    throw new ApiError('NOT_FOUND', `no daily bars stored for ${missing.join(', ')}; download their history (Trading or Data screen) to get a risk report`);
  }
  return out;
}

/**
 * The paper/live account's risk report now: today's book (the trading service's positions and net
 * liquidation) valued over the daily closes in the bar store, plus today's value as the last point.
 * Stored with mode PAPER or LIVE and no run, then returned.
 */
export function accountRiskReport(db: Database.Database, snap: AccountSnapshot, req: AccountRiskRequest, now: number): RiskReportDto {
  if (snap.account === null) throw new ApiError('UNAVAILABLE', 'no broker account yet: connect on the Trading screen first');
  const equity = snap.account.netLiquidation;
  if (!(equity > 0)) throw new ApiError('BAD_INPUT', `the account's net liquidation is ${equity}; risk figures need positive equity`);
  const holdings = snap.positions.filter((p) => p.quantity !== 0).map((p) => ({ symbol: p.instrument, quantity: p.quantity, price: p.marketPrice }));
  const valued = bookCurve(holdings, equity, closesOf(db, holdings.map((h) => h.symbol))).filter((p) => p.ts < now);
  // A book worth nothing on some past day has no returns across it: only the days after the last such day count.
  const past = valued.slice(valued.findLastIndex((p) => !(p.equity > 0)) + 1);
  const curve: CurvePoint[] = [...past, { ts: now, equity, benchmark: null }];
  const report = buildRiskReport({ asOf: now, curve, holdings, scenarios: req.scenarios ?? DEFAULT_SCENARIOS, rollingWindow: req.rollingWindow });
  const id = insertRiskReport(db, null, snap.mode, now, report);
  return { ...report, id, runId: null, mode: snap.mode, createdAt: now };
}
