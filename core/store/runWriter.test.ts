import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_REASONS, ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE } from '../domain/enums';
import { orderRefFor } from '../domain/ids';
import { openDatabase } from './db';
import { createRun } from './runs';
import type { ActionRow, EquityRow, FillRow, OrderRow, PositionSnapshotRow, TargetRow, TradeRow } from './rows';
import { ROWS_PER_STATEMENT } from './tablePlans';
import { createRunWriter } from './runWriter';
import { tempDir, testRunInput } from './testDb';
import { readRun } from './testRead';
import { positionSetOf } from './testing/positionSets';

// -0 would come back as 0 and NaN as NULL, so generated money is a finite non-negative-zero double.
const money = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const ts = fc.integer({ min: 0, max: 4_102_444_800_000 });
const text = fc.string({ maxLength: 20 });
const json = fc.option(fc.json(), { nil: null });

// Prices and quantities of positions stay far from overflow, so their derived products are finite.
const price = fc.double({ min: -1e100, max: 1e100, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

// Up to the largest number a stored id carries (15 digits), well past 2^48 where a ref's high part starts.
const seq = fc.nat({ max: 10 ** 15 - 1 });
/** A ref the caller chose, or (null) the broker's generated one, made once the run's prefix is drawn. */
const orderArb = fc.record({
  id: seq.map((n) => `O${n}`),
  clientOrderRef: fc.option(fc.uuid(), { nil: null }),
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
  intent: fc.option(text, { nil: null }),
  extras: fc.option(text, { nil: null }),
});
/** Orders whose refs are caller-chosen or generated from `prefix`, as a BacktestBroker makes them. */
const ordersArb = (prefix: string): fc.Arbitrary<OrderRow[]> =>
  fc
    .uniqueArray(orderArb, { maxLength: 150, selector: (o) => o.id })
    .map((orders) => orders.map((o) => ({ ...o, clientOrderRef: o.clientOrderRef ?? orderRefFor(prefix, Number(o.id.slice(1))) })));
/** Fills of some of `orders`: a fill's instrument and side are its order's. */
const fillsArb = (orders: OrderRow[]): fc.Arbitrary<FillRow[]> =>
  orders.length === 0
    ? fc.constant([])
    : fc
        .uniqueArray(
          fc.record({ id: seq.map((n) => `F${n}`), order: fc.constantFrom(...orders), quantity: money, price: money, commission: money, slippage: money, referencePrice: money, ts }),
          { maxLength: 150, selector: (f) => f.id },
        )
        .map((fills) => fills.map(({ order, ...f }) => ({ ...f, orderId: order.id, instrument: order.instrument, side: order.side })));
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
  status: fc.constantFrom('CLOSED' as const, 'OPEN' as const),
  markPrice: fc.option(money, { nil: null }),
  unrealizedPnl: fc.option(money, { nil: null }),
  mae: fc.option(money, { nil: null }),
  maePct: fc.option(money, { nil: null }),
  mfe: fc.option(money, { nil: null }),
  mfePct: fc.option(money, { nil: null }),
  exitReason: fc.option(fc.constantFrom(...EXIT_REASONS), { nil: null }),
  cumulativePnl: fc.option(money, { nil: null }),
});
/** Market value and unrealized P&L as the engine's portfolio computes them. */
function snapshot(p: Omit<PositionSnapshotRow, 'marketValue' | 'unrealizedPnl'>): PositionSnapshotRow {
  const { quantity: q, marketPrice, avgCost } = p;
  return { ...p, marketValue: q === 0 ? 0 : q * marketPrice, unrealizedPnl: q === 0 ? 0 : q * (marketPrice - avgCost) };
}
const positionArb: fc.Arbitrary<PositionSnapshotRow> = fc
  .record({ ts, instrument: text, quantity: price, avgCost: price, marketPrice: price, realizedPnl: money })
  .map(snapshot);
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

const runInput = testRunInput();

