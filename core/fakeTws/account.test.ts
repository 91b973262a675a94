import { EventName, OrderAction, OrderType, type Contract } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

const h = useHarness();

type PositionArgs = [string, Contract, number, number];
type SummaryArgs = [number, string, string, string, string];
type ValueArgs = [string, string, string, string];
type PortfolioArgs = [Contract, number, number, number, number, number, number, string];

describe('fake TWS account and positions', () => {
  it('keeps positions and cash consistent with the executions, and reports realized P&L on a closing fill', async () => {
    const tws = await h.start({ initialCash: 100_000 });
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 100, tif: 'DAY', transmit: true });
    await eventually(() => c.of(EventName.commissionReport).length === 1, 'buy filled');
    tws.step(3); // close 104
    c.api.placeOrder(2, stock('AAA'), { action: OrderAction.SELL, orderType: OrderType.MKT, totalQuantity: 40, tif: 'DAY', transmit: true });
    await eventually(() => c.of(EventName.commissionReport).length === 2, 'sell filled');

    const snap = tws.snapshot();
    const [buy, sell] = snap.executions;
    expect(snap.positions).toEqual([{ symbol: 'AAA', quantity: 60, avgCost: buy.price }]);
    const expectedCash = 100_000 - 100 * buy.price + 40 * sell.price - buy.commission - sell.commission;
    expect(snap.cash).toBeCloseTo(expectedCash, 6);
    expect(snap.netLiquidation).toBeCloseTo(expectedCash + 60 * 104, 6);
    expect(new Set(snap.executions.map((e) => e.execId)).size).toBe(2);
    expect(new Set(snap.orders.map((o) => o.permId)).size).toBe(2);

    const reports = c.of(EventName.commissionReport) as [{ execId: string; realizedPNL?: number }][];
    expect(reports[0][0].realizedPNL).toBeUndefined();
    expect(reports[1][0].realizedPNL).toBeCloseTo(40 * (sell.price - buy.price), 6);
  });

  it('reqPositions lists traded positions, ends, and pushes changes after fills', async () => {
    await h.start();
    const c = await h.connect();
    c.api.reqPositions();
    await eventually(() => c.of(EventName.positionEnd).length === 1, 'positionEnd');
    expect(c.of(EventName.position)).toEqual([]);
    c.api.placeOrder(1, stock('BBB'), { action: OrderAction.SELL, orderType: OrderType.MKT, totalQuantity: 30, tif: 'DAY', transmit: true });
    const [[account, contract, pos, avgCost]] = await eventually(
      () => (c.of(EventName.position).length > 0 ? (c.of(EventName.position) as PositionArgs[]) : undefined),
      'pushed position',
    );
    expect([account, contract.symbol, contract.conId, pos]).toEqual(['DU1234567', 'BBB', expect.any(Number), -30]);
    expect(avgCost).toBe(h.tws.snapshot().executions[0].price);
    c.api.cancelPositions();
    c.api.placeOrder(2, stock('BBB'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 30, tif: 'DAY', transmit: true });
    await eventually(() => c.of(EventName.commissionReport).length === 2, 'second fill');
    await roundTrip(c);
    expect(c.of(EventName.position)).toHaveLength(1);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('reqAccountSummary answers the asked tags and keeps streaming them until cancelled', async () => {
    const tws = await h.start({ initialCash: 250_000 });
    const c = await h.connect();
    c.api.reqAccountSummary(9001, 'All', 'NetLiquidation,TotalCashValue,BuyingPower,NoSuchTag');
    await eventually(() => c.of(EventName.accountSummaryEnd).length === 1, 'accountSummaryEnd');
    const rows = (c.of(EventName.accountSummary) as SummaryArgs[]).map(([reqId, account, tag, value, currency]) => [reqId, account, tag, value, currency]);
    expect(rows).toEqual([
      [9001, 'DU1234567', 'NetLiquidation', '250000.00', 'USD'],
      [9001, 'DU1234567', 'TotalCashValue', '250000.00', 'USD'],
      [9001, 'DU1234567', 'BuyingPower', expect.stringMatching(/^\d+\.\d\d$/), 'USD'],
    ]);
    tws.step();
    await eventually(() => c.of(EventName.accountSummary).length === 6, 'streamed update after a bar');
    c.api.cancelAccountSummary(9001);
    await roundTrip(c);
    tws.step();
    await roundTrip(c);
    expect(c.of(EventName.accountSummary)).toHaveLength(6);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('reqAccountUpdates sends account values, portfolio lines and the download end', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 10, tif: 'DAY', transmit: true });
    await eventually(() => c.of(EventName.commissionReport).length === 1, 'fill');
    c.api.reqAccountUpdates(true, 'DU1234567');
    await eventually(() => c.of(EventName.accountDownloadEnd).length === 1, 'accountDownloadEnd');
    const values = new Map((c.of(EventName.updateAccountValue) as ValueArgs[]).map(([k, v, cur, acct]) => [k, { v, cur, acct }]));
    expect(values.get('NetLiquidation')).toMatchObject({ cur: 'USD', acct: 'DU1234567' });
    expect(Number(values.get('TotalCashValue')?.v)).toBeCloseTo(h.tws.snapshot().cash, 2);
    const [line] = c.of(EventName.updatePortfolio) as PortfolioArgs[];
    expect(line[0].symbol).toBe('AAA');
    expect(line.slice(1, 4)).toEqual([10, 100, 1000]);
    expect(c.of(EventName.updateAccountTime)[0][0]).toMatch(/^\d\d:\d\d$/);
    expect(c.of(EventName.accountDownloadEnd)[0]).toEqual(['DU1234567']);
    expect(c.decodeErrors()).toEqual([]);
  });
});
