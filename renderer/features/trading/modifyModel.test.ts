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
};

describe('modify a working order', () => {
  it('starts from the order and sends only what changed', () => {
    const d = modifyDraftOf(order);
    expect(d).toEqual({ quantity: '10', limitPrice: '99.5', stopPrice: '' });
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
    expect(readModify(stop, { quantity: '10', limitPrice: 'junk', stopPrice: '91' })).toEqual({ ok: true, changes: { stopPrice: 91 } });
    expect(readModify(stop, { quantity: '10', limitPrice: '', stopPrice: '0' })).toEqual({ ok: false, issue: 'stop price: a number above 0' });
    const market = { ...order, type: 'MARKET' as const, limitPrice: null };
    expect(readModify(market, { quantity: '12', limitPrice: '', stopPrice: '' })).toEqual({ ok: true, changes: { quantity: 12 } });
  });

  it('describes the changes for a confirmation', () => {
    expect(describeChanges({ limitPrice: 98.25, quantity: 20 })).toBe('quantity 20, limit 98.25');
    expect(describeChanges({ stopPrice: 91 })).toBe('stop 91');
  });
});
