import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../events';
import type { OrderRequest } from '../../domain/order';
import { DIP_BAR, START_BAR, decodeErrors, recordEvents, settled, startRig, type IbRig } from './testing/ibRig';

/**
 * Brackets, OTO and OCO lists, trailing stops and icebergs through IB (issue 11 §3), against the
 * fake TWS over the socket: AAA at 100 (99..101 each bar, 90 on the dip bar), exact fills.
 */

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const leg = (side: OrderRequest['side'], over: Partial<OrderRequest>): OrderRequest => ({
  instrument: 'AAA', side, type: 'LIMIT', quantity: 10, timeInForce: 'GTC', ...over,
});

async function step(r: IbRig, bars = 1): Promise<void> {
  for (let i = 0; i < bars; i++) {
    await settled(r);
    r.tws.step(1);
  }
  await settled(r);
}

async function hold(r: IbRig, qty: number): Promise<void> {
  r.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: qty, timeInForce: 'DAY' });
  await settled(r);
}

const statusOf = (r: IbRig, id: string): string | undefined => r.broker.getOrderStatus(id)?.status;
const typesOf = (events: BrokerEvent[], id: string): string[] =>
  events.filter((e) => e.type !== 'AccountChanged' && e.order.id === id).map((e) => e.type);

describe('IbBroker order lists', () => {
  it('keeps a bracket\'s exits SUBMITTED while TWS holds them, and accepts them after the entry\'s fill', async () => {
    rig = await startRig();
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrderList({
      kind: 'BRACKET',
      entry: leg('BUY', { limitPrice: 95 }),
      takeProfit: leg('SELL', { limitPrice: 120 }),
      stopLoss: leg('SELL', { type: 'STOP', stopPrice: 80 }),
    });
    const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
    await step(rig, DIP_BAR - START_BAR - 1);
    expect([entry, tp, sl].map((id) => statusOf(rig as IbRig, id))).toEqual(['ACCEPTED', 'SUBMITTED', 'SUBMITTED']);
    expect(rig.tws.snapshot().orders.map((o) => [o.status, o.held])).toEqual([['Submitted', false], ['PreSubmitted', true], ['PreSubmitted', true]]);
    await step(rig); // the dip to 90 fills the entry at 95
    expect([entry, tp, sl].map((id) => statusOf(rig as IbRig, id))).toEqual(['FILLED', 'ACCEPTED', 'ACCEPTED']);
    const order = events.map((e) => (e.type === 'AccountChanged' ? '' : `${e.order.id}:${e.type}`)).filter((e) => e !== '');
    expect(order.indexOf(`${tp}:OrderAccepted`)).toBeGreaterThan(order.indexOf(`${entry}:OrderFilled`));
    expect(typesOf(events, sl)).toEqual(['OrderSubmitted', 'OrderAccepted']);
    expect(rig.broker.getOpenOrders().map((o) => [o.id, o.extras?.link?.role, o.quantity])).toEqual([[tp, 'TAKE_PROFIT', 10], [sl, 'STOP_LOSS', 10]]);
    expect(decodeErrors(rig)).toEqual([]);
  });

  it('works an OTO\'s children independently once the parent fills', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrderList({
      kind: 'OTO',
      parent: leg('BUY', { type: 'MARKET', timeInForce: 'DAY' }),
      children: [leg('SELL', { quantity: 5, limitPrice: 101 }), leg('SELL', { quantity: 5, limitPrice: 101 })],
    });
    expect(ack.accepted).toBe(true);
    await step(rig); // the high of 101 fills both children
    expect(ack.orders.map((a) => statusOf(rig as IbRig, a.orderId))).toEqual(['FILLED', 'FILLED', 'FILLED']);
    expect(rig.broker.getPositions().find((p) => p.instrument === 'AAA')?.quantity ?? 0).toBe(0);
  });

  it('reduces the other orders of a reducing OCO by each fill of an iceberg, and cancels the one reduced to nothing', async () => {
    rig = await startRig();
    await hold(rig, 10);
    const ack = rig.broker.submitOrderList({
      kind: 'OCO',
      onFill: 'reduce',
      orders: [leg('SELL', { limitPrice: 100, displayQuantity: 4 }), leg('SELL', { type: 'STOP', stopPrice: 85 })],
    });
    const [limit, stop] = ack.orders.map((a) => a.orderId);
    await settled(rig); // marketable now: 4 of it
    const quantityOf = (id: string): number | undefined => rig?.broker.getOpenOrders().find((o) => o.id === id)?.quantity;
    expect([rig.broker.getOrderStatus(limit)?.filledQuantity, quantityOf(stop)]).toEqual([4, 6]);
    await step(rig);
    expect([rig.broker.getOrderStatus(limit)?.filledQuantity, quantityOf(stop)]).toEqual([8, 2]);
    await step(rig);
    expect([statusOf(rig, limit), statusOf(rig, stop)]).toEqual(['FILLED', 'CANCELLED']);
    expect(rig.broker.getFills().filter((f) => f.orderId === limit).map((f) => f.quantity)).toEqual([4, 4, 2]);
  });

  it('refuses a list whole when it cannot be sent, recording every member as REJECTED with its link', async () => {
    rig = await startRig({ connect: false });
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrderList({ kind: 'OCO', orders: [leg('SELL', { limitPrice: 110 }), leg('SELL', { type: 'STOP', stopPrice: 90 })] });
    expect(ack.accepted).toBe(false);
    expect(ack.reason).toMatch(/order 1: unknown instrument "AAA"/);
    expect(ack.orders.map((a) => statusOf(rig as IbRig, a.orderId))).toEqual(['REJECTED', 'REJECTED']);
    expect(events.map((e) => e.type)).toEqual(['OrderRejected', 'OrderRejected']);
    const stored = rig.db.prepare('SELECT status, extras FROM orders ORDER BY row').all() as { status: string; extras: string }[];
    expect(stored.map((r) => [r.status, JSON.parse(r.extras).link.listId])).toEqual([['REJECTED', ack.listId], ['REJECTED', ack.listId]]);
  });

  it('restores a list\'s links from the store after a restart', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrderList({
      kind: 'BRACKET',
      entry: leg('BUY', { limitPrice: 50 }),
      takeProfit: leg('SELL', { limitPrice: 120 }),
      stopLoss: leg('SELL', { type: 'TRAILING_STOP', trail: { percent: 10 } }),
    });
    await settled(rig);
    const restored = rig.reopen().getOpenOrders();
    expect(restored.map((o) => [o.id, o.extras?.link?.role, o.extras?.link?.parentId, o.extras?.link?.listId])).toEqual([
      [ack.orders[0].orderId, 'ENTRY', null, ack.listId],
      [ack.orders[1].orderId, 'TAKE_PROFIT', ack.orders[0].orderId, ack.listId],
      [ack.orders[2].orderId, 'STOP_LOSS', ack.orders[0].orderId, ack.listId],
    ]);
    expect(restored[2].extras?.trail).toEqual({ percent: 10 });
  });

  it('withdraws a whole chain when one of its orders is cancelled before the chain left, and cancels what TWS holds of it', async () => {
    // 50 messages a second: the library lets 5 go at once, then one every 100 ms.
    rig = await startRig({ broker: { maxReqPerSec: 50 } });
    // Each message sent while connecting gives its slot back 100 ms later: all 5 are free again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 4; i++) rig.broker.submitOrder(leg('BUY', { quantity: 1, limitPrice: 50 + i }));
    const ack = rig.broker.submitOrderList({
      kind: 'BRACKET',
      entry: leg('BUY', { limitPrice: 60 }),
      takeProfit: leg('SELL', { limitPrice: 120 }),
      stopLoss: leg('SELL', { type: 'STOP', stopPrice: 40 }),
    });
    const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
    const left = rig.db.prepare('SELECT i.left_at FROM orders o JOIN ib_orders i USING (client_order_ref) WHERE o.id = ?');
    expect([entry, tp].map((id) => (left.get(id) as { left_at: number | null }).left_at !== null)).toEqual([true, false]);
    expect(rig.broker.cancelOrder(tp)).toMatchObject({ accepted: true, reason: expect.stringMatching(/^withdrawn/) });
    await settled(rig);
    expect([entry, tp, sl].map((id) => rig?.broker.cancelOutcome(id).state)).toEqual(['confirmed', 'never_sent', 'never_sent']);
    expect([entry, tp, sl].map((id) => statusOf(rig as IbRig, id))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    // The entry had left: TWS held it untransmitted and dropped it on the cancel. Nothing of the chain ever worked.
    expect(rig.tws.snapshot().orders.map((o) => o.orderRef)).not.toContain(ack.orders[0].clientOrderRef);
    expect(rig.tws.snapshot().orders).toHaveLength(4);
  });
});

