import { EventName, OrderAction, OrderType, type Contract, type Order, type OrderState } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { defaultSimulatorConfig } from '../config/simulatorSchema';
import { seriesFromBars } from '../data/seriesFromBars';
import type { BarSeries } from '../data/BarSeries';
import { stock, useHarness } from './testing/harness';
import { eventually, roundTrip } from './testing/ibTestClient';

const h = useHarness();

type OpenOrderArgs = [number, Contract, Order, OrderState];

const HOUR = 3_600_000;

/** Hourly bars at 100 over two sessions: 14:00..17:00 UTC on 2021-03-01 (4 bars), then 14:00..15:00 on 03-02. */
function twoSessions(): BarSeries[] {
  const days = [Date.parse('2021-03-01T14:00:00Z'), Date.parse('2021-03-02T14:00:00Z')];
  const stamps = [0, 1, 2, 3].map((k) => days[0] + k * HOUR).concat([0, 1].map((k) => days[1] + k * HOUR));
  return [seriesFromBars('AAA', stamps.map((ts) => ({ ts, open: 100, high: 101, low: 99, close: 100, volume: 100_000 })), 3600)];
}

describe('what-if orders over @stoqey/ib', () => {
  it('decode with the margin and commission preview and never execute', async () => {
    await h.start();
    const c = await h.connect();
    const preview: Order = { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 100, transmit: true, whatIf: true };
    c.api.placeOrder(1, stock('AAA'), preview);
    const [[orderId, , order, state]] = await eventually(() => {
      const o = c.of(EventName.openOrder) as OpenOrderArgs[];
      return o.length > 0 && o;
    }, 'what-if openOrder');
    expect(orderId).toBe(1);
    expect(order.whatIf).toBe(true);
    expect(state.initMarginBefore).toBe(0);
    expect(state.equityWithLoanBefore).toBe(1_000_000);
    // 100 AAA at 100 under the default account's margin rules.
    const { account } = defaultSimulatorConfig();
    expect(state.initMarginAfter).toBeCloseTo(10_000 / account.max_leverage, 6);
    expect(state.maintMarginAfter).toBeCloseTo(10_000 * account.maintenance_margin, 6);
    expect(state.commission).toBeGreaterThan(0);
    expect(state.commissionCurrency).toBe('USD');
    await roundTrip(c);
    expect(c.of(EventName.orderStatus)).toEqual([]);
    expect(c.of(EventName.execDetails)).toEqual([]);
    h.tws.step(5);
    await roundTrip(c);
    expect(h.tws.snapshot()).toMatchObject({ orders: [], executions: [], cash: 1_000_000 });
    expect(c.decodeErrors()).toEqual([]);
  });

  it('a refused what-if order gets the same error a real one would', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(2, stock('ZZZ'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 1, transmit: true, whatIf: true });
    await eventually(() => c.errors.find((e) => e.id === 2 && e.code === 200), 'error 200');
    expect(c.of(EventName.openOrder)).toEqual([]);
  });
});

describe('reqAccountUpdatesMulti over @stoqey/ib', () => {
  it('streams account values and its end marker; ledgerAndNLV keeps only the ledger and NLV', async () => {
    await h.start();
    const c = await h.connect();
    c.api.reqAccountUpdatesMulti(5, 'DU1234567', '', true);
    await eventually(() => c.of(EventName.accountUpdateMultiEnd).length > 0, 'accountUpdateMultiEnd');
    const rows = c.of(EventName.accountUpdateMulti) as [number, string, string, string, string, string][];
    expect(rows.map((r) => r[3]).sort()).toEqual(['AccruedCash', 'CashBalance', 'NetLiquidation', 'RealizedPnL', 'SettledCash', 'TotalCashValue', 'UnrealizedPnL']);
    expect(rows.find((r) => r[3] === 'NetLiquidation')).toEqual([5, 'DU1234567', '', 'NetLiquidation', '1000000.00', 'USD']);
    expect(c.decodeErrors()).toEqual([]);
  });
});

describe('DAY orders and the replay session', () => {
  it('a DAY order works through every bar of its session and expires at the close, not after one bar', async () => {
    const tws = await h.start({ series: twoSessions(), startBar: 0 });
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), { action: OrderAction.BUY, orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10, tif: 'DAY', transmit: true });
    await roundTrip(c);
    tws.step(2); // 15:00 and 16:00: still the same session
    expect(tws.snapshot().orders[0].status).toBe('Submitted');
    tws.step(); // 17:00, the session's last bar
    expect(tws.snapshot().orders[0].status).toBe('Cancelled');
  });

  it('a DAY order placed after the last bar of a session works through the next one', async () => {
    const tws = await h.start({ series: twoSessions(), startBar: 3 });
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), { action: OrderAction.BUY, orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10, tif: 'DAY', transmit: true });
    await roundTrip(c);
    tws.step(); // 03-02 14:00
    expect(tws.snapshot().orders[0].status).toBe('Submitted');
    tws.step(); // 03-02 15:00: the end of the data closes the session
    expect(tws.snapshot().orders[0].status).toBe('Cancelled');
  });

  it('at the end of its data the replay tells every client with notice 2199, and later clients on connect', async () => {
    const tws = await h.start({ series: twoSessions(), startBar: 4 });
    const c = await h.connect(7);
    await eventually(() => c.infos.length >= 3, 'farm notices');
    expect(c.infos.some((i) => i.code === 2199)).toBe(false);
    tws.step();
    const notice = await eventually(() => c.infos.find((i) => i.code === 2199), 'end-of-data notice');
    expect(notice.message).toBe('Fake TWS: the replay reached the end of its data (last bar 20210302); prices no longer move and working orders no longer fill');
    tws.step(); // nothing left: no second notice
    await roundTrip(c);
    expect(c.infos.filter((i) => i.code === 2199)).toHaveLength(1);
    expect(h.log.filter((l) => l.includes('end of its data'))).toHaveLength(1);
    const late = await h.connect(8);
    await eventually(() => late.infos.find((i) => i.code === 2199), 'notice for a later client');
  });
});
