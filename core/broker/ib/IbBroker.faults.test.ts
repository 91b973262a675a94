import { afterEach, describe, expect, it } from 'vitest';
import { DIP_BAR, START_BAR, decodeErrors, eventually, settled, recordEvents, startRig, type IbRig } from './testing/ibRig';
import type { IbConnectionStatus, Quote } from './types';

/**
 * Every fault of the fake TWS (issue 4, section 3), each ending with the same checks: no order twice
 * at the fake, no fill lost or doubled, and a store that matches the fake after reconciliation.
 */

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});


function states(r: IbRig): IbConnectionStatus[] {
  const seen: IbConnectionStatus[] = [];
  r.broker.onConnectionState((s) => seen.push(s));
  return seen;
}

const ready = (r: IbRig) => eventually(() => r.broker.connectionState.state === 'ready', 'the connection to be ready again');
const market = (instrument: string, quantity: number, side: 'BUY' | 'SELL' = 'BUY') =>
  ({ instrument, side, type: 'MARKET', quantity, timeInForce: 'DAY' }) as const;

/**
 * Proves no order reached the fake: a full reconciliation is a round trip on the same socket, so any
 * order the adapter sent (or queued in the client's pacing) before it has reached the fake when it
 * ends; a market order fills there on arrival, and the bar after, any other order that could.
 */
async function nothingSentAfterAll(r: IbRig): Promise<void> {
  await r.broker.sync();
  r.tws.step(1);
  await r.broker.sync();
  expect(r.tws.snapshot().orders).toEqual([]);
  expect(r.tws.snapshot().executions).toEqual([]);
  expect(r.broker.getFills()).toEqual([]);
}

async function consistent(r: IbRig): Promise<void> {
  await settled(r);
  expect(decodeErrors(r)).toEqual([]);
}

describe('IbBroker faults: the connection drops mid-order', () => {
  it('marks an order TWS never received as unknown and never re-sends it', async () => {
    rig = await startRig();
    const seen = states(rig);
    rig.tws.faults.dropOnNextOrder('unseen');
    const ack = rig.broker.submitOrder(market('AAA', 10));
    expect(ack.accepted).toBe(true);
    await eventually(() => seen.some((s) => s.state === 'reconnecting'), 'the drop to be noticed');
    await ready(rig);
    expect(rig.broker.unknownOrders().map((o) => o.id)).toEqual([ack.orderId]);
    expect(rig.broker.lastReconciliation()?.unknownOrders).toEqual([ack.orderId]);
    expect(rig.db.prepare("SELECT count(*) AS n FROM executed_actions WHERE action = 'IB_ORDER_UNKNOWN'").get()).toEqual({ n: 1 });
    await nothingSentAfterAll(rig);
    await consistent(rig);
    expect(rig.broker.dismissUnknownOrder(ack.orderId).accepted).toBe(true);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('CANCELLED');
    expect(rig.broker.unknownOrders()).toEqual([]);
    // Still nothing re-sent after another reconnect.
    rig.tws.faults.dropConnections();
    await eventually(() => rig?.broker.connectionState.state !== 'ready', 'the second drop');
    await ready(rig);
    await nothingSentAfterAll(rig);
  });

  it('resolves an order TWS took just before the drop by its ref: filled once, fill and commission kept', async () => {
    rig = await startRig();
    const events = recordEvents(rig);
    rig.tws.faults.dropOnNextOrder('beforeAck');
    const ack = rig.broker.submitOrder(market('AAA', 10));
    await eventually(() => rig?.broker.connectionState.state === 'reconnecting', 'the drop');
    await ready(rig);
    await consistent(rig);
    expect(rig.tws.snapshot().orders).toHaveLength(1);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
    expect(rig.broker.getFills()).toEqual([expect.objectContaining({ orderId: ack.orderId, quantity: 10, commission: 1 })]);
    expect(rig.broker.unknownOrders()).toEqual([]);
    expect(events.filter((e) => e.type === 'OrderFilled')).toHaveLength(1);
  });

  it('keeps an acknowledged order and its fill when the drop comes right after the acknowledgement', async () => {
    rig = await startRig();
    rig.tws.faults.dropOnNextOrder('afterAck');
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 93, timeInForce: 'GTC' });
    await eventually(() => rig?.broker.connectionState.state === 'reconnecting', 'the drop');
    await ready(rig);
    await consistent(rig);
    rig.tws.step(DIP_BAR - START_BAR);
    await consistent(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: 93 });
    expect(rig.tws.snapshot().orders).toHaveLength(1);
  });
});

