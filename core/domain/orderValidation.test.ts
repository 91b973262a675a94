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
      const prices = { limitPrice: type.includes('LIMIT') ? 10 : undefined, stopPrice: type.includes('STOP') ? 11 : undefined };
      expect(invalidOrderReason({ ...base, type, ...prices }, true)).toBeNull();
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
});
