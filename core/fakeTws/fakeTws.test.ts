import { connect } from 'node:net';
import {
  BarSizeSetting,
  EventName,
  OrderAction,
  OrderType,
  WhatToShow,
  type Contract,
  type Execution,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

const h = useHarness();

/** The default market: the synthetic 20-symbol universe, a year into its replay. */
const synthetic = { series: undefined, startBar: undefined };

describe('fake TWS handshake', () => {
  it('reaches ready with nextValidId, managedAccounts and farm notices, and no decode error', async () => {
    await h.start(synthetic);
    const c = await h.connect();
    expect(c.of(EventName.server)[0]).toEqual([193, expect.stringMatching(/^\d{8} \d\d:\d\d:\d\d UTC$/)]);
    expect(c.of(EventName.nextValidId)[0]).toEqual([1]);
    expect(c.of(EventName.managedAccounts)[0]).toEqual(['DU1234567']);
    await eventually(() => c.infos.length >= 3, 'farm notices');
    expect(c.infos.map((i) => i.code)).toEqual([2104, 2106, 2158]);
    expect(c.errors).toEqual([]);
    expect(h.log.some((l) => /API started with client id 7/.test(l))).toBe(true);
  });

  it('answers reqCurrentTime with the wall clock', async () => {
    await h.start(synthetic);
    const c = await h.connect();
    const before = Math.floor(Date.now() / 1000);
    c.api.reqCurrentTime();
    const [[t]] = await eventually(() => c.of(EventName.currentTime).length > 0 && c.of(EventName.currentTime), 'currentTime');
    expect(t).toBeGreaterThanOrEqual(before);
  });

  it('closes a client whose version range stops below 176', async () => {
    const tws = await h.start();
    const closed = await new Promise<string>((resolve) => {
      const s = connect(tws.port, '127.0.0.1', () => {
        s.write(Buffer.concat([Buffer.from('API\0', 'latin1'), Buffer.from([0, 0, 0, 9]), Buffer.from('v100..175')]));
      });
      let got = '';
      s.on('data', (d) => (got += d.toString('latin1')));
      s.on('close', () => resolve(got));
      s.on('error', () => undefined);
    });
    expect(closed).toBe('');
    expect(h.log.some((l) => /refused: it offers protocol versions 100\.\.175, but the client's highest version 175 is below 176/.test(l))).toBe(true);
  });
});

describe('fake TWS market order', () => {
  it('fills at once with openOrder, orderStatus, execDetails and commissionReport, all decoded', async () => {
    const tws = await h.start(synthetic);
    const c = await h.connect();
    const symbol = 'SYN001';
    const px = tws.price(symbol);
    const order: Order = { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 100, orderRef: 'ref-mkt-1', transmit: true, tif: 'DAY' };
    c.api.placeOrder(1, stock(symbol), order);
    await eventually(() => c.of(EventName.commissionReport).length > 0, 'commission report');

    const open = c.of(EventName.openOrder) as [number, Contract, Order, OrderState][];
    expect(open[0][1].symbol).toBe(symbol);
    expect(open[0][2]).toMatchObject({ orderId: 1, orderRef: 'ref-mkt-1', orderType: 'MKT', totalQuantity: 100, clientId: 7 });
    expect(open[0][3].status).toBe('Submitted');
    expect(open.at(-1)?.[3].status).toBe('Filled');

    const execs = c.of(EventName.execDetails) as [number, Contract, Execution][];
    expect(execs).toHaveLength(1);
    const [reqId, , exec] = execs[0];
    expect(reqId).toBe(-1);
    expect(exec).toMatchObject({ orderId: 1, shares: 100, side: 'BOT', orderRef: 'ref-mkt-1', cumQty: 100, acctNumber: 'DU1234567' });
    const price = Number(exec.price);
    // Half the 2 bp spread plus 5 bp slippage over the last price (unless capped by the bar's high), printed on a cent tick.
    expect(price).toBeGreaterThan(px);
    expect(price).toBeLessThanOrEqual(Math.ceil(px * (1 + 6e-4) * 100) / 100 + 1e-9);

    const statuses = c.of(EventName.orderStatus);
    expect(statuses.at(-1)?.slice(0, 5)).toEqual([1, 'Filled', 100, 0, price]);
    const [report] = c.of(EventName.commissionReport)[0] as [{ execId: string; commission: number; currency: string }];
    expect(report.execId).toBe(exec.execId);
    expect(report.commission).toBe(1); // IBKR fixed: 100 x 0.005 is below the 1.00 minimum
    expect(c.decodeErrors()).toEqual([]);

    const snap = tws.snapshot();
    expect(snap.orders).toMatchObject([{ orderId: 1, orderRef: 'ref-mkt-1', status: 'Filled', filled: 100, permId: exec.permId }]);
    expect(snap.positions).toEqual([{ symbol, quantity: 100, avgCost: price }]);
    expect(snap.cash).toBeCloseTo(1_000_000 - 100 * price - 1, 6);
  });

  it('refuses orders with attributes it does not model (here an algo) with 321 naming the order', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), {
      action: OrderAction.BUY,
      orderType: OrderType.LMT,
      lmtPrice: 100,
      totalQuantity: 1,
      transmit: true,
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Normal' }],
    });
    await eventually(() => c.errors.length === 1, 'refusal');
    expect(c.errors[0]).toMatchObject({ id: 1, code: 321, message: expect.stringContaining('expected 118 fields') });
    expect(h.tws.snapshot().orders).toEqual([]);
  });
});

