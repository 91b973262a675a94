import { describe, expect, it } from 'vitest';
import { AlpacaApiError } from '../wire/apiError';
import { parseOrderSpec, parseReplaceSpec } from './orderSpec';

const base = { symbol: 'aapl', side: 'buy', type: 'market', time_in_force: 'day', qty: '2' };

function refusal(body: unknown, parse: (b: unknown) => unknown = parseOrderSpec): string {
  try {
    parse(body);
  } catch (err) {
    if (err instanceof AlpacaApiError) return `${err.status} ${err.code} ${err.message}`;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseOrderSpec', () => {
  it('reads amounts given as strings or numbers, upper-cases the symbol, treats "" as a simple order', () => {
    expect(parseOrderSpec({ ...base, order_class: '', extended_hours: null })).toMatchObject({ symbol: 'AAPL', qty: 2, orderClass: 'simple', extendedHours: false });
    expect(parseOrderSpec({ ...base, type: 'limit', limit_price: 101.25 }).limitPrice).toBe(101.25);
  });

  it('gives an OCO its take-profit as limit price when the body leaves it out', () => {
    const s = parseOrderSpec({ ...base, side: 'sell', type: 'limit', order_class: 'oco', take_profit: { limit_price: '120' }, stop_loss: { stop_price: '90' } });
    expect(s.limitPrice).toBe(120);
  });

  it('refuses what Alpaca refuses, naming the field', () => {
    expect(refusal(null)).toMatch(/^422 40010001 \S/);
    expect(refusal({ ...base, side: 'hold' })).toMatch(/^422 40010001 side: /);
    expect(refusal({ ...base, qty: '-1' })).toBe('422 40010001 qty must be > 0');
    expect(refusal({ ...base, notional: 100 })).toBe('422 40010001 only one of qty or notional may be given');
    expect(refusal({ ...base, qty: undefined, notional: 100, type: 'limit', limit_price: 1 })).toBe('422 40010001 notional orders are only supported for market orders');
    expect(refusal({ ...base, type: 'trailing_stop', trail_price: 1, trail_percent: 1 })).toBe('422 40010001 trailing_stop orders need exactly one of trail_price or trail_percent');
    expect(refusal({ ...base, type: 'trailing_stop', trail_percent: 150 })).toBe('422 40010001 trail_percent must be < 100');
    expect(refusal({ ...base, type: 'trailing_stop', trail_price: 1, time_in_force: 'ioc' })).toBe('422 40010001 trailing_stop orders must be day or gtc');
    expect(refusal({ ...base, stop_price: 5 })).toBe('422 40010001 stop_price must not be given for market orders');
    expect(refusal({ ...base, extended_hours: true })).toBe('422 40010001 extended hours orders must be DAY limit orders');
    expect(refusal({ ...base, take_profit: { limit_price: 5 } })).toBe('422 40010001 take_profit and stop_loss need order_class bracket, oco or oto');
    expect(refusal({ ...base, order_class: 'bracket', take_profit: { limit_price: 5 } })).toBe('422 40010001 bracket orders need both take_profit and stop_loss');
    expect(refusal({ ...base, order_class: 'oto', take_profit: { limit_price: 5 }, stop_loss: { stop_price: 1 } })).toBe('422 40010001 oto orders need exactly one of take_profit or stop_loss');
    expect(refusal({ ...base, order_class: 'oto', stop_loss: { stop_price: 1 }, time_in_force: 'ioc' })).toBe('422 40010001 oto orders must be day or gtc');
    expect(refusal({ ...base, type: 'limit', limit_price: 5, order_class: 'oco', take_profit: { limit_price: 6 }, stop_loss: { stop_price: 1 } })).toBe(
      '422 40010001 oco orders: limit_price must equal take_profit.limit_price',
    );
    expect(refusal({ ...base, client_order_id: 'x'.repeat(129) })).toBe('422 40010001 client_order_id: client_order_id must be no more than 128 characters');
  });
});

describe('parseReplaceSpec', () => {
  it('takes any subset of the replaceable fields, and refuses an empty one', () => {
    expect(parseReplaceSpec({ limit_price: '10.5' })).toMatchObject({ limitPrice: 10.5, qty: null });
    expect(refusal({}, parseReplaceSpec)).toBe('422 40010001 nothing to replace: give qty, time_in_force, limit_price, stop_price, trail or client_order_id');
    expect(refusal({ qty: 0 }, parseReplaceSpec)).toBe('422 40010001 qty must be > 0');
  });
});
