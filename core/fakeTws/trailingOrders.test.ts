import { EventName, OrderAction, OrderType, type Contract, type Execution, type Order, type OrderState } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { dailySeries } from '../data/seriesFromBars';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

/**
 * Trailing orders and icebergs over the socket, on the harness's hand-made AAA bars
 * [open, high, low, close]: [100, 101, 99, 100], [100, 102, 98, 99], [99, 100, 95, 96],
 * [96, 105, 96, 104], [104, 106, 103, 105], [105, 107, 104, 106].
 */

const h = useHarness();

type OpenOrderArgs = [number, Contract, Order, OrderState];
type ExecArgs = [number, Contract, Execution];
type StatusArgs = [number, string];

const order = (o: Partial<Order> & Pick<Order, 'orderType' | 'totalQuantity'>): Order => ({
  action: OrderAction.BUY,
  tif: 'GTC',
  transmit: true,
  ...o,
});

const opens = (c: TestClient, orderId: number): Order[] => (c.of(EventName.openOrder) as OpenOrderArgs[]).filter((o) => o[0] === orderId).map((o) => o[2]);
const lastStatus = (c: TestClient, orderId: number): string | undefined => (c.of(EventName.orderStatus) as StatusArgs[]).filter((s) => s[0] === orderId).at(-1)?.[1];
const execsOf = (c: TestClient, orderId: number): Execution[] =>
  (c.of(EventName.execDetails) as ExecArgs[]).filter((e) => e[2].orderId === orderId).map((e) => e[2]);
const stops = (c: TestClient, orderId: number): (number | undefined)[] => [...new Set(opens(c, orderId).map((o) => o.trailStopPrice))];

describe('fake TWS trailing orders', () => {
  it('a trailing sell stop starts its amount below the price, ratchets up with each bar\'s high, and triggers at the stop it had before the bar', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.TRAIL, auxPrice: 3, totalQuantity: 10 }));
    await eventually(() => opens(c, 1).length > 0, 'openOrder');
    expect(opens(c, 1)[0]).toMatchObject({ orderType: 'TRAIL', auxPrice: 3, trailingPercent: undefined, trailStopPrice: 97 });
    expect(lastStatus(c, 1)).toBe('PreSubmitted');
    tws.step(); // low 98 stays above 97; the high 102 lifts the stop to 99
    await eventually(() => stops(c, 1).includes(99), 'stop at 99');
    tws.step(); // opens at 99, at the stop: triggered and sold
    await eventually(() => lastStatus(c, 1) === 'Filled', 'filled');
    expect(stops(c, 1)).toEqual([97, 99]);
    const [fill] = execsOf(c, 1);
    expect(fill.shares).toBe(10);
    expect(fill.price).toBe(98.94); // 99 less costs (x 0.9994), on the tick
    expect(c.decodeErrors()).toEqual([]);
  });

  it('a trailing percent and an initial stop travel as trailingPercent and trailStopPrice; the stop never moves back', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.TRAIL, trailingPercent: 10, trailStopPrice: 80, totalQuantity: 10 }));
    await eventually(() => opens(c, 1).length > 0, 'openOrder');
    expect(opens(c, 1)[0]).toMatchObject({ auxPrice: undefined, trailingPercent: 10, trailStopPrice: 80 });
    tws.step(); // high 102: 91.8
    await eventually(() => stops(c, 1).includes(91.8), 'stop at 91.8');
    tws.step(); // high 100: 90 would be lower, the stop stays
    await roundTrip(c);
    expect(stops(c, 1)).toEqual([80, 91.8]);
    expect(h.tws.snapshot().orders[0]).toMatchObject({ trailStopPrice: 91.8, status: 'PreSubmitted', filled: 0 });
  });

  it('a trailing buy stop-limit follows the lows with its limit an offset above; once triggered its stop and limit stay', async () => {
    // Falls, gaps up through the stop and above the limit (triggered, unfilled), stays up, then comes back to the limit.
    const tws = await h.start({
      series: [
        dailySeries('GAP', [
          [100, 101, 99, 100, 1_000_000],
          [100, 101, 98, 99, 1_000_000],
          [104, 106, 103, 105, 1_000_000],
          [105, 107, 102, 106, 1_000_000],
          [101, 103, 100, 102, 1_000_000],
        ]),
      ],
    });
    const c = await h.connect();
    c.api.placeOrder(1, stock('GAP'), order({ orderType: OrderType.TRAIL_LIMIT, auxPrice: 3, lmtPriceOffset: 0.5, totalQuantity: 10 }));
    await eventually(() => opens(c, 1).length > 0, 'openOrder');
    expect(opens(c, 1)[0]).toMatchObject({ orderType: 'TRAIL LIMIT', trailStopPrice: 103, lmtPriceOffset: 0.5, lmtPrice: 103.5 });
    tws.step(); // low 98: stop 101, limit 101.5
    await eventually(() => stops(c, 1).includes(101), 'stop at 101');
    expect(opens(c, 1).at(-1)?.lmtPrice).toBe(101.5);
    tws.step(); // opens at 104: triggered, but above the limit
    await eventually(() => lastStatus(c, 1) === 'Submitted', 'triggered');
    tws.step(); // low 102: neither filled nor moved
    await roundTrip(c);
    expect(h.tws.snapshot().orders[0]).toMatchObject({ status: 'Submitted', filled: 0, trailStopPrice: 101, lmtPrice: 101.5 });
    tws.step(); // opens at 101, under the limit: bought at the open plus costs (101 x 1.0006 on the tick)
    await eventually(() => lastStatus(c, 1) === 'Filled', 'filled');
    expect(stops(c, 1)).toEqual([103, 101]);
    expect(execsOf(c, 1).map((e) => e.price)).toEqual([101.06]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('refuses a trail given both as an amount and a percent, and a TRAIL LIMIT without its offset', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.TRAIL, auxPrice: 1, trailingPercent: 2, totalQuantity: 1 }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.TRAIL_LIMIT, auxPrice: 1, totalQuantity: 1 }));
    await eventually(() => c.errors.length >= 2, 'two refusals');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[1, 201], [2, 201]]);
    expect(h.tws.snapshot().orders).toEqual([]);
  });
});

describe('fake TWS icebergs', () => {
  it('fills at most the display size per bar, and reports it as displaySize', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 110, totalQuantity: 20, displaySize: 5 }));
    await eventually(() => execsOf(c, 1).length === 1, 'first slice');
    expect(opens(c, 1)[0]).toMatchObject({ displaySize: 5, totalQuantity: 20 });
    tws.step(3);
    await eventually(() => lastStatus(c, 1) === 'Filled', 'filled');
    expect(execsOf(c, 1).map((e) => [e.shares, e.cumQty])).toEqual([[5, 5], [5, 10], [5, 15], [5, 20]]);
  });

  it('refuses a display size on a market order or above the quantity', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.MKT, totalQuantity: 20, displaySize: 5 }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 20, displaySize: 25 }));
    await eventually(() => c.errors.length >= 2, 'two refusals');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[1, 201], [2, 201]]);
  });
});
