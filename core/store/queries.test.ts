import { testRunInput } from './testDb';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { FIRST_KEY, countRunRows, getPositionsOn, getRunEquity, getRunPositionsAfter, getRunFills, getRunOrders, getRunRowsAfter, getRunTrades, type RunTable } from './queries';
import type { FillRow, OrderRow, PositionSnapshotRow, TradeRow } from './rows';
import { createRun } from './runs';
import { createRunWriter } from './runWriter';
import { positionSetOf } from './testing/positionSets';

const runInput = testRunInput();

const DAY = 86_400_000;

function order(i: number): OrderRow {
  return { id: `O${i}`, clientOrderRef: `ref-${i}`, instrument: i % 2 ? 'AAPL' : 'GOOG', side: i % 3 ? 'SELL' : 'BUY', type: 'LIMIT', quantity: 10 - i, limitPrice: 50 + i, stopPrice: null, timeInForce: 'GTC', status: 'SUBMITTED', filledQuantity: 0, avgFillPrice: 0, commission: 0, statusReason: null, createdAt: i, updatedAt: i, intent: 'INCREASE', extras: i === 3 ? JSON.stringify({ trail: { percent: 5 } }) : null };
}

/** A fill of one of the five orders O0..O4; its instrument and side are the order's. */
function fill(i: number): FillRow {
  const o = order(i % 5);
  // Prices cycle so sorting by price differs from insertion order and has ties.
  return { id: `F${i}`, orderId: o.id, instrument: o.instrument, side: o.side, quantity: 1, price: 100 + (i % 7), commission: 0, slippage: 0, referencePrice: 100, ts: i * DAY };
}

function trade(i: number): TradeRow {
  return {
    instrument: 'GOOG', direction: 'LONG', quantity: 1, entryTs: i, entryPrice: 10, exitTs: i + 1, exitPrice: 11, pnl: 30 - i, returnPct: 0.1, commission: 0, barsHeld: 1,
    status: i === 2 ? 'OPEN' : 'CLOSED', markPrice: i === 2 ? 11 : null, unrealizedPnl: i === 2 ? 1 : null,
    mae: 0 - i, maePct: (0 - i) / 10, mfe: i + 1, mfePct: (i + 1) / 10, exitReason: i === 2 ? null : i === 1 ? 'MARGIN_CALL' : 'SIGNAL', cumulativePnl: 100 + i,
  };
}

function position(ts: number, instrument: string, quantity: number): PositionSnapshotRow {
  return { ts, instrument, quantity, avgCost: 1.5, marketPrice: 2, marketValue: quantity * 2, unrealizedPnl: quantity * 0.5, realizedPnl: 0 };
}

let db: Database.Database;
let runId: string;
let otherRun: string;
beforeEach(() => {
  db = openDatabase(':memory:');
  runId = createRun(db, runInput);
  otherRun = createRun(db, runInput);
  const w = createRunWriter(db, runId, 'BACKTEST');
  for (let i = 0; i < 50; i++) w.fill(fill(i));
  for (let i = 0; i < 5; i++) w.order(order(i));
  for (let i = 0; i < 3; i++) w.trade(trade(i));
  for (const ts of [3, 1, 2]) w.equity({ ts, cash: ts, equity: ts * 10, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null });
  // Stored in symbol order, as the runner writes them.
  w.positionSet(positionSetOf(1, [position(1, 'AAPL', 5), position(1, 'GOOG', 1)]));
  w.positionSet(positionSetOf(2, [position(2, 'GOOG', -2)]));
  w.flush();
  const other = createRunWriter(db, otherRun, 'BACKTEST');
  other.order(order(4));
  other.fill(fill(99));
  other.positionSet(positionSetOf(1, [position(1, 'MSFT', 9)]));
  other.flush();
});
afterEach(() => db.close());

