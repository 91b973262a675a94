import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { riskReportSchema } from '../../ipc/contract/risk';
import { historicalVarEs, parametricVarEs } from '../../risk/valueAtRisk';
import { openDatabase } from '../../store/db';
import { createRun } from '../../store/runs';
import { deleteRunInBatches } from '../../store/runDeletion';
import { createRunWriter } from '../../store/runWriter';
import { tempDir, testRunInput } from '../../store/testDb';
import { runRiskReport } from './runRiskReport';
import { positionSetOf } from '../../store/testing/positionSets';

const DAY = 86_400_000;
// Thirty sessions of equity with a known return pattern; the benchmark moves half as much.
const RETURNS = Array.from({ length: 29 }, (_, i) => ((i * 7) % 11) / 100 - 0.05);

let db: Database.Database;
let runId: string;
let cleanup: () => void;
const equity: number[] = [100_000];
for (const r of RETURNS) equity.push(equity.at(-1)! * (1 + r));

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'risk.db'));
  runId = createRun(db, testRunInput(30));
  const w = createRunWriter(db, runId, 'BACKTEST');
  let bench = 100_000;
  equity.forEach((e, i) => {
    if (i > 0) bench *= 1 + RETURNS[i - 1] / 2;
    w.equity({ ts: i * DAY, cash: 0, equity: e, grossExposure: e, netExposure: e, drawdown: 0, benchmarkEquity: bench });
  });
  const last = equity.length - 1;
  w.positionSet(positionSetOf(5 * DAY, [{ instrument: 'CCC', quantity: 10, avgCost: 1, marketPrice: 100, realizedPnl: 0 }]));
  w.positionSet(
    positionSetOf(last * DAY, [
      { instrument: 'AAA', quantity: 100, avgCost: 1, marketPrice: 300, realizedPnl: 0 },
      { instrument: 'BBB', quantity: -10, avgCost: 1, marketPrice: 500, realizedPnl: 0 },
    ]),
  );
  w.flush();
});

afterEach(() => {
  db.close();
  cleanup();
});

describe('runRiskReport', () => {
  it('reports the last session by default from the stored curve and positions, and stores the report', () => {
    const report = riskReportSchema.parse(runRiskReport(db, { runId, rollingWindow: 10 }, 1234));
    expect(report.asOf).toBe(29 * DAY);
    expect(report.observations).toBe(29);
    const hist95 = report.figures.find((f) => f.method === 'historical' && f.confidence === 0.95 && f.horizonDays === 1)!;
    const stored = equity.slice(1).map((e, i) => e / equity[i] - 1);
    expect(hist95.var).toBeCloseTo(historicalVarEs(stored, 0.95).var, 12);
    expect(hist95.varMoney).toBeCloseTo(historicalVarEs(stored, 0.95).var * equity[29], 6);
    const par99ten = report.figures.find((f) => f.method === 'parametric' && f.confidence === 0.99 && f.horizonDays === 10)!;
    expect(par99ten.var).toBeCloseTo(parametricVarEs(stored, 0.99, 10).var, 12);
    expect(report.figures).toHaveLength(8);
    expect(report.beta).toBeCloseTo(2, 1);
    expect(report.exposures.long).toBe(30_000);
    expect(report.exposures.short).toBe(5_000);
    expect(report.exposures.bySymbol.map((s) => s.symbol)).toEqual(['AAA', 'BBB']);
    expect(report.scenarios[0].pnl).toBeCloseTo(-2_500, 9);
    expect(report.rolling).toHaveLength(20);
    expect(report.worstWindows.map((w) => w.days)).toEqual([1, 5, 20]);

    const row = db.prepare('SELECT * FROM portfolio_risk_reports WHERE id = ?').get(report.id) as Record<string, unknown>;
    expect(row.mode).toBe('BACKTEST');
    expect(row.created_at).toBe(1234);
    expect(row.hist_var_95_1d).toBeCloseTo(hist95.var!, 12);
    expect(JSON.parse(row.scenarios_json as string)).toHaveLength(3);
  });

  it('uses only the history and the book up to an earlier as-of date', () => {
    const report = runRiskReport(db, { runId, asOf: 5 * DAY + 3, scenarios: [{ kind: 'symbol', symbol: 'CCC', shockPct: -50 }], rollingWindow: 3 }, 1);
    expect(report.asOf).toBe(5 * DAY);
    expect(report.observations).toBe(5);
    expect(report.exposures.bySymbol.map((s) => s.symbol)).toEqual(['CCC']);
    expect(report.scenarios[0].pnl).toBeCloseTo(-500, 9);
    // Five returns hold no ten-day window, so the historical 10-day figures are missing, not made up.
    expect(report.figures.find((f) => f.method === 'historical' && f.horizonDays === 10)?.var).toBeNull();
  });

  it('names a missing run or a date before the run', () => {
    expect(() => runRiskReport(db, { runId: '00000000-0000-4000-8000-000000000000', rollingWindow: 5 }, 1)).toThrow(/no backtest run/);
    expect(() => runRiskReport(db, { runId, asOf: -1, rollingWindow: 5 }, 1)).toThrow(/no recorded session at or before/);
  });

  it('refuses a curve that went through zero, naming the day', () => {
    const broke = createRun(db, testRunInput(3));
    const w = createRunWriter(db, broke, 'BACKTEST');
    [100, -5, 10].forEach((e, i) => w.equity({ ts: i * DAY, cash: e, equity: e, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null }));
    w.flush();
    expect(() => runRiskReport(db, { runId: broke, rollingWindow: 2 }, 1)).toThrow(/had equity -5 on 1970-01-02; .* pick a date before it/);
    expect(runRiskReport(db, { runId: broke, asOf: 0, rollingWindow: 2 }, 1).observations).toBe(0);
  });

  it('goes with its run when the run is deleted', async () => {
    runRiskReport(db, { runId, rollingWindow: 5 }, 1);
    expect(await deleteRunInBatches(db, runId)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM portfolio_risk_reports').pluck().get()).toBe(0);
  });
});
