import { afterEach, describe, expect, it } from 'vitest';
import { advancedOrderBody, advancedRefusal, type AdvancedOrderSpec } from './advancedOrders';
import { AlpacaRest } from './alpacaRest';
import { keyRedactor } from './redact';
import { startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

const common = { instrument: 'AAA', side: 'BUY' as const, quantity: 10, timeInForce: 'GTC' as const };
const bracket: AdvancedOrderSpec = { ...common, kind: 'bracket', entry: { type: 'LIMIT', limitPrice: 100 }, takeProfit: { limitPrice: 110 }, stopLoss: { stopPrice: 95, limitPrice: 94.5 } };

describe('advancedOrderBody', () => {
  it('writes each kind as Alpaca\'s order request', () => {
    expect(advancedOrderBody({ ...common, kind: 'trailing_stop', side: 'SELL', trail: { percent: 2.5 } }, 'r1')).toEqual({
      symbol: 'AAA', qty: '10', side: 'sell', time_in_force: 'gtc', client_order_id: 'r1', type: 'trailing_stop', trail_percent: '2.5',
    });
    expect(advancedOrderBody({ ...common, kind: 'trailing_stop', trail: { price: 1.5 } }, 'r1')).toMatchObject({ trail_price: '1.5' });
    expect(advancedOrderBody(bracket, 'r2')).toEqual({
      symbol: 'AAA', qty: '10', side: 'buy', time_in_force: 'gtc', client_order_id: 'r2', type: 'limit', limit_price: '100',
      order_class: 'bracket', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '95', limit_price: '94.5' },
    });
    expect(advancedOrderBody({ ...common, side: 'SELL', kind: 'oco', takeProfit: { limitPrice: 110 }, stopLoss: { stopPrice: 95 } }, 'r3')).toMatchObject({
      type: 'limit', limit_price: '110', order_class: 'oco', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '95' },
    });
    expect(advancedOrderBody({ ...common, kind: 'oto', entry: { type: 'MARKET' }, exit: { stopLoss: { stopPrice: 90 } } }, 'r4')).toEqual({
      symbol: 'AAA', qty: '10', side: 'buy', time_in_force: 'gtc', client_order_id: 'r4', type: 'market', order_class: 'oto', stop_loss: { stop_price: '90' },
    });
  });

  it('refuses what Alpaca would refuse, naming the field', () => {
    expect(advancedRefusal({ ...bracket, quantity: 1.5 })).toMatch(/whole quantity/);
    expect(advancedRefusal({ ...bracket, takeProfit: { limitPrice: 90 } })).toBe('the take-profit 90 must be above the stop-loss 95');
    expect(advancedRefusal({ ...bracket, side: 'SELL', takeProfit: { limitPrice: 90 }, stopLoss: { stopPrice: 95 } })).toBeNull();
    expect(advancedRefusal({ ...common, kind: 'trailing_stop', trail: { percent: 100 } })).toMatch(/below 100/);
    expect(advancedRefusal({ ...common, kind: 'oto', entry: { type: 'LIMIT', limitPrice: 0 }, exit: { takeProfit: { limitPrice: 1 } } })).toMatch(/entry needs a positive limit/);
    expect(() => advancedOrderBody({ ...bracket, stopLoss: { stopPrice: -1 } }, 'r')).toThrow(/bracket order for AAA: the stop-loss needs a positive stop price/);
  });
});

describe('advanced orders at the fake Alpaca', () => {
  let rig: AlpacaRig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it('are taken as requested, legs and trail included', async () => {
    rig = await startAlpacaRig({ connect: false });
    const rest = new AlpacaRest(rig.target(), { timeoutMs: 2_000, readAttempts: 1, backoff: { initialMs: 10, maxMs: 10, factor: 1, jitter: 0 }, rateLimit: false, redact: keyRedactor([]) });
    const b = await rest.placeOrder(advancedOrderBody(bracket, 'adv-1'));
    const t = await rest.placeOrder(advancedOrderBody({ ...common, instrument: 'BBB', kind: 'trailing_stop', trail: { price: 2 } }, 'adv-2'));
    expect(b).toMatchObject({ client_order_id: 'adv-1', type: 'limit', limit_price: 100 });
    expect(t).toMatchObject({ client_order_id: 'adv-2', type: 'trailing_stop' });
    const orders = rig.fake.state().orders;
    const parent = orders.find((o) => o.clientOrderId === 'adv-1');
    expect(parent).toMatchObject({ orderClass: 'bracket', qty: 10 });
    expect(orders.filter((o) => o.parentId === parent?.id).map((o) => [o.type, o.limitPrice, o.stopPrice]).sort()).toEqual([
      ['limit', 110, null],
      ['stop_limit', 94.5, 95],
    ]);
  });
});
