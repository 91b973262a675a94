import { afterEach, describe, expect, it } from 'vitest';
import type { Quote } from './types';
import { DIP_BAR, START_BAR, eventually, settled, startRig, type IbRig } from './testing/ibRig';

/** Paper and live fills are measured against the quote at submission, as backtest fills are (issue 14 §2). */

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface StoredFill {
  price: number;
  quantity: number;
  reference_price: number;
  slippage: number;
}

describe('IbBroker reference price and slippage', () => {
  it('records the ask at submission as a buy’s reference and the slippage against it, in the store too', async () => {
    rig = await startRig();
    let quote: Quote | null = null;
    rig.broker.subscribeQuotes('AAA', (q) => (quote = q));
    await eventually(() => quote?.ask != null, 'a quote with an ask');
    const ask = (quote as Quote | null)?.ask ?? 0;
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 93, timeInForce: 'GTC' });
    await settled(rig);
    rig.tws.step(DIP_BAR - START_BAR);
    await eventually(() => rig?.broker.getOrderStatus(ack.orderId)?.status === 'FILLED', 'the dip to fill the order');
    await settled(rig);
    const fill = rig.broker.getFills().find((f) => f.orderId === ack.orderId);
    expect(fill).toMatchObject({ price: 93, referencePrice: ask, slippage: (93 - ask) * 5 });
    expect(fill?.slippage).toBeLessThan(0);
    const stored = rig.db.prepare('SELECT price, quantity, reference_price, slippage FROM fills WHERE order_id = ?').all(ack.orderId) as StoredFill[];
    expect(stored).toEqual([{ price: 93, quantity: 5, reference_price: ask, slippage: (93 - ask) * 5 }]);
  });

  it('keeps the reference across a restart of the app, and without a quote the fill is its own reference', async () => {
    rig = await startRig();
    let quote: Quote | null = null;
    const stop = rig.broker.subscribeQuotes('AAA', (q) => (quote = q));
    await eventually(() => quote?.bid != null, 'a quote with a bid');
    const bid = (quote as Quote | null)?.bid ?? 0;
    rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    const sell = rig.broker.submitOrder({ instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: 150, timeInForce: 'GTC' });
    stop();
    const unquoted = rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 2, timeInForce: 'DAY' });
    await settled(rig);
    rig.broker.disconnect();
    const again = rig.reopen();
    await again.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    expect(again.modifyOrder(sell.orderId, { limitPrice: 99 }).accepted).toBe(true);
    await eventually(() => again.getFills().some((f) => f.orderId === sell.orderId), 'the sale to fill');
    const sold = again.getFills().find((f) => f.orderId === sell.orderId);
    expect(sold).toMatchObject({ referencePrice: bid, slippage: (bid - (sold?.price ?? 0)) * 10 });
    expect(again.getFills().find((f) => f.orderId === unquoted.orderId)).toMatchObject({ referencePrice: 50, slippage: 0 });
  });
});
