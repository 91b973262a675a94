import { BarSizeSetting, EventName, WhatToShow, type ContractDetails } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

const h = useHarness();

type TickArgs = [number, number, number];
type HistArgs = [number, string, number, number, number, number, number, number, number];

const ticks = (c: TestClient, name: EventName, reqId: number): Map<number, number> =>
  new Map((c.of(name) as TickArgs[]).filter((t) => t[0] === reqId).map((t) => [t[1], t[2]]));

describe('fake TWS market data', () => {
  it('streams last, bid, ask and sizes on each new bar, in live tick types', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.reqMktData(11, stock('AAA'), '', false, false);
    await eventually(() => c.of(EventName.tickSize).some((t) => t[0] === 11 && t[1] === 8), 'volume tick');
    expect(c.of(EventName.marketDataType)).toEqual([[11, 1]]);
    const prices = ticks(c, EventName.tickPrice, 11);
    expect(prices.get(4)).toBe(100);
    expect(prices.get(1)).toBeCloseTo(100 * (1 - 1e-4), 9);
    expect(prices.get(2)).toBeCloseTo(100 * (1 + 1e-4), 9);
    expect([prices.get(6), prices.get(7), prices.get(14)]).toEqual([101, 99, 100]);
    const sizes = ticks(c, EventName.tickSize, 11);
    expect(sizes.get(0)).toBeGreaterThan(0); // bid size, sent alone (stoqey drops it from TICK_PRICE)
    expect(sizes.get(8)).toBe(1_000_000);
    tws.step();
    await eventually(() => (c.of(EventName.tickPrice) as TickArgs[]).some((t) => t[1] === 4 && t[2] === 99), 'next bar last');
    expect(ticks(c, EventName.tickPrice, 11).get(9)).toBe(100); // previous close
    c.api.cancelMktData(11);
    await roundTrip(c); // the cancel has reached the fake before the market moves
    const n = c.of(EventName.tickPrice).length;
    tws.step();
    await roundTrip(c);
    expect(c.of(EventName.tickPrice)).toHaveLength(n);
    expect(c.decodeErrors()).toEqual([]);
    expect(c.errors).toEqual([]);
  });

  it('honours delayed market data types with delayed tick ids, and snapshots end', async () => {
    await h.start();
    const c = await h.connect();
    c.api.reqMarketDataType(3);
    c.api.reqMktData(12, stock('AAA'), '', true, false);
    await eventually(() => c.of(EventName.tickSnapshotEnd).length === 1, 'snapshot end');
    expect(c.of(EventName.marketDataType)).toEqual([[12, 3]]);
    const prices = ticks(c, EventName.tickPrice, 12);
    expect(prices.get(68)).toBe(100);
    expect(prices.has(4)).toBe(false);
    expect(prices.has(66) && prices.has(67)).toBe(true);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('answers unknown contracts with 200', async () => {
    await h.start();
    const c = await h.connect();
    c.api.reqMktData(13, stock('ZZZ'), '', false, false);
    await eventually(() => c.errors.length === 1, 'error');
    expect(c.errors[0]).toMatchObject({ id: 13, code: 200 });
  });
});

describe('fake TWS historical data', () => {
  it('serves daily bars up to the current bar, with the end marker', async () => {
    const tws = await h.start();
    tws.step(3);
    const c = await h.connect();
    c.api.reqHistoricalData(21, stock('AAA'), '', '1 M', BarSizeSetting.DAYS_ONE, WhatToShow.TRADES, 1, 1, false);
    await eventually(() => (c.of(EventName.historicalData) as HistArgs[]).some((b) => b[1].startsWith('finished')), 'end marker');
    const bars = (c.of(EventName.historicalData) as HistArgs[]).filter((b) => !b[1].startsWith('finished'));
    expect(bars.map((b) => [b[0], b[1], b[2], b[3], b[4], b[5], b[6]])).toEqual([
      [21, '20200101', 100, 101, 99, 100, 1_000_000],
      [21, '20200102', 100, 102, 98, 99, 1_000_000],
      [21, '20200103', 99, 100, 95, 96, 1_000_000],
      [21, '20200104', 96, 105, 96, 104, 1_000_000],
    ]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('limits the window by end date and duration, and answers an empty window with 162', async () => {
    const tws = await h.start();
    tws.step(5);
    const c = await h.connect();
    c.api.reqHistoricalData(22, stock('AAA'), '20200104 00:00:00 UTC', '2 D', BarSizeSetting.DAYS_ONE, WhatToShow.TRADES, 1, 1, false);
    c.api.reqHistoricalData(23, stock('AAA'), '20190101 00:00:00', '1 W', BarSizeSetting.DAYS_ONE, WhatToShow.TRADES, 1, 1, false);
    c.api.reqHistoricalData(24, stock('AAA'), '', '1 D', BarSizeSetting.HOURS_ONE, WhatToShow.TRADES, 1, 1, false);
    await eventually(() => c.errors.length === 2 && c.of(EventName.historicalData).length >= 3, 'answers');
    const dates = (c.of(EventName.historicalData) as HistArgs[]).filter((b) => b[0] === 22).map((b) => b[1]);
    expect(dates.slice(0, 2)).toEqual(['20200103', '20200104']);
    expect(dates[2]).toMatch(/^finished-/);
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[23, 162], [24, 503]]);
  });

  it('answers reqContractDetails with the contract and its conId', async () => {
    await h.start();
    const c = await h.connect();
    c.api.reqContractDetails(31, stock('BBB'));
    await eventually(() => c.of(EventName.contractDetailsEnd).length === 1, 'contractDetailsEnd');
    const [[reqId, details]] = c.of(EventName.contractDetails) as [number, ContractDetails][];
    expect(reqId).toBe(31);
    expect(details.contract).toMatchObject({ symbol: 'BBB', secType: 'STK', currency: 'USD', conId: expect.any(Number) });
    expect(details.minTick).toBe(0.01);
    expect(c.decodeErrors()).toEqual([]);
  });
});
