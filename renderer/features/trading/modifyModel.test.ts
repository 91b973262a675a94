import { describe, expect, it } from 'vitest';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { describeChanges, modifyDraftOf, readModify } from './modifyModel';

const order: TradingOrderDto = {
  id: '12',
  clientOrderRef: 'r',
  instrument: 'SYN001',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 10,
  limitPrice: 99.5,
  stopPrice: null,
  timeInForce: 'DAY',
  status: 'PARTIALLY_FILLED',
  filledQuantity: 4,
  avgFillPrice: 99.5,
  commission: 1,
  statusReason: null,
  createdAt: 1,
  updatedAt: 2,
  extras: null,
};

describe('modify a working order', () => {
  it('starts from the order and sends only what changed', () => {
    const d = modifyDraftOf(order);
    expect(d).toEqual({ quantity: '10', limitPrice: '99.5', stopPrice: '', trail: '' });
    expect(readModify(order, { ...d, limitPrice: '99' })).toEqual({ ok: true, changes: { limitPrice: 99 } });
    expect(readModify(order, { ...d, quantity: '20', limitPrice: '98.25' })).toEqual({ ok: true, changes: { quantity: 20, limitPrice: 98.25 } });
    expect(readModify(order, d)).toEqual({ ok: false, issue: 'nothing changed' });
  });

  it('keeps the quantity above what already filled', () => {
    expect(readModify(order, { ...modifyDraftOf(order), quantity: '4' })).toEqual({ ok: false, issue: 'quantity: more than the 4 already filled' });
    expect(readModify(order, { ...modifyDraftOf(order), quantity: 'x' }).ok).toBe(false);
  });

  it('checks only the prices the order type carries', () => {
    const stop = { ...order, type: 'STOP' as const, limitPrice: null, stopPrice: 90 };
    expect(readModify(stop, { quantity: '10', limitPrice: 'junk', stopPrice: '91', trail: 'junk' })).toEqual({ ok: true, changes: { stopPrice: 91 } });
    expect(readModify(stop, { quantity: '10', limitPrice: '', stopPrice: '0', trail: '' })).toEqual({ ok: false, issue: 'stop price: a number above 0' });
    const market = { ...order, type: 'MARKET' as const, limitPrice: null };
    expect(readModify(market, { quantity: '12', limitPrice: '', stopPrice: '', trail: '' })).toEqual({ ok: true, changes: { quantity: 12 } });
  });

  it("changes a trailing order's trail in the unit it has, leaving its moving stop alone", () => {
    const trailing: TradingOrderDto = { ...order, type: 'TRAILING_STOP', side: 'SELL', limitPrice: null, stopPrice: 97.03, extras: { trail: { percent: 1.5 } } };
    const d = modifyDraftOf(trailing);
    expect(d).toEqual({ quantity: '10', limitPrice: '', stopPrice: '97.03', trail: '1.5' });
    expect(readModify(trailing, { ...d, trail: '2', stopPrice: '1' })).toEqual({ ok: true, changes: { trail: { percent: 2 } } });
    expect(readModify(trailing, { ...d, trail: '0' })).toEqual({ ok: false, issue: 'trail: a number above 0' });
    const byAmount: TradingOrderDto = { ...trailing, extras: { trail: { amount: 2 }, link: { listId: 'L1', kind: 'BRACKET', role: 'STOP_LOSS', parentId: 'O1' } } };
    expect(readModify(byAmount, { ...modifyDraftOf(byAmount), trail: '2.5' })).toEqual({ ok: true, changes: { trail: { amount: 2.5 } } });
  });

  it('describes the changes for a confirmation', () => {
    expect(describeChanges({ limitPrice: 98.25, quantity: 20 })).toBe('quantity 20, limit 98.25');
    expect(describeChanges({ stopPrice: 91 })).toBe('stop 91');
    expect(describeChanges({ quantity: 5, trail: { percent: 1.5 } })).toBe('quantity 5, trail 1.5%');
  });
});
