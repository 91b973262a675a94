import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../domain/order';
import type { OrderListRequest } from '../../../domain/orderList';
import { memberLinks, memberPlacements, ocaGroupOf } from './orderListPlan';

const req = (side: OrderRequest['side'], over: Partial<OrderRequest> = {}): OrderRequest => ({
  instrument: 'AAA', side, type: 'LIMIT', quantity: 10, limitPrice: 100, timeInForce: 'GTC', ...over,
});

const bracket: OrderListRequest = {
  kind: 'BRACKET',
  entry: req('BUY', { type: 'MARKET', limitPrice: undefined }),
  takeProfit: req('SELL', { limitPrice: 120 }),
  stopLoss: req('SELL', { type: 'STOP', limitPrice: undefined, stopPrice: 90 }),
};

describe('memberPlacements', () => {
  it('sends a bracket as IB documents it: the exits attached to the entry, only the last one transmitted', () => {
    expect(memberPlacements(bracket, 'L1', [41, 42, 43])).toEqual([
      { transmit: false },
      { transmit: false, parentId: 41 },
      { transmit: true, parentId: 41 },
    ]);
  });

  it('puts every OCO member in the list\'s own group, transmitted: type 1 cancels, type 2 reduces', () => {
    const orders = [req('SELL', { limitPrice: 110 }), req('SELL', { type: 'STOP', limitPrice: undefined, stopPrice: 90 })];
    const group = ocaGroupOf('L2');
    expect(memberPlacements({ kind: 'OCO', orders }, 'L2', [7, 8])).toEqual([
      { transmit: true, ocaGroup: group, ocaType: 1 },
      { transmit: true, ocaGroup: group, ocaType: 1 },
    ]);
    expect(memberPlacements({ kind: 'OCO', orders, onFill: 'reduce' }, 'L2', [7, 8]).map((p) => p.ocaType)).toEqual([2, 2]);
  });

  it('chains an OTO like a bracket, each child in a group of its own so IB does not make them cancel each other', () => {
    const list: OrderListRequest = { kind: 'OTO', parent: req('BUY'), children: [req('SELL', { limitPrice: 120 }), req('SELL', { limitPrice: 130 })] };
    const group = ocaGroupOf('L3');
    expect(memberPlacements(list, 'L3', [1, 2, 3])).toEqual([
      { transmit: false },
      { transmit: false, parentId: 1, ocaGroup: `${group}-1`, ocaType: 1 },
      { transmit: true, parentId: 1, ocaGroup: `${group}-2`, ocaType: 1 },
    ]);
  });
});

describe('memberLinks', () => {
  it('links each member to the list, with its role and the order id of the member it waits for', () => {
    expect(memberLinks(bracket, 'L1', ['e', 'tp', 'sl'])).toEqual([
      { listId: 'L1', kind: 'BRACKET', role: 'ENTRY', parentId: null },
      { listId: 'L1', kind: 'BRACKET', role: 'TAKE_PROFIT', parentId: 'e' },
      { listId: 'L1', kind: 'BRACKET', role: 'STOP_LOSS', parentId: 'e' },
    ]);
  });
});
