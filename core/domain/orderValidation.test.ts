import { describe, expect, it } from 'vitest';
import { ORDER_TYPES, SIDES, TIME_IN_FORCE } from './enums';
import type { OrderRequest } from './order';
import { invalidOrderReason } from './orderValidation';

const base: OrderRequest = { instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' };

describe('invalidOrderReason', () => {
  it('knows every side, order type and time in force of the domain enums', () => {
    for (const side of SIDES) expect(invalidOrderReason({ ...base, side }, true)).toBeNull();
    for (const timeInForce of TIME_IN_FORCE) expect(invalidOrderReason({ ...base, timeInForce }, true)).toBeNull();
    for (const type of ORDER_TYPES) {
      const trailing = type.startsWith('TRAILING');
      const terms = trailing
        ? { trail: { percent: 2 }, limitOffset: type === 'TRAILING_STOP_LIMIT' ? 0.1 : undefined }
        : { limitPrice: type.includes('LIMIT') ? 10 : undefined, stopPrice: type.includes('STOP') ? 11 : undefined };
      expect(invalidOrderReason({ ...base, type, ...terms }, true)).toBeNull();
    }
  });

  it('names what is wrong with a bad request', () => {
    expect(invalidOrderReason(base, false)).toBe('unknown instrument "AAA"');
    expect(invalidOrderReason({ ...base, side: 'HOLD' as never }, true)).toBe('side must be BUY or SELL, got "HOLD"');
    expect(invalidOrderReason({ ...base, quantity: -5 }, true)).toBe('quantity must be a positive number, got -5');
    expect(invalidOrderReason({ ...base, type: 'STOP' }, true)).toBe('STOP order needs a positive stop price');
    expect(invalidOrderReason({ ...base, limitPrice: 3 }, true)).toBe('MARKET order must not carry a limit price');
    expect(invalidOrderReason({ ...base, type: 'STOP', stopPrice: 2, timeInForce: 'AT_OPEN' }, true)).toBe(
      'AT_OPEN applies to market and limit orders only',
    );
  });

  it('checks a trailing order\'s trail, offset and initial stop, and an iceberg\'s display size', () => {
    const trailing: OrderRequest = { ...base, side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 1.5 } };
    expect(invalidOrderReason(trailing, true)).toBeNull();
    expect(invalidOrderReason({ ...trailing, stopPrice: 95 }, true)).toBeNull();
    expect(invalidOrderReason({ ...trailing, trail: undefined }, true)).toBe('TRAILING_STOP order needs a trail: an amount or a percent');
    expect(invalidOrderReason({ ...trailing, trail: { percent: 100 } }, true)).toBe('trail percent must be above 0 and below 100, got 100');
    expect(invalidOrderReason({ ...trailing, trail: { amount: 0 } }, true)).toBe('trail amount must be positive, got 0');
    expect(invalidOrderReason({ ...trailing, limitPrice: 90 }, true)).toBe('TRAILING_STOP order must not carry a limit price');
    expect(invalidOrderReason({ ...trailing, limitOffset: 0.5 }, true)).toBe('TRAILING_STOP order must not carry a limit offset');
    expect(invalidOrderReason({ ...trailing, stopPrice: -1 }, true)).toBe("TRAILING_STOP order's initial stop price must be positive");
    expect(invalidOrderReason({ ...trailing, type: 'TRAILING_STOP_LIMIT' }, true)).toBe(
      'TRAILING_STOP_LIMIT order needs a limit offset of 0 or more, got undefined',
    );
    expect(invalidOrderReason({ ...base, type: 'STOP', stopPrice: 5, trail: { amount: 1 } }, true)).toBe('STOP order must not carry a trail');
    expect(invalidOrderReason({ ...trailing, timeInForce: 'AT_CLOSE' }, true)).toBe('AT_CLOSE applies to market and limit orders only');
    const iceberg: OrderRequest = { ...base, type: 'LIMIT', limitPrice: 10, quantity: 100, displayQuantity: 10 };
    expect(invalidOrderReason(iceberg, true)).toBeNull();
    expect(invalidOrderReason({ ...iceberg, displayQuantity: 101 }, true)).toBe('display size must be positive and at most the quantity 100, got 101');
    expect(invalidOrderReason({ ...base, displayQuantity: 1 }, true)).toBe('a display size applies to limit orders, not MARKET');
  });
});
