import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fill } from '../../../domain/order';
import { openDatabase } from '../../../store/db';
import { tempDir } from '../../../store/testDb';
import { sampleLink, sampleOrder } from '../testing/fixtures';
import {
  highestIbOrderId,
  insertIbFill,
  insertIbOrder,
  lastPositionsSnapshot,
  loadIbFills,
  loadIbOrders,
  orderRefExists,
  setFillCommission,
  snapshotPositions,
  updateIbOrder,
} from './ibStore';

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'ib.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

const order = (id: string, ref: string) => sampleOrder({ id, clientOrderRef: ref, limitPrice: 9.5, metadata: { intent: 'INCREASE' } });
const link = (ibOrderId: number) => sampleLink({ clientId: 7, ibOrderId });

const fill = (id: string, orderId: string): Fill => ({
  id,
  orderId,
  instrument: 'AAA',
  side: 'BUY',
  quantity: 10,
  price: 9.5,
  commission: 0,
  timestamp: 5,
  referencePrice: 9.5,
  slippage: 0,
});

describe('ibStore', () => {
  it('stores an order with its link and reads both back, by mode', () => {
    const o = order('o1', 'r1');
    insertIbOrder(db, 'PAPER', o, link(12));
    insertIbOrder(db, 'LIVE', order('o2', 'r2'), link(99));
    expect(orderRefExists(db, 'r1')).toBe(true);
    expect(orderRefExists(db, 'nope')).toBe(false);
    o.status = 'FILLED';
    o.filledQuantity = 10;
    updateIbOrder(db, o, { ...link(12), permId: 555, acknowledged: true, ibStatus: 'Filled' });
    const [back] = loadIbOrders(db, 'PAPER');
    expect(back.order).toMatchObject({ id: 'o1', status: 'FILLED', filledQuantity: 10, limitPrice: 9.5, metadata: { intent: 'INCREASE' }, mode: 'PAPER' });
    expect(back.link).toMatchObject({ ibOrderId: 12, permId: 555, acknowledged: true, ibStatus: 'Filled', conId: 42 });
    expect(loadIbOrders(db, 'LIVE')).toHaveLength(1);
  });

  it('knows the highest IB order id per mode and client id', () => {
    insertIbOrder(db, 'PAPER', order('o1', 'r1'), link(12));
    insertIbOrder(db, 'PAPER', order('o2', 'r2'), { ...link(30), clientId: 8 });
    expect(highestIbOrderId(db, 'PAPER', 7)).toBe(12);
    expect(highestIbOrderId(db, 'PAPER', 9)).toBe(0);
  });

  it('stores a fill under its execution id once, and adds its commission later', () => {
    const o = order('o1', 'r1');
    insertIbOrder(db, 'PAPER', o, link(12));
    const exec = { execId: 'e1', permId: 555, ibOrderId: 12, account: 'DU1', commissionKnown: false };
    insertIbFill(db, 'PAPER', fill('e1', 'o1'), exec, { order: o, link: link(12) });
    expect(() => insertIbFill(db, 'PAPER', fill('e1', 'o1'), exec, null)).toThrow(/UNIQUE/);
    expect(loadIbFills(db, 'PAPER')).toEqual([{ fill: fill('e1', 'o1'), commissionKnown: false }]);
    setFillCommission(db, 'e1', 1.25, null);
    expect(loadIbFills(db, 'PAPER')).toEqual([{ fill: { ...fill('e1', 'o1'), commission: 1.25 }, commissionKnown: true }]);
  });

  it('keeps position snapshots and reads the latest back', () => {
    const p = { instrument: 'AAA', quantity: 10, avgCost: 9, marketPrice: 10, marketValue: 100, unrealizedPnl: 10, realizedPnl: 0 };
    snapshotPositions(db, 'PAPER', 1, [p]);
    snapshotPositions(db, 'PAPER', 2, [{ ...p, quantity: 0 }, { ...p, instrument: 'BBB', quantity: 3 }]);
    expect(lastPositionsSnapshot(db, 'PAPER')).toEqual(new Map([['AAA', 0], ['BBB', 3]]));
    expect(lastPositionsSnapshot(db, 'LIVE')).toEqual(new Map());
  });
});