describe('IbBroker faults: TWS restarts', () => {
  it('survives a restart with nextValidId rolled back: new ids stay above the old ones', async () => {
    rig = await startRig();
    const seen = states(rig);
    rig.broker.submitOrder(market('AAA', 1));
    rig.broker.submitOrder(market('BBB', 2));
    await consistent(rig);
    await rig.tws.faults.restart({ rollBackNextValidId: 1 });
    await eventually(() => seen.some((s) => s.state === 'reconnecting'), 'the restart to be noticed');
    await ready(rig);
    expect(rig.broker.submitOrder(market('AAA', 3)).accepted).toBe(true);
    await consistent(rig);
    expect(rig.tws.snapshot().orders.map((o) => o.orderId)).toEqual([1, 2, 3]);
  });

  it('keeps retrying while the port refuses connections (the nightly restart), then reconciles', async () => {
    rig = await startRig();
    const seen = states(rig);
    const working = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 94, timeInForce: 'GTC' });
    await consistent(rig);
    const back = rig.tws.faults.restart({ downMs: 300 });
    await eventually(() => seen.some((s) => s.state === 'reconnecting' && s.code === 502), 'refused connections to be reported (502)');
    expect(rig.broker.submitOrder(market('AAA', 1))).toMatchObject({ accepted: false, reason: expect.stringMatching(/not connected/) });
    await back;
    rig.tws.step(DIP_BAR - START_BAR);
    await ready(rig);
    await consistent(rig);
    expect(rig.broker.getOrderStatus(working.orderId)?.status).toBe('FILLED');
    expect(rig.tws.snapshot().orders).toHaveLength(1);
  });
});

describe('IbBroker faults: IB connectivity lost with the socket open', () => {
  it('is degraded on 1100, refuses orders, and is ready again after 1102 and a reconciliation', async () => {
    rig = await startRig();
    rig.tws.faults.connectivityLost();
    await eventually(() => rig?.broker.connectionState.state === 'degraded', 'degraded');
    expect(rig.broker.connectionState.code).toBe(1100);
    expect(rig.broker.submitOrder(market('AAA', 1))).toMatchObject({ accepted: false, reason: expect.stringMatching(/degraded/) });
    rig.tws.faults.connectivityRestored(false);
    await ready(rig);
    expect(rig.broker.lastReconciliation()?.trigger).toBe('restored');
    expect(rig.broker.submitOrder(market('AAA', 1)).accepted).toBe(true);
    await consistent(rig);
    expect(rig.tws.clientCount()).toBe(1);
  });

  it('renews quotes and account updates after 1101 (data lost)', async () => {
    rig = await startRig();
    const quotes: Quote[] = [];
    rig.broker.subscribeQuotes('AAA', (q) => quotes.push(q));
    await eventually(() => quotes.length > 0, 'a first quote');
    rig.tws.faults.connectivityLost();
    await eventually(() => rig?.broker.connectionState.state === 'degraded', 'degraded');
    rig.tws.faults.connectivityRestored(true);
    await ready(rig);
    const before = quotes.length;
    rig.tws.step(DIP_BAR - START_BAR);
    await eventually(() => quotes.length > before, 'quotes after the restore');
    rig.broker.submitOrder(market('BBB', 4));
    await consistent(rig);
  });
});

