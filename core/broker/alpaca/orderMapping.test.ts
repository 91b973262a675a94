import { describe, expect, it } from 'vitest';
import { newOrder } from '../../domain/newOrder';
import type { OrderRequest } from '../../domain/order';
import { alpacaOrderBody, decimalString, fillKey, statusTarget } from './orderMapping';

const order = (r: Partial<OrderRequest>) =>
  newOrder('o1', '0b6f0a52-4c55-4bb4-9e7e-0f1f0c6f6a11', { instrument: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY', ...r }, 'PAPER', 0);

describe('alpacaOrderBody', () => {
  it('maps every order type and time in force to Alpaca\'s spelling, under our client order ref', () => {
    expect(alpacaOrderBody(order({}))).toEqual({
      symbol: 'AAPL',
      qty: '10',
      side: 'buy',
      type: 'market',
      time_in_force: 'day',
      client_order_id: '0b6f0a52-4c55-4bb4-9e7e-0f1f0c6f6a11',
    });
    const sl = alpacaOrderBody(order({ side: 'SELL', type: 'STOP_LIMIT', stopPrice: 99.5, limitPrice: 99, timeInForce: 'GTC' }));
    expect(sl).toMatchObject({ side: 'sell', type: 'stop_limit', time_in_force: 'gtc', stop_price: '99.5', limit_price: '99' });
    const tifs = (['DAY', 'GTC', 'IOC', 'FOK', 'AT_OPEN', 'AT_CLOSE'] as const).map((tif) => alpacaOrderBody(order({ timeInForce: tif })).time_in_force);
    expect(tifs).toEqual(['day', 'gtc', 'ioc', 'fok', 'opg', 'cls']);
    expect(alpacaOrderBody(order({ type: 'STOP', stopPrice: 12 }))).toMatchObject({ type: 'stop', stop_price: '12' });
    expect(alpacaOrderBody(order({ type: 'LIMIT', limitPrice: 1.25 }))).not.toHaveProperty('stop_price');
  });

  it('sends a trailing stop\'s trail as trail_price or trail_percent, with no stop price', () => {
    const pct = alpacaOrderBody(order({ side: 'SELL', type: 'TRAILING_STOP', trail: { percent: 2.5 }, timeInForce: 'GTC' }));
    expect(pct).toEqual({ symbol: 'AAPL', qty: '10', side: 'sell', type: 'trailing_stop', time_in_force: 'gtc', trail_percent: '2.5', client_order_id: '0b6f0a52-4c55-4bb4-9e7e-0f1f0c6f6a11' });
    expect(alpacaOrderBody(order({ type: 'TRAILING_STOP', trail: { amount: 1.5 } }))).toMatchObject({ type: 'trailing_stop', trail_price: '1.5' });
    expect(() => alpacaOrderBody(order({ type: 'TRAILING_STOP_LIMIT', trail: { amount: 1 }, limitOffset: 0.5 }))).toThrow(/Alpaca has no trailing stop-limit/);
  });

  it('sends fractional quantities without float noise', () => {
    expect(decimalString(0.1 + 0.2)).toBe('0.3');
    expect(alpacaOrderBody(order({ quantity: 0.1 + 0.2 })).qty).toBe('0.3');
  });
});

describe('statusTarget', () => {
  it('maps working statuses to ACCEPTED and final ones with their reason', () => {
    for (const s of ['new', 'accepted', 'pending_new', 'partially_filled', 'pending_cancel', 'held']) expect(statusTarget(s, false)).toEqual({ status: 'ACCEPTED', reason: null });
    expect(statusTarget('canceled', true)).toEqual({ status: 'CANCELLED', reason: 'cancelled at the trader\'s request' });
    expect(statusTarget('canceled', false)?.reason).toBe('cancelled by Alpaca');
    expect(statusTarget('expired', false)).toEqual({ status: 'CANCELLED', reason: 'expired: its time in force ended' });
    expect(statusTarget('rejected', false)?.status).toBe('REJECTED');
    expect(statusTarget('replaced', false)).toBeNull();
  });
});

describe('fillKey', () => {
  it('names a fill by its order and the cumulative quantity, however the decimal was written', () => {
    expect(fillKey('abc', 10)).toBe('abc:10');
    expect(fillKey('abc', Number('10.000'))).toBe(fillKey('abc', 10));
    expect(fillKey('abc', 0.1 + 0.2)).toBe('abc:0.3');
  });
});