describe('run queries', () => {
  it('returns the equity curve in time order', () => {
    expect(getRunEquity(db, runId).map((r) => [r.ts, r.equity])).toEqual([[1, 10], [2, 20], [3, 30]]);
    expect(getRunEquity(db, otherRun)).toEqual([]);
  });

  it('pages in insertion order by default, only within the run', () => {
    const pages = [0, 20, 40].map((offset) => getRunFills(db, runId, { limit: 20, offset }));
    expect(pages.map((p) => p.length)).toEqual([20, 20, 10]);
    expect(pages.flat().map((f) => f.id)).toEqual(Array.from({ length: 50 }, (_, i) => `F${i}`));
    expect(pages[0][0]).toEqual(fill(0));
  });

  it('sorts by an allowed column, descending, with stable ties across pages', () => {
    const all = [0, 10, 20, 30, 40].flatMap((offset) => getRunFills(db, runId, { limit: 10, offset, orderBy: 'price', desc: true }));
    const expected = Array.from({ length: 50 }, (_, i) => fill(i)).sort((a, b) => b.price - a.price || Number(b.id.slice(1)) - Number(a.id.slice(1)));
    expect(all).toEqual(expected);
    expect(getRunOrders(db, runId, { limit: 2, offset: 0, orderBy: 'quantity' }).map((o) => o.id)).toEqual(['O4', 'O3']);
    expect(getRunOrders(db, runId, { limit: 5, offset: 0 })[0]).toEqual(order(0));
    expect(getRunTrades(db, runId, { limit: 1, offset: 0, orderBy: 'pnl' })).toEqual([trade(2)]);
    // The trade analysis columns read back and sort like the others (an open trip's NULL reason first).
    expect(getRunTrades(db, runId, { limit: 3, offset: 0, orderBy: 'mae' })).toEqual([trade(2), trade(1), trade(0)]);
    expect(getRunTrades(db, runId, { limit: 3, offset: 0, orderBy: 'exitReason' }).map((t) => t.exitReason)).toEqual([null, 'MARGIN_CALL', 'SIGNAL']);
  });

  it('rejects an unknown sort column or a bad page with a clear error', () => {
    const hostile = 'price; DROP TABLE fills' as keyof FillRow;
    expect(() => getRunFills(db, runId, { limit: 10, offset: 0, orderBy: hostile })).toThrow(
      /getRunFills: cannot sort by "price; DROP TABLE fills"; sortable columns are id, orderId/,
    );
    expect(() => getRunOrders(db, runId, { limit: 0, offset: 0 })).toThrow(/getRunOrders: limit must be an integer from 1/);
    expect(() => getRunTrades(db, runId, { limit: 5, offset: -1 })).toThrow(/getRunTrades: offset must be a non-negative integer, got -1/);
    expect(countRunRows(db, runId, 'fills')).toBe(50);
  });

  it('counts a run\'s rows per table and rejects other tables', () => {
    expect(countRunRows(db, runId, 'fills')).toBe(50);
    expect(countRunRows(db, runId, 'orders')).toBe(5);
    expect(countRunRows(db, runId, 'equity')).toBe(3);
    expect(countRunRows(db, otherRun, 'fills')).toBe(1);
    expect(() => countRunRows(db, runId, 'backtest_runs' as RunTable)).toThrow(/countRunRows: unknown table "backtest_runs"/);
    expect(countRunRows(db, 'no-such-run', 'fills')).toBe(0);
  });

  it('lists a fill once its order is stored, with the order\'s instrument and side, and sorts by them', () => {
    const w = createRunWriter(db, otherRun, 'BACKTEST');
    w.fill({ ...fill(100), orderId: 'O7' });
    w.flush();
    expect(countRunRows(db, otherRun, 'fills')).toBe(2);
    expect(getRunFills(db, otherRun, { limit: 10, offset: 0 }).map((f) => f.id)).toEqual(['F99']);
    w.order({ ...order(7), instrument: 'ZZZ', side: 'BUY' });
    w.flush();
    expect(getRunFills(db, otherRun, { limit: 10, offset: 0, orderBy: 'instrument', desc: true })).toEqual([
      { ...fill(100), orderId: 'O7', instrument: 'ZZZ', side: 'BUY' },
      fill(99),
    ]);
    expect(getRunFills(db, runId, { limit: 50, offset: 0, orderBy: 'side' }).map((f) => f.side)).toEqual([
      ...Array(20).fill('BUY'),
      ...Array(30).fill('SELL'),
    ]);
  });

  it('reads one run\'s orders, fills and positions through their primary keys, not a scan', () => {
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(runId) as { detail: string }[]).map((r) => r.detail).join('; ');
    const run = '(SELECT row FROM backtest_runs WHERE id = ?)';
    for (const view of ['backtest_orders_view', 'backtest_fills_view', 'backtest_positions_view']) {
      const detail = plan(`SELECT * FROM ${view} WHERE run = ${run}`);
      expect(detail).not.toMatch(/SCAN backtest_(orders|fills|positions)\b/);
      expect(detail).toMatch(/SEARCH (backtest_\w+|\w) USING PRIMARY KEY \(run=/);
    }
    expect(plan(`SELECT data FROM backtest_position_sets WHERE run = ${run} AND ts = 1`)).toMatch(/SEARCH backtest_position_sets USING INDEX \w+ \(run=\? AND ts=\?\)/);
  });

  it('gives the positions held at a session\'s close, with their market value and unrealized P&L', () => {
    expect(getPositionsOn(db, runId, 1)).toEqual([position(1, 'AAPL', 5), position(1, 'GOOG', 1)]);
    expect(getPositionsOn(db, runId, 2)).toEqual([position(2, 'GOOG', -2)]);
    expect(getPositionsOn(db, runId, 3)).toEqual([]);
    expect(getPositionsOn(db, otherRun, 1)).toEqual([position(1, 'MSFT', 9)]);
  });

  it('counts a run\'s positions, not its sets, in all and for one instrument', () => {
    expect(countRunRows(db, runId, 'positions')).toBe(3);
    expect(countRunRows(db, runId, 'positions', 'GOOG')).toBe(2);
    expect(countRunRows(db, runId, 'positions', 'AAPL')).toBe(1);
    // A line of the list, not a part of one.
    expect(countRunRows(db, runId, 'positions', 'GOO')).toBe(0);
    expect(countRunRows(db, otherRun, 'positions')).toBe(1);
  });

  it('reads a run\'s positions in keyed pages of whole sessions, every one once', () => {
    const w = createRunWriter(db, runId, 'BACKTEST');
    for (let t = 3; t < 10; t++) w.positionSet(positionSetOf(t, [position(t, 'AAPL', t), position(t, 'GOOG', -t), position(t, 'MSFT', 1)]));
    w.flush();
    const pages: PositionSnapshotRow[][] = [];
    for (let after = FIRST_KEY; ; ) {
      const { rows, last } = getRunPositionsAfter(db, runId, after, 4);
      if (last === null) break;
      pages.push(rows);
      after = last;
    }
    // Sessions of 2, 1, then 3 positions each: a page ends with the session that brings it to 4 or more.
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 6]);
    expect(pages.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((t) => getPositionsOn(db, runId, t)));
    expect(getRunPositionsAfter(db, otherRun, 1, 4)).toEqual({ rows: [], last: null });
  });

  it('still reads the row-per-position snapshots of a run recorded before position sets', () => {
    const old = createRun(db, runInput);
    const insert = db.prepare('INSERT INTO backtest_positions (run, ts, instrument, quantity, avg_cost, market_price, realized_pnl) VALUES ((SELECT row FROM backtest_runs WHERE id = ?), ?, ?, ?, 1.5, 2, 0)');
    insert.run(old, 1, 'GOOG', 1);
    insert.run(old, 1, 'AAPL', 5);
    insert.run(old, 2, 'GOOG', 2);
    expect(getPositionsOn(db, old, 1)).toEqual([position(1, 'AAPL', 5), position(1, 'GOOG', 1)]);
    expect(countRunRows(db, old, 'positions')).toBe(3);
    expect(countRunRows(db, old, 'positions', 'GOOG')).toBe(2);
    expect(getRunPositionsAfter(db, old, FIRST_KEY, 1)).toEqual({ rows: [position(1, 'AAPL', 5), position(1, 'GOOG', 1)], last: 1 });
    expect(getRunPositionsAfter(db, old, 1, 1)).toEqual({ rows: [position(2, 'GOOG', 2)], last: 2 });
    expect(getRunPositionsAfter(db, old, 2, 1)).toEqual({ rows: [], last: null });
  });
});

describe('getRunRowsAfter', () => {
  it('reads a whole table in keyed pages: every row once, in key order, as the default page shows it', () => {
    for (const table of ['fills', 'orders', 'trades'] as const) {
      const read: object[] = [];
      let pages = 0;
      for (let after = FIRST_KEY; ; pages++) {
        const { rows, last } = getRunRowsAfter(db, runId, table, after, 7);
        if (last === null) break;
        expect(rows.length).toBeLessThanOrEqual(7);
        read.push(...rows);
        after = last;
      }
      const all = { fills: getRunFills, orders: getRunOrders, trades: getRunTrades }[table](db, runId, { offset: 0, limit: 1000 });
      expect(read).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 7));
    }
    expect(getRunRowsAfter(db, createRun(db, runInput), 'fills', FIRST_KEY, 7)).toEqual({ rows: [], last: null });
  });
});
