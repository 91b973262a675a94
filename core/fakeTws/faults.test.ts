import { connect } from 'node:net';
import { BarSizeSetting, EventName, OrderAction, OrderType, WhatToShow, type Execution, type Order, type OrderState, type Contract } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

const h = useHarness();

const mkt = (qty: number, orderRef = `mkt-${qty}`): Order => ({ action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: qty, tif: 'GTC', transmit: true, orderRef });
const lmt = (price: number, orderRef = `lmt-${price}`): Order => ({ action: OrderAction.BUY, orderType: OrderType.LMT, lmtPrice: price, totalQuantity: 10, tif: 'GTC', transmit: true, orderRef });
const statuses = (c: TestClient): string[] => c.of(EventName.orderStatus).map((s) => s[1] as string);
const openRefs = (c: TestClient): string[] => (c.of(EventName.openOrder) as [number, Contract, Order, OrderState][]).map((o) => o[2].orderRef ?? '');

describe('fake TWS connection faults', () => {
  it('dropConnections closes every socket but keeps orders; a reconnecting client is told its working orders', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    c.api.placeOrder(1, stock('AAA'), lmt(90, 'keep-me'));
    await eventually(() => statuses(c).includes('Submitted'), 'ack');
    tws.faults.dropConnections();
    await eventually(() => c.disconnected(), 'client sees the drop');
    await eventually(() => tws.clientCount() === 0, 'server forgets the session');
    const again = await h.connect(7);
    expect(again.of(EventName.nextValidId)).toEqual([[2]]);
    await eventually(() => openRefs(again).includes('keep-me'), 'working order replayed after START_API');
    expect(tws.snapshot().orders).toMatchObject([{ orderRef: 'keep-me', status: 'Submitted' }]);
  });

  it('dropOnNextOrder("unseen") loses the order: nothing in the fake, nextValidId unchanged', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    tws.faults.dropOnNextOrder('unseen');
    c.api.placeOrder(1, stock('AAA'), mkt(10));
    await eventually(() => c.disconnected(), 'drop');
    expect(tws.snapshot().orders).toEqual([]);
    const again = await h.connect(7);
    expect(again.of(EventName.nextValidId)).toEqual([[1]]);
  });

  it('dropOnNextOrder("beforeAck") executes the order unseen by the client; reconciliation finds it', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    tws.faults.dropOnNextOrder('beforeAck');
    c.api.placeOrder(1, stock('AAA'), mkt(10, 'ghost'));
    await eventually(() => c.disconnected(), 'drop');
    expect(c.of(EventName.openOrder)).toEqual([]);
    expect(tws.snapshot().orders).toMatchObject([{ orderId: 1, orderRef: 'ghost', status: 'Filled' }]);
    const again = await h.connect(7);
    expect(again.of(EventName.nextValidId)).toEqual([[2]]);
    again.api.reqExecutions(500, {});
    await eventually(() => again.of(EventName.execDetailsEnd).length === 1, 'executions');
    const [[, , exec]] = again.of(EventName.execDetails) as [number, Contract, Execution][];
    expect(exec).toMatchObject({ orderRef: 'ghost', shares: 10, permId: tws.snapshot().orders[0].permId });
  });

  it('dropOnNextOrder("afterAck") closes the socket after the acknowledgement', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    tws.faults.dropOnNextOrder('afterAck');
    c.api.placeOrder(1, stock('AAA'), lmt(90, 'acked'));
    await eventually(() => c.disconnected(), 'drop');
    expect(openRefs(c)).toEqual(['acked']);
    expect(tws.snapshot().orders).toMatchObject([{ orderRef: 'acked', status: 'Submitted' }]);
  });

  it('restart keeps orders, rolls nextValidId back and can refuse connections for a while', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    for (let id = 1; id <= 4; id++) c.api.placeOrder(id, stock('AAA'), lmt(80 + id, `r${id}`));
    await eventually(() => tws.snapshot().orders.length === 4, 'four orders');
    const port = tws.port;
    const back = tws.faults.restart({ rollBackNextValidId: 3, downMs: 150 });
    await eventually(() => c.disconnected(), 'drop');
    const refused = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    await back;
    expect(tws.port).toBe(port);
    const again = await h.connect(7);
    expect(again.of(EventName.nextValidId)).toEqual([[3]]);
    await eventually(() => openRefs(again).length === 4, 'working orders replayed');
    expect(tws.snapshot().orders.map((o) => o.orderRef)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('connectivityLost/Restored send 1100 then 1102 or 1101 with the socket open; 1101 forgets subscriptions', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    c.api.reqMktData(1, stock('AAA'), '', false, false);
    await eventually(() => c.of(EventName.tickPrice).length > 0, 'ticks');
    await eventually(() => c.infos.length === 3, 'farm notices');
    tws.faults.connectivityLost();
    tws.faults.connectivityRestored(false);
    tws.faults.connectivityLost();
    tws.faults.connectivityRestored(true);
    await eventually(() => c.infos.filter((i) => i.code === 1101).length === 1, '1101');
    expect(c.infos.map((i) => i.code).filter((code) => code >= 1100 && code < 2000)).toEqual([1100, 1102, 1100, 1101]);
    expect(c.disconnected()).toBe(false);
    const n = c.of(EventName.tickPrice).length;
    tws.step();
    await roundTrip(c);
    expect(c.of(EventName.tickPrice)).toHaveLength(n);
  });

  it('clientIdInUse answers the next handshake with 326 and closes; a live duplicate id gets the same', async () => {
    const tws = await h.start();
    tws.faults.clientIdInUse(7);
    const refused = h.open(7);
    await eventually(() => refused.disconnected(), 'closed after 326');
    expect(refused.infos).toEqual([{ code: 326, id: -1, message: expect.stringContaining('client id is already in use') }]);
    expect(refused.of(EventName.nextValidId)).toEqual([]);
    await h.connect(7);
    const dup = h.open(7);
    await eventually(() => dup.disconnected(), 'duplicate closed');
    expect(dup.infos.map((i) => i.code)).toEqual([326]);
    expect(tws.clientCount()).toBe(1);
  });

  it('halfOpen keeps the socket but answers nothing; the session ends when the client closes', async () => {
    const tws = await h.start();
    const c = await h.connect(7);
    tws.faults.halfOpen();
    c.api.reqCurrentTime();
    const other = await h.connect(8);
    await roundTrip(other);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.of(EventName.currentTime)).toEqual([]);
    expect(c.disconnected()).toBe(false);
    expect(tws.clientCount()).toBe(2);
    c.close();
    await eventually(() => tws.clientCount() === 1, 'half-open session closed');
    await roundTrip(await h.connect(7));
  });
});

