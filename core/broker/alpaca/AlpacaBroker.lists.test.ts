import { afterEach, describe, expect, it } from 'vitest';
import type { OrderListRequest, OrderRequest } from '../../domain/index';
import { eventually, settled, startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const req = (r: Partial<OrderRequest>): OrderRequest => ({ instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, timeInForce: 'GTC', ...r });

/** The rig's AAA trades 99..101 each bar: an entry at 99.5 rests, then fills on the next bar. */
const bracket = (entry: Partial<OrderRequest> = {}): Extract<OrderListRequest, { kind: 'BRACKET' }> => ({
  kind: 'BRACKET',
  entry: req({ side: 'BUY', limitPrice: 99.5, ...entry }),
  takeProfit: req({ limitPrice: 120 }),
  stopLoss: req({ type: 'STOP', stopPrice: 80 }),
});

const statuses = (r: AlpacaRig, ids: string[]) => ids.map((id) => r.broker.getOrderStatus(id)?.status);

describe('AlpacaBroker order lists', () => {
  it('sends an OTO as one order with its leg, which works once the parent fills', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrderList({ kind: 'OTO', parent: req({ side: 'BUY', type: 'MARKET', timeInForce: 'DAY' }), children: [req({ type: 'STOP', stopPrice: 80, timeInForce: 'DAY' })] });
    expect(ack.accepted).toBe(true);
    const [parent, child] = ack.orders.map((a) => a.orderId);
    rig.fake.step(1);
    await settled(rig);
    expect(statuses(rig, [parent, child])).toEqual(['FILLED', 'ACCEPTED']);
    const fakeOrders = rig.fake.state().orders;
    expect(fakeOrders).toHaveLength(2);
    expect(fakeOrders[0]).toMatchObject({ clientOrderId: ack.orders[0].clientOrderRef, orderClass: 'oto' });
    expect(fakeOrders[1]).toMatchObject({ parentId: fakeOrders[0].id, type: 'stop', status: 'new' });
    expect(rig.broker.getOpenOrders()[0].extras?.link).toEqual({ listId: ack.listId, kind: 'OTO', role: 'CHILD', parentId: parent });
  });

  it('links the legs by looking the entry up when the answer to its POST was lost, sending nothing twice', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.loseNextOrderResponse();
    const ack = rig.broker.submitOrderList(bracket());
    const ids = ack.orders.map((a) => a.orderId);
    await settled(rig);
    expect(statuses(rig, ids)).toEqual(['ACCEPTED', 'SUBMITTED', 'SUBMITTED']);
    expect(rig.log.some((l) => /fate is unknown until Alpaca is asked/.test(l.text))).toBe(true);
    expect(rig.fake.state().orders).toHaveLength(3);
    rig.fake.step(1);
    await settled(rig);
    expect(statuses(rig, ids)).toEqual(['FILLED', 'ACCEPTED', 'ACCEPTED']);
  });

  it('picks a bracket up again after a restart, legs released while the app was away included', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrderList(bracket());
    const ids = ack.orders.map((a) => a.orderId);
    await settled(rig);
    rig.broker.disconnect();
    rig.fake.step(1); // the entry fills, its legs go to work
    const again = rig.reopen();
    expect(ids.map((id) => again.getOrderStatus(id)?.status)).toEqual(['ACCEPTED', 'SUBMITTED', 'SUBMITTED']);
    await again.connect(rig.target());
    await settled(rig, again);
    expect(ids.map((id) => again.getOrderStatus(id)?.status)).toEqual(['FILLED', 'ACCEPTED', 'ACCEPTED']);
    expect(again.lastReconciliation()).toMatchObject({ fills: [expect.objectContaining({ orderId: ids[0], quantity: 10 })], unknownOrders: [], externalOrders: [] });
    expect(again.getOpenOrders().map((o) => o.extras?.link?.role)).toEqual(['TAKE_PROFIT', 'STOP_LOSS']);
  });

  it('finds legs it never linked (the app stopped before the answer) among the entry\'s legs at Alpaca', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrderList(bracket());
    await settled(rig);
    rig.broker.disconnect();
    const legRefs = ack.orders.slice(1).map((a) => a.clientOrderRef);
    rig.db.prepare('UPDATE alpaca_orders SET alpaca_order_id = NULL WHERE client_order_ref IN (?, ?)').run(...legRefs);
    const again = rig.reopen();
    await again.connect(rig.target());
    await settled(rig, again);
    const legs = rig.fake.state().orders.filter((o) => o.parentId !== null).map((o) => o.id);
    const linked = rig.db.prepare('SELECT alpaca_order_id AS id FROM alpaca_orders WHERE client_order_ref IN (?, ?)').all(...legRefs) as { id: string }[];
    expect(linked.map((r) => r.id).sort()).toEqual(legs.sort());
    expect(again.lastReconciliation()).toMatchObject({ unknownOrders: [], externalOrders: [] });
  });

  it('cancels one exit at the trader\'s request; the entry withdrawn while queued takes its legs along', async () => {
    rig = await startAlpacaRig();
    const working = rig.broker.submitOrderList(bracket({ type: 'MARKET', limitPrice: undefined, timeInForce: 'DAY' }));
    const [, tp, sl] = working.orders.map((a) => a.orderId);
    rig.fake.step(1);
    await settled(rig);
    expect(rig.broker.cancelOrder(tp).accepted).toBe(true);
    const r = rig;
    await eventually(() => r.broker.getOrderStatus(tp)?.status === 'CANCELLED', 'the take-profit to be cancelled', 10_000);
    expect(rig.broker.getOrderStatus(tp)?.statusReason).toBe('cancelled at the trader\'s request');
    expect(rig.broker.getOrderStatus(sl)?.status).toBe('ACCEPTED');
    const queued = rig.broker.submitOrderList(bracket());
    expect(rig.broker.cancelOrder(queued.orders[0].orderId).accepted).toBe(true);
    expect(queued.orders.map((a) => rig?.broker.getOrderStatus(a.orderId)?.statusReason)).toEqual(Array(3).fill(expect.stringMatching(/withdrawn while queued/)));
    await settled(rig);
    expect(rig.fake.state().orders).toHaveLength(3);
  });

  it('refuses whole what Alpaca\'s order classes cannot carry, naming why', async () => {
    rig = await startAlpacaRig();
    const oco = rig.broker.submitOrderList({ kind: 'OCO', orders: [req({ limitPrice: 120 }), req({ type: 'STOP', stopPrice: 80 })] });
    expect(oco).toMatchObject({ accepted: false, reason: expect.stringMatching(/OCO closes a position: SELL 10 AAA needs a long position of at least 10, held 0/) });
    const trailing = rig.broker.submitOrderList({ ...bracket(), stopLoss: req({ type: 'TRAILING_STOP', trail: { percent: 5 } }) });
    expect(trailing.reason).toMatch(/no trailing stop-loss/);
    expect([...oco.orders, ...trailing.orders].map((a) => rig?.broker.getOrderStatus(a.orderId)?.status)).toEqual(Array(5).fill('REJECTED'));
    const dup = rig.broker.submitOrderList({ kind: 'OTO', parent: req({ side: 'BUY', clientOrderRef: 'same' }), children: [req({ type: 'STOP', stopPrice: 80, clientOrderRef: 'same' })] });
    expect(dup.reason).toBe('duplicate client order ref same');
    await settled(rig);
    expect(rig.fake.state().orders).toEqual([]);
  });
});