describe('IbBroker trailing orders', () => {
  it('reports the stop TWS trails, and changes the trail with modifyOrder', async () => {
    rig = await startRig();
    await hold(rig, 10);
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'SELL', type: 'TRAILING_STOP', quantity: 10, trail: { amount: 5 }, timeInForce: 'GTC' });
    await settled(rig);
    const working = () => rig?.broker.getOpenOrders().find((o) => o.id === ack.orderId);
    expect(working()).toMatchObject({ status: 'ACCEPTED', stopPrice: 95, extras: { trail: { amount: 5 } } });
    await step(rig); // high 101: 96
    expect(working()?.stopPrice).toBe(96);
    expect(rig.broker.modifyOrder(ack.orderId, { trail: { amount: 2 } }).accepted).toBe(true);
    await step(rig); // high 101: 99
    expect(working()).toMatchObject({ stopPrice: 99, extras: { trail: { amount: 2 } } });
    expect(rig.tws.snapshot().orders.at(-1)).toMatchObject({ orderType: 'TRAIL', auxPrice: 2, trailStopPrice: 99 });
    expect(rig.broker.modifyOrder(ack.orderId, { trail: { percent: 150 } })).toMatchObject({ accepted: false, reason: expect.stringMatching(/trail percent/) });
    expect(rig.broker.modifyOrder(ack.orderId, { limitPrice: 3 })).toMatchObject({ accepted: false, reason: expect.stringMatching(/must not carry a limit price/) });
    await step(rig); // the dip to 90 goes through 99: sold at the stop
    expect(statusOf(rig, ack.orderId)).toBe('FILLED');
    expect(rig.broker.getFills().at(-1)).toMatchObject({ orderId: ack.orderId, price: 99 });
  });
});
