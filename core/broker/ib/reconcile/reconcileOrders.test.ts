import { describe, expect, it } from 'vitest';
import type { Order } from '../../../domain/order';
import { tracked, type TrackedOrder } from '../orders/trackedOrder';
import { sampleLink, sampleOrder } from '../testing/fixtures';
import type { IbOpenOrderMsg } from '../parsing/schemas';
import { externalOrders, orderChanges, positionChanges, seenInCompleted, seenInOpen, unresolvedOrders } from './reconcileOrders';

function order(id: string, ibOrderId: number | null, permId: number | null, status: Order['status'] = 'SUBMITTED'): TrackedOrder {
  return tracked(sampleOrder({ id, clientOrderRef: `ref-${id}`, status }), sampleLink({ ibOrderId, permId }));
}

const open = (orderId: number, ref: string, permId: number, clientId = 7): IbOpenOrderMsg => ({
  orderId,
  contract: { symbol: 'AAA' },
  order: { orderRef: ref, permId, clientId, action: 'BUY', totalQuantity: 5 },
  orderState: { status: 'Submitted' },
});

describe('reconciliation merge', () => {
  it('finds sent orders TWS reported nowhere, by ref, permId or ids', () => {
    const byRef = order('a', 1, null);
    const byPerm = order('b', 2, 500);
    const byId = order('c', 3, null);
    const missing = order('d', 4, null);
    const neverSent = order('e', null, null, 'REJECTED');
    const done = order('f', 6, null, 'FILLED');
    const seen = seenInOpen([open(9, 'ref-a', 1), open(3, 'other', 2)]);
    const completed = seenInCompleted([{ contract: {}, order: { permId: 500 }, orderState: { status: 'Filled' } }]);
    expect(unresolvedOrders([byRef, byPerm, byId, missing, neverSent, done], seen, completed).map((t) => t.order.id)).toEqual(['d']);
  });

  it('reports status changes with where TWS reported the order', () => {
    const a = order('a', 1, null, 'FILLED');
    const b = order('b', 2, null, 'SUBMITTED');
    const before = new Map([
      ['a', 'SUBMITTED' as const],
      ['b', 'SUBMITTED' as const],
    ]);
    const changes = orderChanges(before, [a, b], seenInOpen([]), seenInCompleted([{ contract: {}, order: { orderRef: 'ref-a' }, orderState: {} }]));
    expect(changes).toEqual([{ orderId: 'a', clientOrderRef: 'ref-a', ibOrderId: 1, permId: null, before: 'SUBMITTED', after: 'FILLED', source: 'completed' }]);
  });

  it('reports positions that are new, changed or closed since the last snapshot', () => {
    const before = new Map([
      ['AAA', 10],
      ['BBB', 5],
      ['CCC', 0],
    ]);
    const report = [
      { account: 'DU1', contract: { symbol: 'AAA' }, pos: 10 },
      { account: 'DU1', contract: { symbol: 'DDD' }, pos: -3 },
    ];
    expect(positionChanges(before, report)).toEqual([
      { instrument: 'BBB', before: 5, after: 0 },
      { instrument: 'DDD', before: null, after: -3 },
    ]);
  });

  it('lists working orders that are not ours', () => {
    const list = externalOrders([open(1, 'ref-a', 1), open(0, '', 900, 0)], (m) => m.order.orderRef === 'ref-a');
    expect(list).toEqual([{ permId: 900, instrument: 'AAA', side: 'BUY', quantity: 5, status: 'Submitted' }]);
  });
});
