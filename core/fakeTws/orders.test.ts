import { EventName, OrderAction, OrderType, type Contract, type Execution, type Order, type OrderState } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

const h = useHarness();

type OpenOrderArgs = [number, Contract, Order, OrderState];
type ExecArgs = [number, Contract, Execution];
type StatusArgs = [number, string, number, number, number];

const order = (o: Partial<Order> & Pick<Order, 'orderType' | 'totalQuantity'>): Order => ({
  action: OrderAction.BUY,
  tif: 'GTC',
  transmit: true,
  orderRef: `ref-${o.orderType}-${o.totalQuantity}`,
  ...o,
});

const lastStatus = (c: TestClient, orderId: number): StatusArgs | undefined =>
  (c.of(EventName.orderStatus) as StatusArgs[]).filter((s) => s[0] === orderId).at(-1);

const waitStatus = (c: TestClient, orderId: number, status: string): Promise<StatusArgs> =>
  eventually(() => {
    const s = lastStatus(c, orderId);
    return s?.[1] === status ? s : undefined;
  }, `order ${orderId} ${status}`);

const execsOf = (c: TestClient, orderId: number): Execution[] =>
  (c.of(EventName.execDetails) as ExecArgs[]).filter((e) => e[2].orderId === orderId).map((e) => e[2]);

describe('fake TWS limit and stop orders', () => {
  it('a limit order waits and fills at its limit when a bar trades through it', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 97, totalQuantity: 100 }));
    await waitStatus(c, 1, 'Submitted');
    const [[, contract, decoded, state]] = c.of(EventName.openOrder) as OpenOrderArgs[];
    // Fields from the start, the middle and the end of the 140-field layout all land where they belong.
    expect(contract).toMatchObject({ symbol: 'AAA', secType: 'STK', exchange: 'SMART', currency: 'USD', conId: expect.any(Number) });
    expect(decoded).toMatchObject({
      orderId: 1, action: 'BUY', totalQuantity: 100, orderType: 'LMT', lmtPrice: 97, auxPrice: undefined, tif: 'GTC',
      account: 'DU1234567', orderRef: 'ref-LMT-100', clientId: 7, permId: h.tws.snapshot().orders[0].permId, outsideRth: false,
      displaySize: undefined, ocaType: 3, deltaNeutralOrderType: 'None', clearingIntent: 'IB', whatIf: false,
      adjustedOrderType: 'None', dontUseAutoPriceForHedge: true, duration: 2147483647, extOperator: '', manualOrderIndicator: undefined,
    });
    expect(state).toMatchObject({ status: 'Submitted', commission: undefined, warningText: '' });
    tws.step(); // low 98: not reached
    await roundTrip(c);
    expect(execsOf(c, 1)).toEqual([]);
    tws.step(); // low 95, opened at 99: a resting limit fills at 97
    const filled = await waitStatus(c, 1, 'Filled');
    expect(filled.slice(2, 5)).toEqual([100, 0, 97]);
    expect(execsOf(c, 1).map((e) => [e.shares, e.price])).toEqual([[100, 97]]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('a stop order waits PreSubmitted, then triggers and fills at the stop plus costs', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.STP, auxPrice: 103, totalQuantity: 50 }));
    await waitStatus(c, 1, 'PreSubmitted');
    tws.step(2); // highs 102 and 100
    await roundTrip(c);
    expect(lastStatus(c, 1)?.[1]).toBe('PreSubmitted');
    tws.step(); // high 105 crosses 103
    await waitStatus(c, 1, 'Filled');
    const [e] = execsOf(c, 1);
    expect(e.price).toBe(103.06); // 103 x 1.0006 = 103.0618, printed on the 0.01 tick
    expect(c.decodeErrors()).toEqual([]);
  });

  it('a stop-limit triggers, then waits for its limit', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.STP_LMT, auxPrice: 103, lmtPrice: 102, totalQuantity: 10 }));
    await waitStatus(c, 1, 'PreSubmitted');
    tws.step(3); // bar 3 trades through 103 but closes at 104, above the limit
    await waitStatus(c, 1, 'Submitted');
    tws.step(); // 103..106: the limit 102 is never offered
    await roundTrip(c);
    expect(execsOf(c, 1)).toEqual([]);
    expect(h.tws.snapshot().orders[0]).toMatchObject({ status: 'Submitted', filled: 0 });
  });
});

