import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../domain/order';
import { eventually, recordEvents, settled, startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** The rig's AAA trades 99..101 each bar: a buy at 99.5 rests, and each bar fills one slice. */
const ICEBERG: OrderRequest = { instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 12, limitPrice: 99.5, displayQuantity: 5, timeInForce: 'GTC' };

async function step(r: AlpacaRig, bars = 1): Promise<void> {
  for (let i = 0; i < bars; i++) {
    r.fake.step(1);
    await settled(r);
  }
}

const slicesAtFake = (r: AlpacaRig) => r.fake.state().orders.map((o) => [o.clientOrderId.replace(/^.*~/, '~'), o.qty, o.status]);

describe('AlpacaBroker icebergs', () => {
  it('works an iceberg at Alpaca as one display-sized limit order at a time, each fill a fill of ours', async () => {
    rig = await startAlpacaRig();
    const events = recordEvents(rig.broker);
    const ack = rig.broker.submitOrder(ICEBERG);
    await settled(rig);
    expect(slicesAtFake(rig)).toEqual([['~0', 5, 'new']]);
    await step(rig);
    expect(slicesAtFake(rig)).toEqual([['~0', 5, 'filled'], ['~5', 5, 'new']]);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 5 });
    await step(rig, 2);
    expect(slicesAtFake(rig)).toEqual([['~0', 5, 'filled'], ['~5', 5, 'filled'], ['~10', 2, 'filled']]);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 12, avgFillPrice: 99.5 });
    const fills = events.filter((e) => e.type === 'OrderPartiallyFilled' || e.type === 'OrderFilled').map((e) => ('fill' in e ? [e.fill.orderId, e.fill.quantity] : null));
    expect(fills).toEqual([[ack.orderId, 5], [ack.orderId, 5], [ack.orderId, 2]]);
    expect(rig.broker.getPositions()).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 12 })]);
  });

  it('loses no track over a restart: a slice that filled while the app was away is learnt, and the next goes', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrder(ICEBERG);
    await settled(rig);
    rig.broker.disconnect();
    rig.fake.step(1); // the first slice fills while the app is away
    const again = rig.reopen();
    expect(again.getOrderStatus(ack.orderId)).toMatchObject({ status: 'ACCEPTED', filledQuantity: 0 });
    await again.connect(rig.target());
    await settled(rig, again);
    expect(again.getOrderStatus(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 5 });
    expect(again.lastReconciliation()).toMatchObject({ unknownOrders: [], externalOrders: [], fills: [expect.objectContaining({ orderId: ack.orderId, quantity: 5 })] });
    expect(slicesAtFake(rig)).toEqual([['~0', 5, 'filled'], ['~5', 5, 'new']]);
    for (let i = 0; i < 2; i++) {
      rig.fake.step(1);
      await settled(rig, again);
    }
    expect(again.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 12 });
  });

  it('cancels its live slice, and ends with what filled', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrder(ICEBERG);
    await settled(rig);
    await step(rig);
    expect(rig.broker.cancelOrder(ack.orderId).accepted).toBe(true);
    const r = rig;
    await eventually(() => r.broker.getOrderStatus(ack.orderId)?.status === 'CANCELLED', 'the iceberg to be cancelled', 10_000);
    await step(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 5, statusReason: 'cancelled at the trader\'s request' });
    expect(slicesAtFake(rig)).toEqual([['~0', 5, 'filled'], ['~5', 5, 'canceled']]);
  });

  it('moves its live slice\'s price, and smaller totals shrink the slices to come', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrder(ICEBERG);
    await settled(rig);
    expect(rig.broker.modifyOrder(ack.orderId, { quantity: 8 }).accepted).toBe(true);
    expect(rig.broker.getOpenOrders()[0].quantity).toBe(8);
    expect(rig.broker.modifyOrder(ack.orderId, { limitPrice: 101 }).accepted).toBe(true);
    const r = rig;
    // 101 is marketable at 100: the replaced slice fills, and the last one (3) at once too.
    await eventually(() => r.broker.getOrderStatus(ack.orderId)?.status === 'FILLED', 'the iceberg to fill', 10_000);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ filledQuantity: 8, avgFillPrice: 100 });
    expect(rig.fake.state().orders.map((o) => [o.qty, o.limitPrice, o.status])).toEqual([
      [5, 99.5, 'replaced'],
      [5, 101, 'filled'],
      [3, 101, 'filled'],
    ]);
  });
});
