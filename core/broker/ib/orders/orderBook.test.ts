import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../events';
import type { Fill } from '../../../domain/order';
import { sampleLink, sampleOrder } from '../testing/fixtures';
import { OrderBook, type NewExecution } from './orderBook';
import { tracked, type TrackedOrder } from './trackedOrder';

function setup() {
  const events: BrokerEvent[] = [];
  const saved: string[] = [];
  const fills: Fill[] = [];
  const book = new OrderBook(
    {
      orderChanged: (t) => saved.push(`${t.order.id}:${t.order.status}`),
      fillAdded: (_o, f) => fills.push(f),
      commissionAdded: () => {},
      emit: (e) => events.push(e),
    },
    () => 1_000,
  );
  return { book, events, saved, fills };
}

function order(id: string): TrackedOrder {
  return tracked(sampleOrder({ id, clientOrderRef: `ref-${id}` }), sampleLink({ acknowledged: true }));
}

const exec = (execId: string, quantity: number, price: number, timestamp = 5): NewExecution => ({
  execId,
  instrument: 'AAA',
  side: 'BUY',
  quantity,
  price,
  timestamp,
  permId: 77,
  ibOrderId: 3,
  account: 'DU1',
});

const types = (events: BrokerEvent[]) => events.map((e) => e.type);

describe('OrderBook', () => {
  it('finds an order by ref, permId or client and order id', () => {
    const { book } = setup();
    const t = order('a');
    book.add(t);
    t.link.permId = 77;
    book.reindex(t);
    expect(book.find('ref-a', undefined, undefined, undefined)).toBe(t);
    expect(book.find(undefined, 77, undefined, undefined)).toBe(t);
    expect(book.find(undefined, undefined, 7, 3)).toBe(t);
    expect(book.find(undefined, undefined, 8, 3)).toBeUndefined();
  });

  it('moves statuses only forward and ignores duplicates and late ones', () => {
    const { book, events } = setup();
    const t = order('a');
    book.add(t);
    expect(book.applyStatus(t, { status: 'ACCEPTED', reason: null })).toBe('SUBMITTED');
    expect(book.applyStatus(t, { status: 'ACCEPTED', reason: null })).toBeNull();
    book.applyExecution(t, exec('x1', 10, 10));
    book.applyCommission('x1', 1);
    expect(t.order.status).toBe('FILLED');
    expect(book.applyStatus(t, { status: 'ACCEPTED', reason: null })).toBeNull();
    expect(book.applyStatus(t, { status: 'CANCELLED', reason: 'late' })).toBeNull();
    expect(types(events)).toEqual(['OrderAccepted', 'OrderFilled']);
  });

  it('adds an execution once, averages prices and joins a commission that came first', () => {
    const { book, events, fills } = setup();
    const t = order('a');
    book.add(t);
    book.applyCommission('x2', 0.5);
    book.applyExecution(t, exec('x1', 4, 10));
    expect(book.applyExecution(t, exec('x1', 4, 10))).toBeNull();
    book.applyCommission('x1', 1);
    book.applyCommission('x1', 1);
    book.applyExecution(t, exec('x2', 6, 12));
    expect(fills.map((f) => f.id)).toEqual(['x1', 'x2']);
    expect(t.order).toMatchObject({ filledQuantity: 10, avgFillPrice: 11.2, commission: 1.5, status: 'FILLED' });
    expect(book.fills().map((f) => f.commission)).toEqual([1, 0.5]);
    expect(types(events)).toEqual(['OrderPartiallyFilled', 'OrderFilled']);
  });

  it('holds a final status until the fills TWS counted have arrived', () => {
    const { book, events } = setup();
    const t = order('a');
    book.add(t);
    t.ibFilled = 4;
    book.applyStatus(t, { status: 'CANCELLED', reason: 'cancelled at the broker' });
    expect(t.order.status).toBe('SUBMITTED');
    book.applyExecution(t, exec('x1', 4, 10));
    book.applyCommission('x1', 1);
    expect(t.order).toMatchObject({ status: 'CANCELLED', filledQuantity: 4 });
    expect(types(events)).toEqual(['OrderPartiallyFilled', 'OrderCancelled']);
  });

  it('turns a rejection after fills into a cancel, as the state machine requires', () => {
    const { book } = setup();
    const t = order('a');
    book.add(t);
    book.applyExecution(t, exec('x1', 2, 10));
    book.applyStatus(t, { status: 'REJECTED', reason: 'Inactive' });
    expect(t.order).toMatchObject({ status: 'CANCELLED', statusReason: 'Inactive' });
  });

  it('keeps fills of no order of ours, and keeps every fill in time order', () => {
    const { book } = setup();
    book.applyExecution(null, exec('x1', 1, 10, 50));
    book.applyExecution(null, exec('x0', 1, 10, 20));
    expect(book.fills().map((f) => [f.id, f.orderId])).toEqual([
      ['x0', 'external:77'],
      ['x1', 'external:77'],
    ]);
    expect(book.fills(30).map((f) => f.id)).toEqual(['x1']);
    expect(book.lastFillTime()).toBe(50);
  });
});