describe('fake TWS volume caps and time in force', () => {
  it('a market order larger than the participation cap fills partially over several bars', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: 250 }));
    const first = await eventually(() => {
      const s = lastStatus(c, 1);
      return s?.[2] === 100 ? s : undefined;
    }, 'first partial fill');
    expect(first.slice(1, 4)).toEqual(['Submitted', 100, 150]);
    tws.step();
    await eventually(() => lastStatus(c, 1)?.[2] === 200, 'second partial fill');
    tws.step();
    await waitStatus(c, 1, 'Filled');
    expect(execsOf(c, 1).map((e) => [e.shares, e.cumQty])).toEqual([[100, 100], [100, 200], [50, 250]]);
    expect(tws.snapshot().positions).toEqual([{ symbol: 'BBB', quantity: 250, avgCost: expect.any(Number) }]);
  });

  it('a DAY order works through one bar, then its remainder expires', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: 250, tif: 'DAY' }));
    await eventually(() => lastStatus(c, 1)?.[2] === 100, 'immediate partial fill');
    tws.step();
    const done = await waitStatus(c, 1, 'Cancelled');
    expect(done[2]).toBe(200);
  });

  it('IOC cancels what cannot fill now; FOK fills all or nothing', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 95, totalQuantity: 10, tif: 'IOC' }));
    c.api.placeOrder(2, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: 250, tif: 'FOK' }));
    c.api.placeOrder(3, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: 80, tif: 'FOK' }));
    await waitStatus(c, 1, 'Cancelled');
    await waitStatus(c, 2, 'Cancelled');
    await waitStatus(c, 3, 'Filled');
    expect(execsOf(c, 2)).toEqual([]);
    expect(execsOf(c, 3).map((e) => e.shares)).toEqual([80]);
  });
});

describe('fake TWS cancel, modify and refusals', () => {
  it('cancels a working order with 202, then refuses to cancel it again or an unknown id', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10 }));
    await waitStatus(c, 1, 'Submitted');
    c.api.cancelOrder(1);
    await waitStatus(c, 1, 'Cancelled');
    c.api.cancelOrder(1);
    c.api.cancelOrder(99);
    await eventually(() => c.errors.length >= 3, 'three order errors');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[1, 202], [1, 10148], [99, 10147]]);
    expect(h.tws.snapshot().orders[0]).toMatchObject({ status: 'Cancelled', remaining: 0 });
  });

  it('the same id on a working order modifies it; on a final order it is refused', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10 }));
    await waitStatus(c, 1, 'Submitted');
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 101, totalQuantity: 20 }));
    const filled = await waitStatus(c, 1, 'Filled');
    expect(filled[2]).toBe(20);
    expect(execsOf(c, 1)[0].price).toBeCloseTo(100 * 1.0006, 9);
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 101, totalQuantity: 30 }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 5 }));
    await waitStatus(c, 2, 'Submitted');
    c.api.cancelOrder(2);
    await waitStatus(c, 2, 'Cancelled');
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 5 }));
    await eventually(() => c.errors.some((e) => e.code === 103), 'duplicate id error');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[1, 104], [2, 202], [2, 103]]);
    expect(h.tws.snapshot().orders.map((o) => o.orderId)).toEqual([1, 2]);
  });

  it('refuses unknown contracts (200) and unsupported order types (387) without creating orders', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('NOPE'), order({ orderType: OrderType.MKT, totalQuantity: 1 }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.MIT, auxPrice: 1, totalQuantity: 1 }));
    c.api.placeOrder(3, stock('AAA'), order({ orderType: OrderType.LMT, totalQuantity: 1 }));
    await eventually(() => c.errors.length >= 3, 'three refusals');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[1, 200], [2, 387], [3, 201]]);
    expect(h.tws.snapshot().orders).toEqual([]);
    expect(c.decodeErrors()).toEqual([]);
  });
});