function fill(i: number): FillRow {
  return {
    id: `F${i}`,
    orderId: `O${i}`,
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

function orderSample(): OrderRow {
  return { id: 'O1', clientOrderRef: 'ref', instrument: 'GOOG', side: 'BUY', type: 'MARKET', quantity: 1, limitPrice: null, stopPrice: null, timeInForce: 'DAY', status: 'FILLED', filledQuantity: 1, avgFillPrice: 1, commission: 0, statusReason: null, createdAt: 1, updatedAt: 1, intent: 'OPEN', extras: null };
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

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
    const bySeq = (a: { id: string }, b: { id: string }) => Number(a.id.slice(1)) - Number(b.id.slice(1));
    const byTsInstrument = (a: { ts: number; instrument: string }, b: { ts: number; instrument: string }) =>
      a.ts - b.ts || (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0);
    const key = (r: { ts: number; instrument: string }) => `${r.ts}|${r.instrument}`;
    const ordersAndFills = fc
      .string({ maxLength: 24 })
      .chain(ordersArb)
      .chain((orders) => fc.tuple(fc.constant(orders), fillsArb(orders)));
    fc.assert(
      fc.property(
        ordersAndFills,
        fc.array(tradeArb, { maxLength: 30 }),
        fc.uniqueArray(positionArb.filter((p) => p.instrument !== '' && !p.instrument.includes('\n')), { maxLength: 150, selector: key }),
        equityRowsArb,
        fc.array(actionArb, { maxLength: 30 }),
        fc.uniqueArray(targetArb, { maxLength: 30, selector: key }),
        ([orders, fills], trades, positions, equity, actions, targets) => {
          const runId = createRun(db, runInput);
          const w = createRunWriter(db, runId, 'BACKTEST');
          orders.forEach(w.order);
          fills.forEach(w.fill);
          trades.forEach(w.trade);
          // A session's positions go as one set, in symbol order, as the runner writes them.
          const sorted = [...positions].sort(byTsInstrument);
          const sessions = [...new Set(sorted.map((p) => p.ts))];
          for (const t of sessions) w.positionSet(positionSetOf(t, sorted.filter((p) => p.ts === t)));
          equity.forEach(w.equity);
          actions.forEach(w.action);
          targets.forEach(w.target);
          const total = orders.length + fills.length + trades.length + sessions.length + equity.length + actions.length + targets.length;
          expect(w.pending()).toBe(total);
          w.flush();
          expect(w.pending()).toBe(0);
          expect(readRun(db, runId)).toEqual({
            orders: [...orders].sort(bySeq),
            fills: [...fills].sort(bySeq),
            trades,
            positions: sorted,
            equity: [...equity].sort((a, b) => a.ts - b.ts),
            actions,
            targets: [...targets].sort(byTsInstrument),
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('round-trips full statements whose columns are often one value, NULL or not, throughout', () => {
    // Tiny pools make whole 128-row statements share a value in many columns, in changing combinations.
    const pool = <T>(...xs: T[]) => fc.constantFrom(...xs);
    const orderRows = fc.integer({ min: ROWS_PER_STATEMENT, max: 3 * ROWS_PER_STATEMENT + 7 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`O${i + 1}`),
            clientOrderRef: fc.constant(`mine-${i}`),
            instrument: pool('A', 'B'),
            side: pool<'BUY' | 'SELL'>('BUY', 'BUY', 'SELL'),
            type: pool<'MARKET' | 'LIMIT'>('MARKET', 'MARKET', 'MARKET', 'LIMIT'),
            quantity: pool(1, 2),
            limitPrice: pool(null, null, null, 5.5, -0),
            stopPrice: fc.constant(null),
            timeInForce: pool<'DAY' | 'GTC'>('DAY', 'DAY', 'GTC'),
            status: pool<'FILLED' | 'CANCELLED'>('FILLED', 'FILLED', 'FILLED', 'CANCELLED'),
            filledQuantity: pool(0, 1),
            avgFillPrice: pool(10, 10, 11),
            commission: pool(0, 0.5),
            statusReason: pool(null, null, 'expired'),
            createdAt: fc.constant(1_000 + Math.floor(i / 200)),
            updatedAt: pool(7, 7, 8),
            intent: pool(null, 'OPEN_LONG', 'OPEN_LONG'),
            extras: pool(null, null, '{"trail":{"amount":1}}'),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(orderRows, (orders) => {
        const runId = createRun(db, runInput);
        const w = createRunWriter(db, runId, 'BACKTEST');
        orders.forEach(w.order);
        w.flush();
        // -0 is stored as 0.
        expect(readRun(db, runId).orders).toEqual(orders.map((o) => ({ ...o, limitPrice: o.limitPrice === null ? null : o.limitPrice + 0 })));
      }),
      { numRuns: 25 },
    );
  });

  it('takes a backtest\'s positions only as sets, and a live writer\'s only as rows', () => {
    const runId = createRun(db, runInput);
    const snap = { ts: 5, instrument: 'GOOG', quantity: 1, avgCost: 1, marketPrice: 3, marketValue: 3, unrealizedPnl: 2, realizedPnl: 0 };
    expect(() => createRunWriter(db, runId, 'BACKTEST').position(snap)).toThrow(`run ${runId} stores its positions as sets, one per session (positionSet)`);
    expect(() => createRunWriter(db, null, 'PAPER').positionSet(positionSetOf(5, [snap]))).toThrow('position sets belong to a backtest run; this PAPER writer has no run id');
  });

  it('rejects an order or fill id that is not the engine\'s O<n>/F<n>, naming it', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    for (const id of ['F1', 'O', 'O01', 'O1e3', 'O-1', 'x']) {
      expect(() => w.order({ ...orderSample(), id })).toThrow(`backtest_orders: id ${JSON.stringify(id)} is not an id like "O123"`);
    }
    expect(() => w.fill({ ...fill(1), orderId: 'F1' })).toThrow(/backtest_fills: orderId "F1" is not an id like "O123"/);
    expect(w.pending()).toBe(0);
  });

  it('rejects a side, type, time in force or status outside its list, and keeps the rows after it whole', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    expect(() => w.order({ ...orderSample(), id: 'O1', side: 'HOLD' as never })).toThrow(
      'backtest_orders: side "HOLD" is not one of BUY, SELL',
    );
    // Rejected after its NULL limit price was buffered: the next row's price must not read as NULL.
    expect(() => w.order({ ...orderSample(), id: 'O2', limitPrice: null, status: 'filled' as never })).toThrow(/status "filled" is not one of PENDING, /);
    w.order({ ...orderSample(), id: 'O3', instrument: 'MSFT', side: 'SELL', type: 'STOP_LIMIT', limitPrice: 5, stopPrice: 6, timeInForce: 'AT_CLOSE', status: 'REJECTED' });
    expect(w.pending()).toBe(1);
    w.flush();
    expect(readBack(db, 'SELECT seq, instrument, side, type, limit_price, time_in_force, status FROM backtest_orders')).toEqual([
      { seq: 3, instrument: 'MSFT', side: 'SELL', type: 'STOP_LIMIT', limit_price: 5, time_in_force: 'AT_CLOSE', status: 'REJECTED' },
    ]);
  });

  it('writes paper rows without a run, and trades to the trades table with the mode', () => {
    const w = createRunWriter(db, null, 'PAPER');
    const trade: TradeRow = {
      instrument: 'GOOG', direction: 'SHORT', quantity: 5, entryTs: 1, entryPrice: 10,
      exitTs: null, exitPrice: null, pnl: null, returnPct: null, commission: 1, barsHeld: null,
      status: 'CLOSED', markPrice: null, unrealizedPnl: null,
      mae: -2, maePct: -4, mfe: 3, mfePct: 6, exitReason: 'STOP', cumulativePnl: 7,
    };
    w.trade(trade);
    w.fill(fill(1));
    w.flush();
    expect(readBack(db, 'SELECT mode, instrument, direction FROM trades')).toEqual([{ mode: 'PAPER', instrument: 'GOOG', direction: 'SHORT' }]);
    expect(count(db, 'backtest_trades')).toBe(0);
    expect(readBack(db, 'SELECT id, order_id AS orderId, mode FROM fills')).toEqual([{ id: 'F1', orderId: 'O1', mode: 'PAPER' }]);
    expect(count(db, 'backtest_fills')).toBe(0);
    expect(() => w.equity({ ts: 1, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null }))
      .toThrow(/equity rows need a backtest run; this PAPER writer has no run id/);
  });

  it('refuses a backtest writer without a run or with an unknown run, and a paper writer with one', () => {
    expect(() => createRunWriter(db, null, 'BACKTEST')).toThrow(/BACKTEST writer needs a run id/);
    expect(() => createRunWriter(db, createRun(db, runInput), 'PAPER')).toThrow(/a PAPER writer records no run/);
    expect(() => createRunWriter(db, 'no-such-run', 'BACKTEST')).toThrow(/no run with id no-such-run/);
  });

  it('writes all of 10,000 fills in one flush, through full and remainder statements', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    for (let i = 0; i < 10_000; i++) w.fill(fill(i));
    expect(10_000 % ROWS_PER_STATEMENT).not.toBe(0);
    w.flush();
    expect(count(db, 'backtest_fills')).toBe(10_000);
    expect(readBack(db, 'SELECT min(seq) AS lo, max(seq) AS hi, sum(price) AS total FROM backtest_fills')).toEqual([
      { lo: 0, hi: 9_999, total: Array.from({ length: 10_000 }, (_, i) => fill(i).price).reduce((a, b) => a + b) },
    ]);
  });

  it('writes nothing of a flush that fails midway, keeps the rows buffered, and can discard them', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    w.fill(fill(10_001));
    w.flush();
    for (let i = 0; i < 5000; i++) w.order({ ...orderSample(), id: `O${i}` });
    for (let i = 0; i < 10_000; i++) w.fill(i === 7_000 ? { ...fill(i), price: Number.NaN } : fill(i));

    const first = 7_000 - (7_000 % ROWS_PER_STATEMENT);
    expect(() => w.flush()).toThrow(
      `flush for run ${runId} rolled back, nothing written: writing backtest_fills failed in buffered rows ${first}..${first + ROWS_PER_STATEMENT - 1} of 10000: NOT NULL constraint failed: backtest_fills.price`,
    );
    expect(count(db, 'backtest_orders')).toBe(0);
    expect(count(db, 'backtest_fills')).toBe(1);
    expect(w.pending()).toBe(15_000);
    expect(w.discard()).toBe(15_000);
    w.flush();
    expect(count(db, 'backtest_fills')).toBe(1);
  });

  it('names the column when a value is missing (NaN is stored as NULL)', () => {
    const runId = createRun(db, runInput);
    const w = createRunWriter(db, runId, 'BACKTEST');
    w.equity({ ts: 1, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: Number.NaN, benchmarkEquity: null });
    expect(() => w.flush()).toThrow(/backtest_daily_equity failed in buffered rows 0\.\.0 of 1: NOT NULL constraint failed: backtest_daily_equity\.drawdown/);
  });
});
