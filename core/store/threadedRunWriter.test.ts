import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { orderRefFor } from '../domain/ids';
import { countRunRows } from './queries';
import type { FillRow, OrderRow, PositionSnapshotRow } from './rows';
import { createRun, finishRun, getRun } from './runs';
import { createRunWriter } from './runWriter';
import { tempDir, testRunInput } from './testDb';
import { readRun } from './testRead';
import { createThreadedRunWriter } from './threadedRunWriter';
import { positionSetOf } from './testing/positionSets';

const runInput = testRunInput(10);

const money = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const fillArb: fc.Arbitrary<FillRow> = fc.record({
  id: fc.nat().map((n) => `F${n}`),
  orderId: fc.nat().map((n) => `O${n}`),
  instrument: fc.string({ maxLength: 8 }),
  side: fc.constantFrom('BUY' as const, 'SELL' as const),
  quantity: money,
  price: money,
  commission: money,
  slippage: money,
  referencePrice: money,
  ts: fc.integer({ min: 0, max: 4_102_444_800_000 }),
});
const price = fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 64);
const positionArb: fc.Arbitrary<PositionSnapshotRow> = fc
  .record({ ts: fc.integer({ min: 0, max: 1000 }), instrument: fc.constantFrom('A', 'B', 'C', 'Ω'), quantity: price, avgCost: price, marketPrice: price, realizedPnl: money })
  .map((p) => ({ ...p, marketValue: p.quantity * p.marketPrice, unrealizedPnl: p.quantity * (p.marketPrice - p.avgCost) }));

const PREFIX = '0f1e2d3c-4b5a-8697-a';

function fill(i: number, price = 100 + i): FillRow {
  return { id: `F${i}`, orderId: `O${i}`, instrument: 'GOOG', side: 'BUY', quantity: 1, price, commission: 0, slippage: 0, referencePrice: 100, ts: i };
}

/** The order a fill belongs to; every third one with a ref the caller chose instead of the generated one. */
function orderOf(f: FillRow): OrderRow {
  const seq = Number(f.orderId.slice(1));
  return {
    id: f.orderId, clientOrderRef: seq % 3 ? orderRefFor(PREFIX, seq) : `mine-${seq}`, instrument: f.instrument, side: f.side,
    type: 'MARKET', quantity: f.quantity, limitPrice: null, stopPrice: null, timeInForce: 'DAY', status: 'FILLED',
    filledQuantity: f.quantity, avgFillPrice: f.price, commission: f.commission, statusReason: null, createdAt: f.ts, updatedAt: f.ts, intent: null, extras: null,
  };
}