describe('IbBroker faults: client id in use', () => {
  it('reports 326 clearly, retries with the same id, and gets through', async () => {
    rig = await startRig({ connect: false });
    const seen = states(rig);
    rig.tws.faults.clientIdInUse(rig.clientId);
    await rig.broker.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    const inUse = seen.find((s) => s.code === 326);
    expect(inUse).toMatchObject({ state: 'reconnecting', reason: expect.stringMatching(/client id 7 is already in use/) });
    expect(rig.log).toContainEqual(expect.objectContaining({ code: 326 }));
    await rig.broker.qualifyInstrument('AAA');
    rig.broker.submitOrder(market('AAA', 1));
    await consistent(rig);
  });
});

describe('IbBroker faults: unusual fill reporting', () => {
  it('fills orders from executions alone when TWS sends no orderStatus', async () => {
    rig = await startRig();
    rig.tws.faults.fillsWithoutOrderStatus(true);
    const mkt = rig.broker.submitOrder(market('AAA', 10));
    const lmt = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 95, timeInForce: 'GTC' });
    await consistent(rig);
    rig.tws.step(DIP_BAR - START_BAR);
    await consistent(rig);
    expect(rig.broker.getOrderStatuses([mkt.orderId, lmt.orderId]).map((s) => s?.status)).toEqual(['FILLED', 'FILLED']);
  });

  it('counts a duplicated execution and commission report once', async () => {
    rig = await startRig();
    rig.tws.faults.duplicateExecDetails(true);
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrder(market('BBB', 10));
    await consistent(rig);
    expect(rig.broker.getFills()).toHaveLength(1);
    expect(rig.broker.getOrderStatus(ack.orderId)?.filledQuantity).toBe(10);
    expect(rig.broker.getOpenOrders()).toEqual([]);
    expect(rig.broker.getAccountState().commissions).toBe(1);
    expect(events.filter((e) => e.type === 'OrderFilled')).toHaveLength(1);
  });

  it('rejects an order TWS refuses (201) after acknowledging it', async () => {
    rig = await startRig();
    const events = recordEvents(rig);
    rig.tws.faults.rejectNextOrder(201, 'Order rejected - reason:insufficient margin');
    const ack = rig.broker.submitOrder(market('AAA', 10));
    await consistent(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'REJECTED', statusReason: expect.stringMatching(/201/) });
    expect(events.filter((e) => e.type !== 'AccountChanged').map((e) => e.type)).toEqual(['OrderSubmitted', 'OrderAccepted', 'OrderRejected']);
  });
});

describe('IbBroker faults: broken messages and sockets', () => {
  it('survives the error message whose JSON throws inside the client library, and still acts on its code', async () => {
    rig = await startRig();
    rig.tws.faults.sendMalformedError();
    await eventually(() => rig?.log.some((e) => /could not decode/.test(e.text)), 'the decode failure to be logged');
    expect(rig.broker.connectionState.state).toBe('ready');
    const ack = rig.broker.submitOrder(market('AAA', 2));
    await consistent(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('FILLED');
  });

  it('drops a half-open connection found by the heartbeat, and resolves the order sent into it', async () => {
    rig = await startRig({ broker: { heartbeatMs: 150 } });
    const seen = states(rig);
    rig.tws.faults.halfOpen();
    const lost = rig.broker.submitOrder(market('AAA', 3));
    expect(lost.accepted).toBe(true);
    await eventually(() => seen.some((s) => s.state === 'reconnecting' && /half-open/.test(s.reason ?? '')), 'the heartbeat to give up', 5_000);
    await ready(rig);
    expect(rig.broker.unknownOrders().map((o) => o.id)).toEqual([lost.orderId]);
    expect(rig.tws.snapshot().orders).toEqual([]);
    rig.broker.submitOrder(market('AAA', 1));
    await consistent(rig);
  });
});
