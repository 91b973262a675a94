import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../events';
import type { OrderLink } from '../../../domain/order';
import { sampleLink, sampleOrder } from '../testing/fixtures';
import { childrenOf, heldByParent, releaseChildren } from './attachedOrders';
import { OrderBook } from './orderBook';
import { tracked, type TrackedOrder } from './trackedOrder';

const link = (role: OrderLink['role'], parentId: string | null): OrderLink => ({ listId: 'L', kind: 'BRACKET', role, parentId });

function setup() {
  const events: BrokerEvent[] = [];
  const book = new OrderBook({ orderChanged: () => {}, fillAdded: () => {}, commissionAdded: () => {}, emit: (e) => events.push(e) }, () => 1);
  const add = (id: string, role: OrderLink['role'], parentId: string | null, ibStatus: string | null): TrackedOrder => {
    const t = tracked(sampleOrder({ id, clientOrderRef: `ref-${id}`, extras: { link: link(role, parentId) } }), sampleLink({ acknowledged: ibStatus !== null, ibStatus }));
    book.add(t);
    return t;
  };
  const entry = add('e', 'ENTRY', null, 'Submitted');
  const tp = add('tp', 'TAKE_PROFIT', 'e', 'PreSubmitted');
  const sl = add('sl', 'STOP_LOSS', 'e', null);
  return { book, events, entry, tp, sl };
}

describe('attached orders', () => {
  it('holds the children while their parent has filled nothing', () => {
    const { book, entry, tp } = setup();
    expect(childrenOf(book, entry).map((t) => t.order.id)).toEqual(['tp', 'sl']);
    expect(heldByParent(book, tp)).toBe(true);
    expect(heldByParent(book, entry)).toBe(false);
    entry.order.filledQuantity = 4;
    expect(heldByParent(book, tp)).toBe(false);
  });

  it('holds them, too, while the parent\'s first fill waits to be announced with its commission', () => {
    const { book, entry, tp } = setup();
    book.applyExecution(entry, { execId: 'x1', instrument: 'AAA', side: 'BUY', quantity: 10, price: 10, timestamp: 1, permId: 5, ibOrderId: 3, account: 'DU1' });
    expect(heldByParent(book, tp)).toBe(true);
    book.applyCommission('x1', 1);
    expect(heldByParent(book, tp)).toBe(false);
  });

  it('accepts, once the parent filled, the children TWS reported working, and only those', () => {
    const { book, events, entry, tp, sl } = setup();
    entry.order.filledQuantity = 10;
    releaseChildren(book, 'e');
    expect([tp.order.status, sl.order.status]).toEqual(['ACCEPTED', 'SUBMITTED']);
    expect(events.map((e) => e.type)).toEqual(['OrderAccepted']);
  });
});
