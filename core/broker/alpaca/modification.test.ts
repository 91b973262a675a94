import { describe, expect, it } from 'vitest';
import { newOrder } from '../../domain/newOrder';
import type { OrderRequest } from '../../domain/order';
import type { AlpacaTracked } from './alpacaBook';
import { restoredSlice } from './iceberg';
import { modification, type Modification } from './modification';
import { NO_LINK } from './store/alpacaStore';

function tracked(r: Partial<OrderRequest>, alpacaOrderId: string | null = 'A1'): AlpacaTracked {
  const order = newOrder('o1', 'ref', { instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: 100, timeInForce: 'GTC', ...r }, 'PAPER', 0);
  order.status = 'ACCEPTED';
  const slice = order.extras?.displayQuantity === undefined ? null : { ...restoredSlice(order), open: 5 };
  return { order, link: { ...NO_LINK, alpacaOrderId }, alpacaIds: new Set(), cancelSent: false, cancel: null, successor: new Map(), slice };
}

const refusalOf = (m: Modification) => ('refusal' in m ? m.refusal : null);
const patchOf = (m: Modification) => ('refusal' in m ? undefined : m.patch);

describe('modification', () => {
  it('replaces a plain order\'s terms; its quantity goes as what is still to fill', () => {
    const t = tracked({});
    t.order.filledQuantity = 4;
    const m = modification(t, { quantity: 12, limitPrice: 101 });
    expect(patchOf(m)).toEqual({ qty: '8', limit_price: '101' });
    if (!('refusal' in m)) m.apply();
    expect(t.order).toMatchObject({ quantity: 12, limitPrice: 101 });
    expect(refusalOf(modification(t, { quantity: 4 }))).toMatch(/not above the 4 already filled/);
    expect(refusalOf(modification(tracked({}, null), { limitPrice: 1 }))).toBe('Alpaca has not acknowledged the order yet');
  });

  it('replaces a trailing stop\'s trail (of its kind), never its stop', () => {
    const t = tracked({ type: 'TRAILING_STOP', limitPrice: undefined, trail: { percent: 5 } });
    const m = modification(t, { trail: { percent: 8 } });
    expect(patchOf(m)).toEqual({ trail: '8' });
    if (!('refusal' in m)) m.apply();
    expect(t.order.extras?.trail).toEqual({ percent: 8 });
    expect(refusalOf(modification(t, { trail: { amount: 2 } }))).toMatch(/keeps a trail's kind: this trailing stop trails by a percent/);
    expect(refusalOf(modification(t, { stopPrice: 90 }))).toMatch(/change its trail instead/);
    expect(refusalOf(modification(t, { trail: { percent: 120 } }))).toMatch(/below 100/);
    expect(refusalOf(modification(tracked({}), { trail: { amount: 1 } }))).toMatch(/only a trailing stop has a trail/);
  });

  it('changes an iceberg\'s live slice, or only the slices to come', () => {
    const t = tracked({ quantity: 20, displayQuantity: 5 });
    expect(patchOf(modification(t, { limitPrice: 99 }))).toEqual({ limit_price: '99' });
    expect(patchOf(modification(t, { quantity: 30 }))).toBeNull();
    expect(patchOf(modification(t, { quantity: 8 }))).toBeNull();
    t.order.filledQuantity = 5;
    expect(patchOf(modification(t, { quantity: 7 }))).toEqual({ qty: '2' }); // 2 left, 5 open on the slice
    expect(refusalOf(modification(t, { quantity: 4 }))).toMatch(/not above the 5 already filled/);
    expect(refusalOf(modification(tracked({ quantity: 20, displayQuantity: 5 }, null), { limitPrice: 99 }))).toBe('Alpaca has not acknowledged the live slice yet');
  });
});