describe('fake TWS message tour', () => {
  it('every kind of message it sends is decoded by the real client without error 505', async () => {
    const tws = await h.start(synthetic);
    const c = await h.connect(0);
    const api = c.api;
    api.reqAutoOpenOrders(true);
    api.placeOrder(1, stock('SYN000'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 10, tif: 'DAY', transmit: true });
    api.placeOrder(2, stock('SYN000'), { action: OrderAction.SELL, orderType: OrderType.LMT, lmtPrice: 1e6, totalQuantity: 5, tif: 'GTC', transmit: true });
    api.placeOrder(3, stock('SYN002'), { action: OrderAction.SELL, orderType: OrderType.STP, auxPrice: 0.01, totalQuantity: 5, tif: 'GTC', transmit: true });
    api.cancelOrder(3);
    api.reqIds(1);
    api.reqManagedAccts();
    api.reqCurrentTime();
    api.reqOpenOrders();
    api.reqAllOpenOrders();
    api.reqCompletedOrders(false);
    api.reqExecutions(900, {});
    api.reqPositions();
    api.reqAccountSummary(901, 'All', 'All');
    api.reqAccountUpdates(true, 'DU1234567');
    api.reqContractDetails(902, stock('SYN003'));
    api.reqHistoricalData(903, stock('SYN003'), '', '1 Y', BarSizeSetting.DAYS_ONE, WhatToShow.TRADES, 1, 1, false);
    api.reqMktData(904, stock('SYN003'), '', false, false);
    api.reqMarketDataType(3);
    api.reqMktData(905, stock('SYN004'), '', true, false);
    await eventually(() => c.of(EventName.tickSnapshotEnd).length === 1, 'last answer');
    tws.step(2);
    await eventually(() => c.of(EventName.tickPrice).filter((t) => t[0] === 904 && t[1] === 4).length === 3, 'live last ticks after two bars');
    const seen = new Set(c.events.map((e) => e.name));
    for (const name of [
      EventName.nextValidId, EventName.managedAccounts, EventName.openOrder, EventName.orderStatus, EventName.execDetails,
      EventName.commissionReport, EventName.openOrderEnd, EventName.completedOrder, EventName.completedOrdersEnd,
      EventName.execDetailsEnd, EventName.position, EventName.positionEnd, EventName.accountSummary, EventName.accountSummaryEnd,
      EventName.updateAccountValue, EventName.updatePortfolio, EventName.updateAccountTime, EventName.accountDownloadEnd,
      EventName.contractDetails, EventName.contractDetailsEnd, EventName.historicalData, EventName.tickPrice, EventName.tickSize,
      EventName.tickReqParams, EventName.marketDataType, EventName.tickSnapshotEnd, EventName.currentTime, EventName.info,
      EventName.error,
    ]) {
      expect(seen, name).toContain(name);
    }
    expect(c.errors.map((e) => e.code)).toEqual([202]);
    expect(c.decodeErrors()).toEqual([]);
  });
});
