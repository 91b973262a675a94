import { describe, expect, it } from 'vitest';
import { newOrder } from '../../domain/newOrder';
import { icebergChange, isIceberg, nextSliceQuantity, restoredSlice, sliceBody, sliceRef } from './iceberg';

const iceberg = () => newOrder('o1', 'ref', { instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 12, limitPrice: 99.5, displayQuantity: 5, timeInForce: 'GTC' }, 'PAPER', 0);

describe('iceberg slices', () => {
  it('names each slice by the order\'s ref and what filled before it, as a restart derives it again', () => {
    const o = iceberg();
    expect(isIceberg(o)).toBe(true);
    expect(sliceRef('ref', 0)).toBe('ref~0');
    o.filledQuantity = 5;
    expect(restoredSlice(o)).toEqual({ ref: 'ref~5', open: null, done: false });
  });

  it('sizes slices by the display size, the last by what remains, as limit orders under the slice\'s ref', () => {
    const o = iceberg();
    expect(nextSliceQuantity(o)).toBe(5);
    o.filledQuantity = 10;
    expect(nextSliceQuantity(o)).toBe(2);
    expect(sliceBody(o, 'ref~10', 2)).toEqual({ symbol: 'AAA', qty: '2', side: 'buy', type: 'limit', time_in_force: 'gtc', limit_price: '99.5', client_order_id: 'ref~10' });
  });

  it('sends a new limit to the live slice; shrinks it only when less than its open quantity remains', () => {
    const o = iceberg();
    o.filledQuantity = 5;
    const live = { ref: 'ref~5', open: 5, done: false };
    expect(icebergChange(o, live, { limitPrice: 100 })).toEqual({ patch: { limit_price: '100' } });
    expect(icebergChange(o, live, { quantity: 20 })).toEqual({ patch: null });
    expect(icebergChange(o, live, { quantity: 8 })).toEqual({ patch: { qty: '3' } });
    expect(icebergChange(o, { ...live, open: null }, { quantity: 8 })).toEqual({ refusal: expect.stringMatching(/not known yet/) });
    expect(icebergChange(o, live, { stopPrice: 1 })).toEqual({ refusal: expect.stringMatching(/only its quantity and limit price/) });
  });
});
