import { describe, expect, it } from 'vitest';
import { ibOrder, stockContract } from './ibOrders';

const base = { side: 'BUY' as const, quantity: 10, limitPrice: null, stopPrice: null, timeInForce: 'DAY' as const };

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
