import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSeries } from '../../data/barStore/seriesRepo';
import { dailySeries } from '../../data/seriesFromBars';
import { riskReportSchema } from '../../ipc/contract/risk';
import { simpleReturns } from '../../risk/stats';
import { historicalVarEs } from '../../risk/valueAtRisk';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { accountRiskReport } from './accountRiskReport';

const STORE = { barSize: '1d', source: 'synthetic', onExisting: 'refuse' } as const;
const closesA = Array.from({ length: 30 }, (_, i) => 100 + ((i * 7) % 5) - i * 0.2);
const bars = (closes: readonly number[]) => closes.map((c) => [c, c, c, c]);
const NOW = Date.parse('2020-03-01T15:00:00Z');

let db: Database.Database;
let cleanup: () => void;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'account-risk.db'));
  writeSeries(db, dailySeries('AAA', bars(closesA)), STORE);
});

afterEach(() => {
  db.close();
  cleanup();
});

describe('accountRiskReport', () => {
  it('values today’s book over the stored closes, ends at today’s equity, and stores the report without a run', () => {
    // 100 AAA marked at 95 and 500 in cash.
    const snap = { mode: 'PAPER' as const, account: { netLiquidation: 10_000 }, positions: [{ instrument: 'AAA', quantity: 100, marketPrice: 95 }] };
    const report = riskReportSchema.parse(accountRiskReport(db, snap, { rollingWindow: 5 }, NOW));
    const curve = [...closesA.map((c) => 500 + 100 * c), 10_000];
    expect(report.observations).toBe(30);
    expect(report.equity).toBe(10_000);
    expect(report.asOf).toBe(NOW);
    const hist = report.figures.find((f) => f.method === 'historical' && f.confidence === 0.99 && f.horizonDays === 1)!;
    expect(hist.var).toBeCloseTo(historicalVarEs(simpleReturns(curve), 0.99).var, 12);
    expect(report.exposures.long).toBe(9_500);
    expect(report.runId).toBeNull();
    const row = db.prepare('SELECT mode, run_id FROM portfolio_risk_reports WHERE id = ?').get(report.id);
    expect(row).toEqual({ mode: 'PAPER', run_id: null });
  });

  it('reports a flat account with no history figures rather than inventing them', () => {
    const report = accountRiskReport(db, { mode: 'LIVE', account: { netLiquidation: 5_000 }, positions: [] }, { rollingWindow: 5 }, NOW);
    expect(report.observations).toBe(0);
    expect(report.figures.every((f) => f.var === null)).toBe(true);
    expect(report.mode).toBe('LIVE');
  });

  it('says what is missing: a connection, or the bars of a held symbol', () => {
    expect(() => accountRiskReport(db, { mode: 'PAPER', account: null, positions: [] }, { rollingWindow: 5 }, NOW)).toThrow(/connect on the Trading screen/);
    const snap = { mode: 'PAPER' as const, account: { netLiquidation: 1_000 }, positions: [{ instrument: 'ZZZ', quantity: 1, marketPrice: 10 }] };
    expect(() => accountRiskReport(db, snap, { rollingWindow: 5 }, NOW)).toThrow(/no daily bars stored for ZZZ/);
  });
});
