import { describe, expect, it } from 'vitest';
import { ibOrder, ibRefusal, stockContract } from './ibOrders';

const base = { side: 'BUY' as const, quantity: 10, limitPrice: null, stopPrice: null, timeInForce: 'DAY' as const, extras: null };

describe('ibOrder', () => {
  it('maps our order types to IB order types with only the prices they use', () => {
    expect(ibOrder({ ...base, type: 'MARKET' }, 'r', 'DU1')).toMatchObject({ action: 'BUY', orderType: 'MKT', lmtPrice: undefined, auxPrice: undefined, tif: 'DAY', orderRef: 'r', account: 'DU1', transmit: true });
    expect(ibOrder({ ...base, type: 'LIMIT', limitPrice: 9.5 }, 'r', 'DU1')).toMatchObject({ orderType: 'LMT', lmtPrice: 9.5 });
    expect(ibOrder({ ...base, type: 'STOP', stopPrice: 11 }, 'r', 'DU1')).toMatchObject({ orderType: 'STP', auxPrice: 11 });
    expect(ibOrder({ ...base, side: 'SELL', type: 'STOP_LIMIT', stopPrice: 11, limitPrice: 10.9, timeInForce: 'GTC' }, 'r', 'DU1')).toMatchObject({
      action: 'SELL',
      orderType: 'STP LMT',
      lmtPrice: 10.9,
      auxPrice: 11,
      tif: 'GTC',
    });
  });

  it('sends at-the-open as tif OPG and at-the-close as MOC or LOC', () => {
    expect(ibOrder({ ...base, type: 'MARKET', timeInForce: 'AT_OPEN' }, 'r', 'A')).toMatchObject({ orderType: 'MKT', tif: 'OPG' });
    expect(ibOrder({ ...base, type: 'MARKET', timeInForce: 'AT_CLOSE' }, 'r', 'A')).toMatchObject({ orderType: 'MOC', tif: 'DAY' });
    expect(ibOrder({ ...base, type: 'LIMIT', limitPrice: 5, timeInForce: 'AT_CLOSE' }, 'r', 'A')).toMatchObject({ orderType: 'LOC', lmtPrice: 5 });
  });

  it('sends a trailing stop as TRAIL: an amount as auxPrice, a percent as trailingPercent, the initial stop as trailStopPrice', () => {
    const amount = ibOrder({ ...base, side: 'SELL', type: 'TRAILING_STOP', stopPrice: 95, extras: { trail: { amount: 2.5 } } }, 'r', 'A');
    expect(amount).toMatchObject({ orderType: 'TRAIL', auxPrice: 2.5, trailingPercent: undefined, trailStopPrice: 95, lmtPriceOffset: undefined, lmtPrice: undefined });
    const percent = ibOrder({ ...base, side: 'SELL', type: 'TRAILING_STOP', extras: { trail: { percent: 5 } } }, 'r', 'A');
    expect(percent).toMatchObject({ orderType: 'TRAIL', auxPrice: undefined, trailingPercent: 5, trailStopPrice: undefined });
  });

  it('sends a trailing stop-limit as TRAIL LIMIT with its limit as lmtPriceOffset from the stop', () => {
    const o = ibOrder({ ...base, type: 'TRAILING_STOP_LIMIT', stopPrice: 105, extras: { trail: { amount: 1 }, limitOffset: 0.25 } }, 'r', 'A');
    expect(o).toMatchObject({ orderType: 'TRAIL LIMIT', auxPrice: 1, trailStopPrice: 105, lmtPriceOffset: 0.25, lmtPrice: undefined });
  });

  it('sends an iceberg\'s display quantity as displaySize', () => {
    expect(ibOrder({ ...base, type: 'LIMIT', quantity: 20, limitPrice: 9, extras: { displayQuantity: 5 } }, 'r', 'A')).toMatchObject({ displaySize: 5, totalQuantity: 20 });
    expect(ibOrder({ ...base, type: 'LIMIT', limitPrice: 9 }, 'r', 'A').displaySize).toBeUndefined();
  });

  it('places an order in a chain or an OCA group as asked, standalone and transmitted by default', () => {
    expect(ibOrder({ ...base, type: 'MARKET' }, 'r', 'A')).toMatchObject({ transmit: true, parentId: undefined, ocaGroup: undefined, ocaType: undefined });
    expect(ibOrder({ ...base, type: 'LIMIT', limitPrice: 9 }, 'r', 'A', { transmit: false, parentId: 41 })).toMatchObject({ transmit: false, parentId: 41 });
    expect(ibOrder({ ...base, type: 'LIMIT', limitPrice: 9 }, 'r', 'A', { transmit: true, ocaGroup: 'g', ocaType: 2 })).toMatchObject({ transmit: true, ocaGroup: 'g', ocaType: 2 });
  });

  it('routes stocks SMART by conId', () => {
    expect(stockContract({ symbol: 'AAA', conId: 42, currency: 'USD', primaryExchange: 'NASDAQ' })).toEqual({
      conId: 42,
      symbol: 'AAA',
      secType: 'STK',
      exchange: 'SMART',
      primaryExch: 'NASDAQ',
      currency: 'USD',
    });
  });
});

describe('ibRefusal', () => {
  it('refuses a fractional display size, which IB does not take', () => {
    expect(ibRefusal({ displayQuantity: 2.5 })).toMatch(/whole shares/);
    expect(ibRefusal({ displayQuantity: 5 })).toBeNull();
    expect(ibRefusal({})).toBeNull();
  });
});
