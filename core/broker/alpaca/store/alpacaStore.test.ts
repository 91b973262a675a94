import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../../domain/newOrder';
import type { Fill } from '../../../domain/order';
import { openDatabase } from '../../../store/db';
import { tempDir } from '../../../store/testDb';
import {
  expectedAlpacaPositions,
  insertAlpacaFill,
  insertAlpacaOrder,
  loadAlpacaFills,
  loadAlpacaOrders,
  NO_LINK,
  recordAlpacaBaseline,
  updateAlpacaOrder,
} from './alpacaStore';

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'alpaca.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

const fill = (id: string, orderId: string, side: 'BUY' | 'SELL', quantity: number, ts: number): Fill => ({
  id,
  orderId,
  instrument: 'AAPL',
  side,
  quantity,
  price: 100,
  commission: 0,
  timestamp: ts,
  referencePrice: 100,
  slippage: 0,
});

describe('alpaca store', () => {
  it('reads back an order with its link exactly as it was written, in its mode only', () => {
    const o = newOrder('o1', 'ref-1', { instrument: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 2.5, limitPrice: 10, timeInForce: 'DAY', metadata: { intent: 'INCREASE' } }, 'PAPER', 5);
    o.status = 'SUBMITTED';
    insertAlpacaOrder(db, 'PAPER', o, { ...NO_LINK, sentAt: 6, referencePrice: 10.01 });
    o.status = 'ACCEPTED';
    updateAlpacaOrder(db, o, { ...NO_LINK, sentAt: 6, referencePrice: 10.01, alpacaOrderId: 'a-1', alpacaStatus: 'new', fateUnknown: false, cancelRequested: true });
    const [back] = loadAlpacaOrders(db, 'PAPER');
    expect(back.order).toEqual({ ...o, triggered: false });
    expect(back.link).toEqual({ ...NO_LINK, sentAt: 6, referencePrice: 10.01, alpacaOrderId: 'a-1', alpacaStatus: 'new', cancelRequested: true });
    expect(loadAlpacaOrders(db, 'LIVE')).toEqual([]);
  });

  it('reads back a list member\'s link and a trailing stop\'s trail', () => {
    const link = { listId: 'L', kind: 'BRACKET' as const, role: 'STOP_LOSS' as const, parentId: 'o0' };
    const o = newOrder('o2', 'ref-2', { instrument: 'AAPL', side: 'SELL', type: 'TRAILING_STOP', quantity: 3, trail: { percent: 4 }, timeInForce: 'GTC' }, 'PAPER', 5, link);
    insertAlpacaOrder(db, 'PAPER', o, NO_LINK);
    expect(loadAlpacaOrders(db, 'PAPER')[0].order.extras).toEqual({ trail: { percent: 4 }, link });
  });

  it('refuses a second fill under the same identity, writing nothing of it', () => {
    const o = newOrder('o1', 'ref-1', { instrument: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 5, timeInForce: 'DAY' }, 'PAPER', 0);
    insertAlpacaOrder(db, 'PAPER', o, NO_LINK);
    insertAlpacaFill(db, 'PAPER', fill('a-1:5', 'o1', 'BUY', 5, 10), 'a-1:5', 'a-1', null);
    expect(() => insertAlpacaFill(db, 'PAPER', fill('a-1:5', 'o1', 'BUY', 5, 11), 'a-1:5', 'a-1', null)).toThrow(/UNIQUE/);
    expect(loadAlpacaFills(db, 'PAPER')).toEqual([{ fill: fill('a-1:5', 'o1', 'BUY', 5, 10), key: 'a-1:5', alpacaOrderId: 'a-1' }]);
  });

  it('knows its positions as the last baseline plus the fills since, and nothing before any record', () => {
    expect(expectedAlpacaPositions(db, 'PAPER', new Set())).toBeNull();
    insertAlpacaFill(db, 'PAPER', fill('a:3', 'o1', 'BUY', 3, 1), 'a:3', 'a', null);
    expect(expectedAlpacaPositions(db, 'PAPER', new Set())).toEqual(new Map([['AAPL', 3]]));
    expect(expectedAlpacaPositions(db, 'PAPER', new Set(['a:3']))).toBeNull();
    recordAlpacaBaseline(db, 'PAPER', 100, new Map([['AAPL', 3], ['MSFT', 7]]));
    insertAlpacaFill(db, 'PAPER', fill('b:1', 'o2', 'SELL', 1, 101), 'b:1', 'b', null);
    expect(expectedAlpacaPositions(db, 'PAPER', new Set())).toEqual(new Map([['AAPL', 2], ['MSFT', 7]]));
    recordAlpacaBaseline(db, 'PAPER', 200, new Map());
    expect(expectedAlpacaPositions(db, 'PAPER', new Set())).toEqual(new Map());
  });
});