describe('fake TWS message faults', () => {
  it('fillsWithoutOrderStatus: fills arrive as execDetails and commissionReport only', async () => {
    const tws = await h.start();
    const c = await h.connect();
    tws.faults.fillsWithoutOrderStatus();
    c.api.placeOrder(1, stock('AAA'), mkt(10));
    await eventually(() => c.of(EventName.commissionReport).length === 1, 'commission report');
    await roundTrip(c);
    expect(statuses(c)).toEqual(['Submitted']);
    expect(c.of(EventName.execDetails)).toHaveLength(1);
    expect(tws.snapshot().orders[0].status).toBe('Filled');
  });

  it('duplicateExecDetails: every live execution and commission report arrives twice with one execId', async () => {
    const tws = await h.start();
    const c = await h.connect();
    tws.faults.duplicateExecDetails();
    c.api.placeOrder(1, stock('AAA'), mkt(10));
    await eventually(() => c.of(EventName.commissionReport).length === 2, 'two commission reports');
    const ids = (c.of(EventName.execDetails) as [number, Contract, Execution][]).map((e) => e[2].execId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(tws.snapshot().executions).toHaveLength(1);
  });

  it('rejectNextOrder: acknowledged, then error 201 and Inactive; the order after it is normal', async () => {
    const tws = await h.start();
    const c = await h.connect();
    tws.faults.rejectNextOrder();
    c.api.placeOrder(1, stock('AAA'), lmt(90));
    c.api.placeOrder(2, stock('AAA'), lmt(91));
    await eventually(() => c.of(EventName.orderStatus).length === 3, 'statuses');
    expect(c.of(EventName.orderStatus).map((s) => [s[0], s[1]])).toEqual([[1, 'Submitted'], [1, 'Inactive'], [2, 'Submitted']]);
    expect(c.errors).toMatchObject([{ id: 1, code: 201 }]);
    expect(tws.snapshot().orders.map((o) => o.status)).toEqual(['Inactive', 'Submitted']);
  });

  it('pacingViolationNext: the next historical request gets 162, the one after is served', async () => {
    const tws = await h.start();
    tws.step(2);
    const c = await h.connect();
    tws.faults.pacingViolationNext();
    const ask = (reqId: number): void => {
      c.api.reqHistoricalData(reqId, stock('AAA'), '', '1 M', BarSizeSetting.DAYS_ONE, WhatToShow.TRADES, 1, 1, false);
    };
    ask(41);
    ask(42);
    await eventually(() => c.of(EventName.historicalData).some((b) => b[0] === 42 && String(b[1]).startsWith('finished')), 'second answer');
    expect(c.errors).toMatchObject([{ id: 41, code: 162, message: expect.stringContaining('pacing violation') }]);
    expect(c.of(EventName.historicalData).filter((b) => b[0] === 41)).toEqual([]);
  });

  it('marketDataNotSubscribed: live types get 354, delayed types get 10167 and delayed ticks', async () => {
    const tws = await h.start();
    const c = await h.connect();
    tws.faults.marketDataNotSubscribed();
    c.api.reqMktData(51, stock('AAA'), '', false, false);
    await eventually(() => c.errors.length === 1, '354');
    c.api.reqMarketDataType(4);
    c.api.reqMktData(52, stock('AAA'), '', false, false);
    await eventually(() => c.of(EventName.tickPrice).some((t) => t[0] === 52 && t[1] === 68), 'delayed last');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[51, 354], [52, 10167]]);
    expect(c.of(EventName.tickPrice).filter((t) => t[0] === 51)).toEqual([]);
    expect(c.of(EventName.marketDataType)).toEqual([[52, 4]]);
  });
});
