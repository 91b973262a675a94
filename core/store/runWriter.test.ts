import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE } from '../domain/enums';
import { openDatabase } from './db';
import { createRun } from './runs';
import type { ActionRow, EquityRow, FillRow, OrderRow, PositionSnapshotRow, TargetRow, TradeRow } from './rows';
import { ROWS_PER_STATEMENT } from './tableBuffer';
import { createRunWriter } from './runWriter';
import { tempDir } from './testDb';

// -0 would come back as 0 and NaN as NULL, so generated money is a finite non-negative-zero double.
const money = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const ts = fc.integer({ min: 0, max: 4_102_444_800_000 });
const text = fc.string({ maxLength: 20 });
const json = fc.option(fc.json(), { nil: null });

const orderArb: fc.Arbitrary<OrderRow> = fc.record({
  id: text,
  clientOrderRef: fc.uuid(),
  instrument: text,
  side: fc.constantFrom(...SIDES),
  type: fc.constantFrom(...ORDER_TYPES),
  quantity: money,
  limitPrice: fc.option(money, { nil: null }),
  stopPrice: fc.option(money, { nil: null }),
  timeInForce: fc.constantFrom(...TIME_IN_FORCE),
  status: fc.constantFrom(...ORDER_STATUSES),
  filledQuantity: money,
  avgFillPrice: money,
  commission: money,
  statusReason: fc.option(text, { nil: null }),
  createdAt: ts,
  updatedAt: ts,
  metadataJson: json,
});
const fillArb: fc.Arbitrary<FillRow> = fc.record({
  id: text,
  orderId: text,
  instrument: text,
  side: fc.constantFrom(...SIDES),
  quantity: money,
  price: money,
  commission: money,
  slippage: money,
  referencePrice: money,
  ts,
});
const tradeArb: fc.Arbitrary<TradeRow> = fc.record({
  instrument: text,
  direction: fc.constantFrom('LONG' as const, 'SHORT' as const),
  quantity: money,
  entryTs: ts,
  entryPrice: money,
  exitTs: fc.option(ts, { nil: null }),
  exitPrice: fc.option(money, { nil: null }),
  pnl: fc.option(money, { nil: null }),
  returnPct: fc.option(money, { nil: null }),
  commission: money,
  barsHeld: fc.option(fc.nat(), { nil: null }),
});
const positionArb: fc.Arbitrary<PositionSnapshotRow> = fc.record({
  ts,
  instrument: text,
  quantity: money,
  avgCost: money,
  marketPrice: money,
  marketValue: money,
  unrealizedPnl: money,
  realizedPnl: money,
});
const actionArb: fc.Arbitrary<ActionRow> = fc.record({
  ts,
  action: text,
  instrument: fc.option(text, { nil: null }),
  detailJson: json,
});
const targetArb: fc.Arbitrary<TargetRow> = fc.record({
  ts,
  instrument: text,
  kind: fc.constantFrom('weight' as const, 'quantity' as const),
  value: money,
});
const equityRowsArb: fc.Arbitrary<EquityRow[]> = fc
  .uniqueArray(ts, { maxLength: 80 })
  .chain((stamps) =>
    fc.tuple(
      ...stamps.map((t) =>
        fc.record({
          ts: fc.constant(t),
          cash: money,
          equity: money,
          grossExposure: money,
          netExposure: money,
          drawdown: money,
          benchmarkEquity: fc.option(money, { nil: null }),
        }),
      ),
    ),
  );

const runInput = {
  name: 'r',
  strategy: 's',
  config: {},
  seed: 1,
  dataFingerprint: 'f',
  appVersion: '0',
  periodStart: 0,
  periodEnd: 1,
  sessionsTotal: 1,
};

