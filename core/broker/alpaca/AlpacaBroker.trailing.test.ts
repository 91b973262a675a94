import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../domain/order';
import { eventually, settled, startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const TRAILING: OrderRequest = { instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP', quantity: 10, trail: { percent: 5 }, timeInForce: 'GTC' };

/** Buys 10 AAA and lets it fill: the position the trailing stops below protect. */
async function hold(r: AlpacaRig): Promise<void> {
  r.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
  r.fake.step(1);
  await settled(r);
}

describe('AlpacaBroker trailing stops', () => {
  it('sends a trailing stop\'s trail, replaces it, and keeps it over a restart', async () => {
    rig = await startAlpacaRig();
    await hold(rig);
    const ack = rig.broker.submitOrder(TRAILING);
    await settled(rig);
    expect(rig.fake.state().orders.at(-1)).toMatchObject({ clientOrderId: ack.clientOrderRef, type: 'trailing_stop', stopPrice: 95, status: 'new' });
    expect(rig.broker.modifyOrder(ack.orderId, { trail: { amount: 2 } })).toMatchObject({ accepted: false, reason: expect.stringMatching(/keeps a trail's kind/) });
    expect(rig.broker.modifyOrder(ack.orderId, { trail: { percent: 8 } }).accepted).toBe(true);
    await settled(rig);
    expect(rig.fake.state().orders.at(-1)).toMatchObject({ type: 'trailing_stop', stopPrice: 92, replaces: expect.any(String), status: 'new' });
    expect(rig.broker.getOpenOrders()[0]).toMatchObject({ type: 'TRAILING_STOP', stopPrice: null, extras: { trail: { percent: 8 } } });
    rig.broker.disconnect();
    const again = rig.reopen();
    expect(again.getOpenOrders()[0].extras).toEqual({ trail: { percent: 8 } });
    await again.connect(rig.target());
    await settled(rig, again);
    expect(again.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
  });

  it('fills when the market falls through its trail', async () => {
    rig = await startAlpacaRig();
    await hold(rig);
    const ack = rig.broker.submitOrder({ ...TRAILING, trail: { amount: 0.5 } });
    await settled(rig);
    rig.fake.step(1); // the bar's low 99 goes through the stop at 99.5
    const r = rig;
    await eventually(() => r.broker.getOrderStatus(ack.orderId)?.status === 'FILLED', 'the trailing stop to fill', 10_000);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ filledQuantity: 10, avgFillPrice: 99.5 });
  });

  it('refuses what Alpaca has no trailing order for', async () => {
    rig = await startAlpacaRig();
    expect(rig.broker.submitOrder({ ...TRAILING, stopPrice: 97 }).reason).toMatch(/takes no initial stop price/);
    expect(rig.broker.submitOrder({ ...TRAILING, type: 'TRAILING_STOP_LIMIT', limitOffset: 0.5 }).reason).toMatch(/Alpaca has no trailing stop-limit order/);
    await settled(rig);
    expect(rig.fake.state().orders).toEqual([]);
  });
});
