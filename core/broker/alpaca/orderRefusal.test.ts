import { describe, expect, it } from 'vitest';
import { newOrder } from '../../domain/newOrder';
import type { OrderRequest } from '../../domain/order';
import { alpacaRefusal } from './orderRefusal';

const order = (r: Partial<OrderRequest>) =>
  newOrder('o1', 'ref-1', { instrument: 'AAPL', side: 'SELL', type: 'MARKET', quantity: 10, timeInForce: 'DAY', ...r }, 'PAPER', 0);

describe('alpacaRefusal', () => {
  it('takes fractional quantities only as DAY orders on fractionable assets', () => {
    expect(alpacaRefusal(order({ quantity: 2, timeInForce: 'GTC' }), false)).toBeNull();
    expect(alpacaRefusal(order({ quantity: 0.5 }), true)).toBeNull();
    expect(alpacaRefusal(order({ quantity: 0.5, timeInForce: 'GTC' }), true)).toMatch(/fractional.*DAY, not GTC/);
    expect(alpacaRefusal(order({ instrument: 'XYZ', quantity: 0.5 }), false)).toMatch(/XYZ is not fractionable/);
  });

  it('takes a trailing stop without an initial stop, DAY or GTC, in whole shares; no trailing stop-limit', () => {
    const trailing = (r: Partial<OrderRequest>) => order({ type: 'TRAILING_STOP', trail: { percent: 5 }, ...r });
    expect(alpacaRefusal(trailing({}), true)).toBeNull();
    expect(alpacaRefusal(trailing({ stopPrice: 95 }), true)).toMatch(/takes no initial stop price \(95\)/);
    expect(alpacaRefusal(trailing({ timeInForce: 'IOC' }), true)).toMatch(/DAY or GTC only, not IOC/);
    expect(alpacaRefusal(trailing({ quantity: 1.5 }), true)).toMatch(/no fractional trailing stops/);
    expect(alpacaRefusal(order({ type: 'TRAILING_STOP_LIMIT', trail: { amount: 1 }, limitOffset: 0.1 }), true)).toMatch(/Alpaca has no trailing stop-limit order/);
  });

  it('works icebergs as whole-share LIMIT slices that rest: DAY or GTC', () => {
    const iceberg = (r: Partial<OrderRequest>) => order({ type: 'LIMIT', limitPrice: 10, quantity: 20, displayQuantity: 5, ...r });
    expect(alpacaRefusal(iceberg({}), true)).toBeNull();
    expect(alpacaRefusal(iceberg({ type: 'STOP_LIMIT', stopPrice: 11 }), true)).toMatch(/LIMIT icebergs only, not STOP_LIMIT/);
    expect(alpacaRefusal(iceberg({ timeInForce: 'IOC' }), true)).toMatch(/DAY or GTC only, not IOC/);
    expect(alpacaRefusal(iceberg({ displayQuantity: 2.5 }), true)).toMatch(/whole shares/);
  });
});
