import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from './migrations';
import { getRunTrades } from './queries';
import { createRun } from './runs';
import { testRunInput } from './testDb';

describe('migration 006_trade_analysis', () => {
  it('applies to a database that already holds trades, which keep their values and read back without an analysis', () => {
    const db = new Database(':memory:');
    try {
      const all = loadMigrations();
      applyMigrations(db, ':memory:', all.filter((m) => m.version < 6));
      const runId = createRun(db, testRunInput());
      const insert = db.prepare(
        `INSERT INTO backtest_trades (run, instrument, direction, quantity, entry_ts, entry_price, exit_ts, exit_price, pnl, return_pct, commission, bars_held, status, mark_price, unrealized_pnl)
         VALUES ((SELECT row FROM backtest_runs WHERE id = ?), ?, 'LONG', 10, 1, 100, 2, ?, ?, 1, 1, 1, ?, ?, ?)`,
      );
      insert.run(runId, 'GOOG', 110, 99, 'CLOSED', null, null);
      insert.run(runId, 'AAPL', 90, -101, 'OPEN', 90, -100);
      expect(applyMigrations(db, ':memory:', all)).toContain(6);

      const rows = getRunTrades(db, runId, { limit: 10, offset: 0 });
      expect(rows.map((r) => [r.instrument, r.pnl, r.status, r.markPrice])).toEqual([
        ['GOOG', 99, 'CLOSED', null],
        ['AAPL', -101, 'OPEN', 90],
      ]);
      for (const r of rows) expect([r.mae, r.maePct, r.mfe, r.mfePct, r.exitReason, r.cumulativePnl]).toEqual([null, null, null, null, null, null]);

      db.prepare("UPDATE backtest_trades SET exit_reason = 'END_OF_RUN', mae = -5, mfe = 12 WHERE instrument = 'GOOG'").run();
      expect(getRunTrades(db, runId, { limit: 1, offset: 0 })[0]).toMatchObject({ exitReason: 'END_OF_RUN', mae: -5, mfe: 12 });
      expect(() => db.prepare("UPDATE backtest_trades SET exit_reason = 'closed by hand'").run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("INSERT INTO trades (mode, instrument, direction, quantity, entry_ts, entry_price, commission, exit_reason) VALUES ('PAPER', 'X', 'LONG', 1, 1, 1, 0, 'nope')").run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