function fill(i: number): FillRow {
  return {
    id: `f${i}`,
    orderId: `o${i}`,
    instrument: 'GOOG',
    side: i % 2 ? 'BUY' : 'SELL',
    quantity: 10,
    price: 100 + i / 100,
    commission: 1,
    slippage: 0.01,
    referencePrice: 100,
    ts: 1_600_000_000_000 + i,
  };
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Rows of a table in insertion order, without the columns the writer owns. */
function readBack(db: Database.Database, sql: string, ...params: unknown[]): unknown[] {
  return db.prepare(sql).all(...params);
}

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  db = openDatabase(join(tmp.dir, 'app.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('createRunWriter', () => {
  it('round-trips every row type of a backtest exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(orderArb, { maxLength: 150, selector: (o) => o.clientOrderRef }),
        fc.array(fillArb, { maxLength: 150 }),
        fc.array(tradeArb, { maxLength: 30 }),
        fc.array(positionArb, { maxLength: 150 }),
        equityRowsArb,
        fc.array(actionArb, { maxLength: 30 }),
        fc.array(targetArb, { maxLength: 30 }),
        (orders, fills, trades, positions, equity, actions, targets) => {
          const runId = createRun(db, runInput);
          const w = createRunWriter(db, runId, 'BACKTEST');
          orders.forEach(w.order);
          fills.forEach(w.fill);
          trades.forEach(w.trade);
          positions.forEach(w.position);
          equity.forEach(w.equity);
          actions.forEach(w.action);
          targets.forEach(w.target);
          const total = orders.length + fills.length + trades.length + positions.length + equity.length + actions.length + targets.length;
          expect(w.pending()).toBe(total);
          w.flush();
          expect(w.pending()).toBe(0);

          const q = (table: string, cols: string) => readBack(db, `SELECT ${cols} FROM ${table} WHERE run_id = ? ORDER BY row`, runId);
          expect(q('orders', `id, client_order_ref AS clientOrderRef, instrument, side, type, quantity, limit_price AS limitPrice,
            stop_price AS stopPrice, time_in_force AS timeInForce, status, filled_quantity AS filledQuantity,
            avg_fill_price AS avgFillPrice, commission, status_reason AS statusReason, created_at AS createdAt,
            updated_at AS updatedAt, metadata_json AS metadataJson`)).toEqual(orders);
          expect(q('fills', `id, order_id AS orderId, instrument, side, quantity, price, commission, slippage,
            reference_price AS referencePrice, ts`)).toEqual(fills);
          expect(q('backtest_trades', `instrument, direction, quantity, entry_ts AS entryTs, entry_price AS entryPrice,
            exit_ts AS exitTs, exit_price AS exitPrice, pnl, return_pct AS returnPct, commission, bars_held AS barsHeld`)).toEqual(trades);
          expect(q('positions_snapshots', `ts, instrument, quantity, avg_cost AS avgCost, market_price AS marketPrice,
            market_value AS marketValue, unrealized_pnl AS unrealizedPnl, realized_pnl AS realizedPnl`)).toEqual(positions);
          expect(q('executed_actions', 'ts, action, instrument, detail_json AS detailJson')).toEqual(actions);
          expect(q('target_portfolios', 'ts, instrument, kind, value')).toEqual(targets);
          expect(
            readBack(db, `SELECT ts, cash, equity, gross_exposure AS grossExposure, net_exposure AS netExposure, drawdown,
              benchmark_equity AS benchmarkEquity FROM backtest_daily_equity WHERE run_id = ?`, runId),
          ).toEqual([...equity].sort((a, b) => a.ts - b.ts));
          expect(readBack(db, "SELECT DISTINCT mode FROM fills WHERE run_id = ? AND mode <> 'BACKTEST'", runId)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('writes paper rows without a run, and trades to the trades table with the mode', () => {
    const w = createRunWriter(db, null, 'PAPER');
    const trade: TradeRow = {
      instrument: 'GOOG', direction: 'SHORT', quantity: 5, entryTs: 1, entryPrice: 10,
      exitTs: null, exitPrice: null, pnl: null, returnPct: null, commission: 1, barsHeld: null,
    };
    w.trade(trade);
    w.fill(fill(1));
    w.flush();
    expect(readBack(db, 'SELECT mode, instrument, direction FROM trades')).toEqual([{ mode: 'PAPER', instrument: 'GOOG', direction: 'SHORT' }]);
    expect(count(db, 'backtest_trades')).toBe(0);
    expect(readBack(db, 'SELECT run_id AS runId, mode FROM fills')).toEqual([{ runId: null, mode: 'PAPER' }]);
    expect(() => w.equity({ ts: 1, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null }))
      .toThrow(/equity rows need a backtest run; this PAPER writer has no run id/);
  });

  it('refuses a backtest writer without a run or with an unknown run', () => {
    expect(() => createRunWriter(db, null, 'BACKTEST')).toThrow(/BACKTEST writer needs a run id/);
    expect(() => createRunWriter(db, 'no-such-run', 'BACKTEST')).toThrow(/no run with id no-such-run/);
  });

  it('writes all of 10,000 fills in one flush, through full and remainder statements', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    for (let i = 0; i < 10_000; i++) w.fill(fill(i));
    expect(10_000 % ROWS_PER_STATEMENT).not.toBe(0);
    w.flush();
    expect(count(db, 'fills')).toBe(10_000);
    expect(readBack(db, 'SELECT min(id) AS lo, sum(price) AS total FROM fills')).toEqual([
      { lo: 'f0', total: Array.from({ length: 10_000 }, (_, i) => fill(i).price).reduce((a, b) => a + b) },
    ]);
  });

  it('writes nothing of a flush that fails midway, keeps the rows buffered, and can discard them', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    w.fill(fill(-1));
    w.flush();
    for (let i = 0; i < 5000; i++) w.order({ id: `o${i}`, clientOrderRef: `ref-${i}`, instrument: 'GOOG', side: 'BUY', type: 'MARKET', quantity: 1, limitPrice: null, stopPrice: null, timeInForce: 'DAY', status: 'FILLED', filledQuantity: 1, avgFillPrice: 1, commission: 0, statusReason: null, createdAt: 1, updatedAt: 1, metadataJson: null });
    for (let i = 0; i < 10_000; i++) w.fill(i === 7_000 ? { ...fill(i), side: 'HOLD' as FillRow['side'] } : fill(i));

    expect(() => w.flush()).toThrow(
      new RegExp(`flush for run ${runId} rolled back, nothing written: writing fills failed in buffered rows 6976\\.\\.7039 of 10000: CHECK constraint failed`),
    );
    expect(count(db, 'orders')).toBe(0);
    expect(count(db, 'fills')).toBe(1);
    expect(w.pending()).toBe(15_000);
    expect(w.discard()).toBe(15_000);
    w.flush();
    expect(count(db, 'fills')).toBe(1);
  });

  it('names the column when a value is missing (NaN is stored as NULL)', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    w.position({ ts: 1, instrument: 'GOOG', quantity: 1, avgCost: 1, marketPrice: 1, marketValue: 1, unrealizedPnl: 0, realizedPnl: Number.NaN });
    expect(() => w.flush()).toThrow(/positions_snapshots failed in buffered rows 0\.\.0 of 1: NOT NULL constraint failed: positions_snapshots\.realized_pnl/);
  });
});
