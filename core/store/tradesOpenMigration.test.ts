import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from './migrations';
import { getRunTrades } from './queries';
import { createRun } from './runs';
import { testRunInput } from './testDb';

describe('migration 005_trades_open', () => {
  it('applies to a database that already holds trades, which read back as closed', () => {
    const db = new Database(':memory:');
    try {
      const all = loadMigrations();
      applyMigrations(db, ':memory:', all.filter((m) => m.version < 5));
      const runId = createRun(db, testRunInput());
      db.prepare(
        `INSERT INTO backtest_trades (run, instrument, direction, quantity, entry_ts, entry_price, exit_ts, exit_price, pnl, return_pct, commission, bars_held)
         VALUES ((SELECT row FROM backtest_runs WHERE id = ?), 'GOOG', 'LONG', 10, 1, 100, 2, 110, 99, 9.9, 1, 1)`,
      ).run(runId);
      expect(applyMigrations(db, ':memory:', all)).toContain(5);
      expect(getRunTrades(db, runId, { limit: 10, offset: 0 })).toEqual([
        {
          instrument: 'GOOG', direction: 'LONG', quantity: 10, entryTs: 1, entryPrice: 100, exitTs: 2, exitPrice: 110, pnl: 99,
          returnPct: 9.9, commission: 1, barsHeld: 1, status: 'CLOSED', markPrice: null, unrealizedPnl: null,
          mae: null, maePct: null, mfe: null, mfePct: null, exitReason: null, cumulativePnl: null,
        },
      ]);
      expect(() => db.prepare("UPDATE backtest_trades SET status = 'open'").run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