let db: Database.Database;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  file = join(tmp.dir, 'app.db');
  db = openDatabase(file);
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('createThreadedRunWriter', () => {
  it('stores exactly what the same-thread writer stores, across chunks and flushes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(fillArb, { maxLength: 40, selector: (f) => f.id }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(positionArb, { maxLength: 60, selector: (p) => `${p.ts}|${p.instrument}` }),
        fc.integer({ min: 1, max: 9 }),
        async (flushes, positions, chunkRows) => {
          const threadedRun = createRun(db, runInput);
          const plainRun = createRun(db, runInput);
          const threaded = createThreadedRunWriter(db, threadedRun, { chunkRows, maxInFlight: 1 });
          const plain = createRunWriter(db, plainRun, 'BACKTEST');
          // Ids must be unique per run, so each flush gets its own id range.
          flushes.forEach((fills, f) => {
            for (const r of fills) {
              const n = f * 1e10 + Number(r.id.slice(1));
              const row = { ...r, id: `F${n}`, orderId: `O${n}` };
              threaded.fill(row);
              plain.fill(row);
              threaded.order(orderOf(row));
              plain.order(orderOf(row));
            }
            if (f === 0) {
              const sessions = [...new Set(positions.map((p) => p.ts))];
              for (const t of sessions) {
                const set = positionSetOf(t, positions.filter((p) => p.ts === t));
                threaded.positionSet(set);
                plain.positionSet(set);
              }
            }
            threaded.flush(f + 1);
            plain.flush();
          });
          await threaded.close();
          const stored = readRun(db, threadedRun);
          expect(stored).toEqual(readRun(db, plainRun));
          expect(stored.orders).toEqual(flushes.flatMap((fills, f) => fills.map((r) => orderOf({ ...r, orderId: `O${f * 1e10 + Number(r.id.slice(1))}` }))).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))));
          expect(stored.positions).toHaveLength(positions.length);
          expect(getRun(db, threadedRun)?.sessionsDone).toBe(flushes.length);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('reports a failure in the writer thread to the engine, and lands nothing of the failed flush', async () => {
    const runId = createRun(db, runInput);
    const w = createThreadedRunWriter(db, runId, { chunkRows: 10, maxInFlight: 2 });
    for (let i = 0; i < 25; i++) w.fill(fill(i));
    w.flush(1);
    // The bad row sits in the third chunk of this flush: the two before it must not land either.
    for (let i = 25; i < 60; i++) w.fill(fill(i, i === 50 ? Number.NaN : 100 + i));
    w.flush(2);
    expect(() => w.drain()).toThrow(
      `run ${runId} could not be written: writing backtest_fills failed in buffered rows 5..5 of 10: NOT NULL constraint failed: backtest_fills.price`,
    );
    expect(() => w.flush(3)).toThrow(/NOT NULL constraint failed/);
    expect(countRunRows(db, runId, 'fills')).toBe(25);
    expect(getRun(db, runId)?.sessionsDone).toBe(1);
    await expect(w.close()).rejects.toThrow(/NOT NULL constraint failed/);
  });

  it('makes finishRun record the run failed, never completed, when its writer failed', async () => {
    const runId = createRun(db, runInput);
    const w = createThreadedRunWriter(db, runId);
    w.fill(fill(1));
    w.fill(fill(1));
    w.flush(1);
    expect(() => finishRun(db, runId, { status: 'completed' })).toThrow(/UNIQUE constraint failed: backtest_fills/);
    expect(getRun(db, runId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^writing the run's records failed: run .* could not be written: .*UNIQUE/) });
    await expect(w.close()).rejects.toThrow(/UNIQUE/);
  });

  it('lands a flush whole: another connection sees none of its rows before the commit, all of them after', async () => {
    const runId = createRun(db, runInput);
    const w = createThreadedRunWriter(db, runId, { chunkRows: 10 });
    for (let i = 0; i < 35; i++) w.fill(fill(i));
    // Three chunks of this flush have reached the writer thread and are written; the engine has not flushed yet.
    w.drain();
    const other = new Database(file, { readonly: true });
    try {
      const count = other.prepare('SELECT count(*) FROM backtest_fills WHERE run = (SELECT row FROM backtest_runs WHERE id = ?)').pluck();
      expect(count.get(runId)).toBe(0);
      w.flush(1);
      w.drain();
      expect(count.get(runId)).toBe(35);
    } finally {
      other.close();
    }
    await w.close();
  });

  it('has finishRun wait for rows still in flight', async () => {
    const runId = createRun(db, runInput);
    const w = createThreadedRunWriter(db, runId, { maxInFlight: 64 });
    for (let i = 0; i < 20_000; i++) w.fill(fill(i));
    w.flush(10);
    finishRun(db, runId, { status: 'completed' });
    expect(countRunRows(db, runId, 'fills')).toBe(20_000);
    expect(getRun(db, runId)).toMatchObject({ status: 'completed', sessionsDone: 10 });
    await w.close();
  });

  it('refuses an in-memory database and an unknown run', () => {
    const mem = openDatabase(':memory:');
    const id = createRun(mem, runInput);
    expect(() => createThreadedRunWriter(mem, id)).toThrow(/in-memory database, which another thread cannot open/);
    mem.close();
    expect(() => createThreadedRunWriter(db, 'nope')).toThrow('createThreadedRunWriter: no run with id nope');
  });
});