describe('fake TWS order queries', () => {
  it('reqOpenOrders lists this client only, reqAllOpenOrders everyone; events go to the owner only', async () => {
    await h.start();
    const a = await h.connect(7);
    const b = await h.connect(8);
    a.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 1, orderRef: 'a1' }));
    b.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 91, totalQuantity: 1, orderRef: 'b1' }));
    await waitStatus(a, 1, 'Submitted');
    await waitStatus(b, 1, 'Submitted');
    const refs = (c: TestClient): string[] => (c.of(EventName.openOrder) as OpenOrderArgs[]).map((o) => o[2].orderRef ?? '');
    expect(refs(a)).toEqual(['a1']);
    a.api.reqOpenOrders();
    await eventually(() => a.of(EventName.openOrderEnd).length === 1, 'openOrderEnd');
    expect(refs(a)).toEqual(['a1', 'a1']);
    a.api.reqAllOpenOrders();
    await eventually(() => a.of(EventName.openOrderEnd).length === 2, 'second openOrderEnd');
    expect(refs(a).slice(2).sort()).toEqual(['a1', 'b1']);
    expect(a.decodeErrors()).toEqual([]);
  });

  it('client 0 with reqAutoOpenOrders(true) also sees other clients\' order events; reqIds moves past used ids', async () => {
    await h.start();
    const master = await h.connect(0);
    const c = await h.connect(7);
    master.api.reqAutoOpenOrders(true);
    await roundTrip(master);
    c.api.placeOrder(5, stock('AAA'), order({ orderType: OrderType.MKT, totalQuantity: 3, orderRef: 'seen-by-0' }));
    await waitStatus(master, 5, 'Filled');
    expect(execsOf(master, 5).map((e) => e.orderRef)).toEqual(['seen-by-0']);
    c.api.reqAutoOpenOrders(true);
    await eventually(() => c.infos.some((i) => i.code === 321), 'auto-bind refused for client 7');
    c.api.reqIds(1);
    await eventually(() => c.of(EventName.nextValidId).length === 2, 'second nextValidId');
    expect(c.of(EventName.nextValidId)).toEqual([[1], [6]]);
  });

  it('reqCompletedOrders reports filled and cancelled orders, decoded without error', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.MKT, totalQuantity: 5, orderRef: 'done-1' }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 5, orderRef: 'done-2' }));
    await waitStatus(c, 1, 'Filled');
    await waitStatus(c, 2, 'Submitted');
    c.api.cancelOrder(2);
    await waitStatus(c, 2, 'Cancelled');
    c.api.reqCompletedOrders(false);
    await eventually(() => c.of(EventName.completedOrdersEnd).length === 1, 'completedOrdersEnd');
    const done = (c.of(EventName.completedOrder) as [Contract, Order, OrderState][]).map(([k, o, s]) => ({
      symbol: k.symbol,
      ref: o.orderRef,
      filled: o.filledQuantity,
      permId: o.permId,
      status: s.status,
      completedStatus: s.completedStatus,
    }));
    const snap = h.tws.snapshot().orders;
    expect(done).toEqual([
      { symbol: 'AAA', ref: 'done-1', filled: 5, permId: snap[0].permId, status: 'Filled', completedStatus: 'Filled' },
      { symbol: 'AAA', ref: 'done-2', filled: 0, permId: snap[1].permId, status: 'Cancelled', completedStatus: 'Cancelled by Trader' },
    ]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('reqExecutions answers with the filtered executions and their commission reports', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.MKT, totalQuantity: 5 }));
    c.api.placeOrder(2, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: 5 }));
    await waitStatus(c, 2, 'Filled');
    const ask = async (reqId: number, filter: Parameters<typeof c.api.reqExecutions>[1]): Promise<ExecArgs[]> => {
      c.api.reqExecutions(reqId, filter);
      await eventually(() => c.of(EventName.execDetailsEnd).some((a) => a[0] === reqId), `execDetailsEnd ${reqId}`);
      return (c.of(EventName.execDetails) as ExecArgs[]).filter((e) => e[0] === reqId);
    };
    expect((await ask(101, {})).map((e) => e[1].symbol)).toEqual(['AAA', 'BBB']);
    expect((await ask(102, { symbol: 'BBB' })).map((e) => e[2].orderId)).toEqual([2]);
    expect(await ask(103, { side: 'SELL' })).toEqual([]);
    expect(await ask(104, { clientId: '8' })).toEqual([]);
    expect(await ask(105, { time: '20990101-00:00:00' })).toEqual([]);
    const reports = c.of(EventName.commissionReport) as [{ execId: string }][];
    // 2 live reports + 2 (all) + 1 (BBB).
    expect(reports).toHaveLength(5);
    const [live] = await ask(106, { symbol: 'AAA' });
    expect(live[2].execId).toBe(execsOf(c, 1)[0].execId);
    expect(c.decodeErrors()).toEqual([]);
  });
});
