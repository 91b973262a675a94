import { describe, expect, it } from 'vitest';
import { changedRequest } from './changedRequest';
import { newOrder } from './newOrder';

describe('changedRequest', () => {
  it('carries the order\'s terms with the changes, each price only where the type has it', () => {
    const limit = newOrder('O1', 'r', { instrument: 'AAA', side: 'BUY', type: 'LIMIT', limitPrice: 10, quantity: 5, displayQuantity: 2, timeInForce: 'GTC' }, 'PAPER', 1);
    expect(changedRequest(limit, { quantity: 8 })).toEqual({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', limitPrice: 10, quantity: 8, displayQuantity: 2, timeInForce: 'GTC' });
    const tsl = newOrder('O2', 'r', { instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP_LIMIT', trail: { amount: 2 }, limitOffset: 0.5, quantity: 5, timeInForce: 'GTC' }, 'PAPER', 1);
    tsl.stopPrice = 98;
    tsl.limitPrice = 97.5;
    expect(changedRequest(tsl, { trail: { percent: 3 } })).toEqual({
      instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP_LIMIT', stopPrice: 98, trail: { percent: 3 }, limitOffset: 0.5, quantity: 5, timeInForce: 'GTC',
    });
  });
});
