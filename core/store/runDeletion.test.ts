import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { deleteRunInBatches } from './runDeletion';
import { createRun, getRun } from './runs';
import { createRunWriter } from './runWriter';
import { testRunInput } from './testDb';
import { positionSetOf } from './testing/positionSets';
import { readRun } from './testRead';

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

/** A run with `n` rows in every table a run owns. */
function recordedRun(n: number): string {
  const runId = createRun(db, testRunInput(n));
  const w = createRunWriter(db, runId, 'BACKTEST');
  for (let i = 0; i < n; i++) {
    const instrument = `S${i % 3}`;
    w.order({
      id: `O${i}`, clientOrderRef: `mine-${i}`, instrument, side: 'BUY', type: 'MARKET', quantity: 1, limitPrice: null, stopPrice: null,
      timeInForce: 'DAY', status: 'FILLED', filledQuantity: 1, avgFillPrice: 10, commission: 0, statusReason: null, createdAt: i, updatedAt: i, intent: null, extras: null,
    });
    w.fill({ id: `F${i}`, orderId: `O${i}`, instrument, side: 'BUY', quantity: 1, price: 10, commission: 0, slippage: 0, referencePrice: 10, ts: i });
    // One set per session of three instruments: n positions in all.
    if (i % 3 === 0) {
      const instruments = ['S0', 'S1', 'S2'].slice(0, Math.min(3, n - i));
      w.positionSet(positionSetOf(i / 3, instruments.map((s) => ({ instrument: s, quantity: 1, avgCost: 10, marketPrice: 10, realizedPnl: 0 }))));
    }
    w.target({ ts: Math.floor(i / 3), instrument, kind: 'weight', value: 0.1 });
    w.equity({ ts: i, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null });
    w.action({ ts: i, action: 'rebalance', instrument: null, detailJson: null });
    w.trade({
      instrument, direction: 'LONG', quantity: 1, entryTs: i, entryPrice: 10, exitTs: null, exitPrice: null, pnl: null, returnPct: null,
      commission: 0, barsHeld: null, status: 'OPEN', markPrice: 10, unrealizedPnl: 0,
      mae: 0, maePct: 0, mfe: 0, mfePct: 0, exitReason: null, cumulativePnl: 0,
    });
  }
  w.flush();
  return runId;
}

const rowsOf = (runId: string): number => Object.values(readRun(db, runId)).reduce((n, rows) => n + rows.length, 0);

describe('deleteRunInBatches', () => {
  it('deletes a run and every row it owns in small batches, yielding to the event loop between them', async () => {
    const doomed = recordedRun(50);
    const kept = recordedRun(20);
    const keptBefore = readRun(db, kept);
    expect(rowsOf(doomed)).toBe(7 * 50);

    let turns = 0;
    let done = false;
    const count = (): void => {
      if (done) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    const deleted = await deleteRunInBatches(db, doomed, 8);
    done = true;

    expect(deleted).toBe(true);
    expect(getRun(db, doomed)).toBeUndefined();
    expect(rowsOf(doomed)).toBe(0);
    // 50 rows of each of 7 tables at 8 a batch is at least 7 x 7 batches, each followed by a turn.
    expect(turns).toBeGreaterThanOrEqual(40);
    expect(readRun(db, kept)).toEqual(keptBefore);
  });

  it('says false for a run that does not exist', async () => {
    expect(await deleteRunInBatches(db, 'no-such-run')).toBe(false);
  });
});
