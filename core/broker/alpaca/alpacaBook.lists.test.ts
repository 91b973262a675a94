import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../events';
import { newOrder } from '../../domain/newOrder';
import { orderListMembers, type OrderListRequest } from '../../domain/orderList';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { AlpacaBook, type AlpacaTracked } from './alpacaBook';
import { applyTradeUpdate, type TradeUpdateDeps } from './applyTradeUpdate';
import { OrphanUpdates } from './orphanUpdates';
import { tradeUpdateSchema } from './schemas';
import { insertAlpacaOrder, loadAlpacaOrders, NO_LINK } from './store/alpacaStore';

let db: Database.Database;
let cleanup: () => void;
let events: BrokerEvent[];
let book: AlpacaBook;
let deps: TradeUpdateDeps;
let entry: AlpacaTracked;
let tp: AlpacaTracked;
let sl: AlpacaTracked;

const BRACKET: OrderListRequest = {
  kind: 'BRACKET',
  entry: { instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 100, timeInForce: 'GTC' },
  takeProfit: { instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: 110, timeInForce: 'GTC' },
  stopLoss: { instrument: 'AAA', side: 'SELL', type: 'STOP', quantity: 10, stopPrice: 90, timeInForce: 'GTC' },
};

beforeEach(() => {
  const d = tempDir();
  cleanup = d.cleanup;
  db = openDatabase(join(d.dir, 'a.db'));
  events = [];
  book = new AlpacaBook(db, 'PAPER', () => 1_000, (e) => events.push(e), () => undefined);
  deps = { book, orphans: new OrphanUpdates(), log: () => undefined, afterReport: () => undefined };
  const ids = ['E', 'T', 'S'];
  [entry, tp, sl] = orderListMembers(BRACKET).map((m, i) => {
    const o = newOrder(ids[i], `ref-${ids[i]}`, m.request, 'PAPER', 0, { listId: 'L', kind: 'BRACKET', role: m.role, parentId: m.parent === null ? null : ids[m.parent] });
    o.status = 'SUBMITTED';
    const link = { ...NO_LINK, sentAt: 1, leftAt: 1 };
    insertAlpacaOrder(db, 'PAPER', o, link);
    return book.add(o, link);
  });
});
afterEach(() => {
  db.close();
  cleanup();
});

const leg = (id: string, type: string, status: string, extra: Record<string, unknown> = {}) => ({
  id, client_order_id: `alpaca-${id}`, symbol: 'AAA', side: 'sell', type, time_in_force: 'gtc', status, qty: '10', filled_qty: '0', ...extra,
});
const parent = (status: string, legStatus: string, extra: Record<string, unknown> = {}) => ({
  id: 'AE', client_order_id: 'ref-E', symbol: 'AAA', side: 'buy', type: 'limit', time_in_force: 'gtc', status, qty: '10', filled_qty: '0', order_class: 'bracket',
  legs: [leg('AT', 'limit', legStatus), leg('AS', 'stop', legStatus)],
  ...extra,
});
const apply = (event: string, order: Record<string, unknown>, fill?: { qty: string; price: string }) =>
  applyTradeUpdate(tradeUpdateSchema.parse({ event, timestamp: '2026-01-02T15:00:00Z', order, ...(fill ?? {}) }), deps);

describe('a bracket\'s legs in the book', () => {
  it('links the legs from their parent\'s report and keeps them SUBMITTED while Alpaca holds them for the entry', () => {
    apply('new', parent('new', 'held'));
    expect([tp.link.alpacaOrderId, sl.link.alpacaOrderId]).toEqual(['AT', 'AS']);
    expect([entry, tp, sl].map((t) => t.order.status)).toEqual(['ACCEPTED', 'SUBMITTED', 'SUBMITTED']);
    expect(loadAlpacaOrders(db, 'PAPER').map((r) => r.link.alpacaOrderId)).toEqual(['AE', 'AT', 'AS']);
  });

  it('works the legs once the entry fills, though Alpaca may keep calling the stop-loss held', () => {
    apply('new', parent('new', 'held'));
    apply('fill', parent('filled', 'held', { filled_qty: '10', filled_avg_price: '100' }), { qty: '10', price: '100' });
    expect([entry, tp, sl].map((t) => t.order.status)).toEqual(['FILLED', 'ACCEPTED', 'ACCEPTED']);
    apply('new', leg('AT', 'limit', 'new'));
    apply('fill', leg('AT', 'limit', 'filled', { filled_qty: '10', filled_avg_price: '110' }), { qty: '10', price: '110' });
    apply('canceled', leg('AS', 'stop', 'canceled'));
    expect([tp, sl].map((t) => [t.order.status, t.order.statusReason])).toEqual([
      ['FILLED', null],
      ['CANCELLED', 'cancelled by Alpaca with the rest of its BRACKET group (the other order filled or was cancelled)'],
    ]);
  });

  it('sizes the legs by what the entry filled when it ends part-filled', () => {
    apply('new', parent('new', 'held'));
    apply('partial_fill', parent('partially_filled', 'held', { filled_qty: '4', filled_avg_price: '100' }), { qty: '4', price: '100' });
    expect(tp.order.status).toBe('SUBMITTED');
    apply('canceled', parent('canceled', 'new', { filled_qty: '4', filled_avg_price: '100' }));
    expect([entry, tp, sl].map((t) => [t.order.status, t.order.quantity])).toEqual([
      ['CANCELLED', 10],
      ['ACCEPTED', 4],
      ['ACCEPTED', 4],
    ]);
    // A report older than the resize does not size the leg up again.
    apply('new', leg('AT', 'limit', 'new'));
    expect(tp.order.quantity).toBe(4);
  });

  it('cancels the legs with an entry that never filled, saying so', () => {
    apply('new', parent('new', 'held'));
    apply('canceled', parent('canceled', 'canceled'));
    expect([tp, sl].map((t) => [t.order.status, t.order.statusReason])).toEqual([
      ['CANCELLED', 'cancelled with order E, which it waited for and which ended unfilled'],
      ['CANCELLED', 'cancelled with order E, which it waited for and which ended unfilled'],
    ]);
    expect(events.filter((e) => e.type === 'OrderCancelled').map((e) => e.order.id)).toEqual(['E', 'T', 'S']);
  });

  it('ends the legs with their entry when Alpaca reports only the entry\'s end', () => {
    apply('new', { ...parent('new', 'held'), legs: null });
    apply('rejected', { ...parent('rejected', 'held'), legs: null });
    expect([tp, sl].map((t) => [t.order.status, t.order.statusReason])).toEqual([
      ['REJECTED', 'rejected with order E, which it waited for: rejected by Alpaca'],
      ['REJECTED', 'rejected with order E, which it waited for: rejected by Alpaca'],
    ]);
  });

  it('applies a leg\'s frames that came before the report naming it, in the order they came', () => {
    apply('new', leg('AS', 'stop', 'new'));
    apply('canceled', leg('AS', 'stop', 'canceled'));
    expect(sl.order.status).toBe('SUBMITTED');
    apply('fill', { ...parent('filled', 'new', { filled_qty: '10', filled_avg_price: '100' }), legs: [leg('AT', 'limit', 'new'), leg('AS', 'stop', 'new')] }, { qty: '10', price: '100' });
    expect(sl.order).toMatchObject({ status: 'CANCELLED' });
    expect(tp.order.status).toBe('ACCEPTED');
  });
});
