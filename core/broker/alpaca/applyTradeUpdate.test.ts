import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../events';
import { newOrder } from '../../domain/newOrder';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { AlpacaBook, type AlpacaTracked } from './alpacaBook';
import { applyTradeUpdate } from './applyTradeUpdate';
import { OrphanUpdates } from './orphanUpdates';
import { tradeUpdateSchema } from './schemas';
import { insertAlpacaOrder, loadAlpacaFills, loadAlpacaOrders, NO_LINK } from './store/alpacaStore';

let db: Database.Database;
let cleanup: () => void;
let events: BrokerEvent[];
let book: AlpacaBook;
let t: AlpacaTracked;
const REF = '5e0c8f1e-0000-4000-8000-000000000001';

beforeEach(() => {
  const d = tempDir();
  cleanup = d.cleanup;
  db = openDatabase(join(d.dir, 'a.db'));
  events = [];
  book = new AlpacaBook(db, 'PAPER', () => 1_000, (e) => events.push(e), () => undefined);
  const o = newOrder('o1', REF, { instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 100, timeInForce: 'DAY' }, 'PAPER', 0);
  o.status = 'SUBMITTED';
  const link = { ...NO_LINK, sentAt: 1, referencePrice: 99.5 };
  insertAlpacaOrder(db, 'PAPER', o, link);
  t = book.add(o, link);
});
afterEach(() => {
  db.close();
  cleanup();
});

function frame(event: string, order: Record<string, unknown>, fill?: { qty: string; price: string }) {
  return tradeUpdateSchema.parse({
    event,
    timestamp: '2026-01-02T15:00:00Z',
    ...(fill ? { execution_id: `x-${order.filled_qty as string}`, ...fill } : {}),
    order: { id: 'A1', client_order_id: REF, symbol: 'AAA', side: 'buy', type: 'limit', time_in_force: 'day', qty: '10', limit_price: '100', filled_avg_price: null, ...order },
  });
}

const apply = (u: ReturnType<typeof frame>) => applyTradeUpdate(u, { book, orphans: new OrphanUpdates(), log: () => undefined, afterReport: () => undefined });

describe('applyTradeUpdate', () => {
  it('moves an order through accepted, a partial and a full fill, each said once, with slippage against the quote', () => {
    apply(frame('new', { status: 'new', filled_qty: '0' }));
    apply(frame('partial_fill', { status: 'partially_filled', filled_qty: '4', filled_avg_price: '100' }, { qty: '4', price: '100' }));
    apply(frame('fill', { status: 'filled', filled_qty: '10', filled_avg_price: '100.6' }, { qty: '6', price: '101' }));
    expect(events.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderPartiallyFilled', 'OrderFilled']);
    expect(t.order).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
    expect(t.order.avgFillPrice).toBeCloseTo(100.6, 9);
    const stored = loadAlpacaFills(db, 'PAPER');
    expect(stored.map((f) => [f.key, f.fill.quantity, f.fill.price])).toEqual([['A1:4', 4, 100], ['A1:10', 6, 101]]);
    expect(stored[1].fill.slippage).toBeCloseTo(9, 9);
    expect(loadAlpacaOrders(db, 'PAPER')[0].order).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
  });

  it('counts a duplicated or replayed frame once', () => {
    const f = frame('fill', { status: 'filled', filled_qty: '10', filled_avg_price: '100' }, { qty: '10', price: '100' });
    apply(f);
    apply(f);
    apply(frame('new', { status: 'new', filled_qty: '0' }));
    expect(loadAlpacaFills(db, 'PAPER')).toHaveLength(1);
    expect(t.order.filledQuantity).toBe(10);
    expect(events.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderFilled']);
  });

  it('closes a cancelled order with its reason after the fills Alpaca counted', () => {
    t.link.cancelRequested = true;
    apply(frame('partial_fill', { status: 'partially_filled', filled_qty: '3', filled_avg_price: '100' }, { qty: '3', price: '100' }));
    apply(frame('canceled', { status: 'canceled', filled_qty: '3', filled_avg_price: '100' }));
    expect(t.order).toMatchObject({ status: 'CANCELLED', filledQuantity: 3, statusReason: 'cancelled at the trader\'s request' });
    expect(events.at(-1)?.type).toBe('OrderCancelled');
  });

  it('counts what it received, not what the last fill\'s cumulative quantity claims, when a fill was missed', () => {
    apply(frame('fill', { status: 'filled', filled_qty: '10', filled_avg_price: '100' }, { qty: '6', price: '100' }));
    expect(book.filledUnder('A1')).toBe(6);
    expect(t.order).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 6 });
    // The missed fill (cumulative 4) arrives later, e.g. from the FILL activities: it completes the order.
    book.applyFill(t, { alpacaOrderId: 'A1', cumulativeQty: 4, quantity: 4, price: 100, timestamp: 2 });
    expect(t.order).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
  });

  it('holds a final status back while Alpaca counts fills the app has not received', () => {
    apply(frame('canceled', { status: 'canceled', filled_qty: '3', filled_avg_price: '100' }));
    expect(t.order.status).toBe('ACCEPTED');
  });

  it('follows a replacement: the old order ends replaced, the new one (its own client_order_id) carries on', () => {
    apply(frame('new', { status: 'new', filled_qty: '0' }));
    apply(frame('replaced', { status: 'replaced', filled_qty: '0', replaced_by: 'A2' }));
    apply(frame('fill', { id: 'A2', client_order_id: 'other', replaces: 'A1', status: 'filled', filled_qty: '10', filled_avg_price: '99' }, { qty: '10', price: '99' }));
    expect(t.link.alpacaOrderId).toBe('A2');
    expect(t.order).toMatchObject({ status: 'FILLED', filledQuantity: 10, avgFillPrice: 99 });
  });

  it('follows a chain of replacements whatever order their frames come in, and ignores stale frames of a replaced id', () => {
    apply(frame('new', { status: 'new', filled_qty: '0' }));
    // A3 replaced A2, which replaced A1: A3's frame and A2's "replaced" come before A1's "replaced".
    apply(frame('new', { id: 'A3', client_order_id: 'c3', replaces: 'A2', status: 'new', filled_qty: '0' }));
    apply(frame('replaced', { id: 'A2', client_order_id: 'c2', replaces: 'A1', status: 'replaced', filled_qty: '0', replaced_by: 'A3' }));
    apply(frame('replaced', { status: 'replaced', filled_qty: '0', replaced_by: 'A2' }));
    expect(t.link.alpacaOrderId).toBe('A3');
    apply(frame('canceled', { status: 'canceled', filled_qty: '0' }));
    expect(t.order.status).toBe('ACCEPTED');
    apply(frame('canceled', { id: 'A3', client_order_id: 'c3', replaces: 'A2', status: 'canceled', filled_qty: '0' }));
    expect(t.order.status).toBe('CANCELLED');
  });

  it('rejects an order Alpaca rejected, and ignores frames of orders this app did not place', () => {
    apply(frame('new', { id: 'Z9', client_order_id: 'someone-else', status: 'new', filled_qty: '0' }));
    expect(events).toEqual([]);
    apply(frame('rejected', { status: 'rejected', filled_qty: '0' }));
    expect(t.order).toMatchObject({ status: 'REJECTED', statusReason: 'rejected by Alpaca' });
  });
});
