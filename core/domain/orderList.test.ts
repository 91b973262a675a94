import { describe, expect, it } from 'vitest';
import type { OrderRequest } from './order';
import { invalidOrderListReason, ocaAction, orderListMembers, type OrderListRequest } from './orderList';

const known = (s: string) => s === 'AAA' || s === 'BBB';
const entry: OrderRequest = { instrument: 'AAA', side: 'BUY', type: 'STOP', stopPrice: 101, quantity: 10, timeInForce: 'GTC' };
const takeProfit: OrderRequest = { instrument: 'AAA', side: 'SELL', type: 'LIMIT', limitPrice: 110, quantity: 10, timeInForce: 'GTC' };
const stopLoss: OrderRequest = { instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP', trail: { percent: 3 }, quantity: 10, timeInForce: 'GTC' };
const bracket: OrderListRequest = { kind: 'BRACKET', entry, takeProfit, stopLoss };

describe('order lists', () => {
  it('flatten into members with roles, parents and OCO membership', () => {
    expect(orderListMembers(bracket).map((m) => [m.role, m.parent, m.oca])).toEqual([
      ['ENTRY', null, false],
      ['TAKE_PROFIT', 0, true],
      ['STOP_LOSS', 0, true],
    ]);
    const oto: OrderListRequest = { kind: 'OTO', parent: entry, children: [takeProfit, stopLoss] };
    expect(orderListMembers(oto).map((m) => [m.role, m.parent, m.oca])).toEqual([
      ['PARENT', null, false],
      ['CHILD', 0, false],
      ['CHILD', 0, false],
    ]);
    expect(ocaAction(bracket)).toBe('reduce');
    expect(ocaAction({ kind: 'OCO', orders: [takeProfit, stopLoss] })).toBe('cancel');
    expect(ocaAction({ kind: 'OCO', orders: [takeProfit, stopLoss], onFill: 'reduce' })).toBe('reduce');
  });

  it('accepts a valid bracket, OCO and OTO', () => {
    expect(invalidOrderListReason(bracket, known)).toBeNull();
    expect(invalidOrderListReason({ kind: 'OCO', orders: [takeProfit, { ...takeProfit, instrument: 'BBB' }] }, known)).toBeNull();
    expect(invalidOrderListReason({ kind: 'OTO', parent: entry, children: [takeProfit] }, known)).toBeNull();
  });

  it('names the member and the rule a list breaks', () => {
    const why = (l: OrderListRequest) => invalidOrderListReason(l, known);
    expect(why({ ...bracket, takeProfit: { ...takeProfit, limitPrice: 95 }, stopLoss: { ...stopLoss, stopPrice: 96 } })).toBe(
      'the take-profit 95 must be above the stop-loss 96',
    );
    expect(why({ ...bracket, takeProfit: { ...takeProfit, side: 'BUY' } })).toBe('take-profit: must be on the other side of the BUY entry');
    expect(why({ ...bracket, stopLoss: { ...stopLoss, quantity: 5 } })).toBe("stop-loss: its quantity 5 must equal the entry's 10");
    expect(why({ ...bracket, stopLoss: { ...stopLoss, instrument: 'BBB' } })).toBe("stop-loss: must trade the entry's AAA, got BBB");
    expect(why({ ...bracket, takeProfit: { ...takeProfit, type: 'STOP', limitPrice: undefined, stopPrice: 120 } })).toBe(
      'take-profit: must be a LIMIT order, got STOP',
    );
    expect(why({ ...bracket, stopLoss: { ...takeProfit, limitPrice: 90 } })).toBe('stop-loss: must be a stop, stop-limit or trailing order, got LIMIT');
    expect(why({ ...bracket, takeProfit: { ...takeProfit, timeInForce: 'IOC' } })).toBe(
      'take-profit: an order that waits for another must be DAY or GTC, got IOC',
    );
    expect(why({ ...bracket, entry: { ...entry, quantity: 0 } })).toBe('entry: quantity must be a positive number, got 0');
    expect(why({ kind: 'OCO', orders: [takeProfit] })).toBe('an OCO list needs at least 2 orders, got 1');
    expect(why({ kind: 'OCO', orders: [takeProfit, { ...takeProfit, instrument: 'ZZZ' }] })).toBe('order 2: unknown instrument "ZZZ"');
    expect(why({ kind: 'OTO', parent: entry, children: [] })).toBe('an OTO list needs at least one child');
    expect(why({ kind: 'OTO', parent: entry, children: [takeProfit, { ...takeProfit, limitPrice: -1 }] })).toBe(
      'child 2: LIMIT order needs a positive limit price',
    );
  });
});
