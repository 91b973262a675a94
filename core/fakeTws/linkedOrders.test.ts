import { EventName, OrderAction, OrderType, type Contract, type Execution, type Order, type OrderState } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { eventually, roundTrip, type TestClient } from './testing/ibTestClient';
import { stock, useHarness } from './testing/harness';

/** Attached (parent/child) orders, transmit, and OCA groups, over the socket with the real client. */

const h = useHarness();

type OpenOrderArgs = [number, Contract, Order, OrderState];
type ExecArgs = [number, Contract, Execution];
type StatusArgs = [number, string, number, number, number, number, number];

const order = (o: Partial<Order> & Pick<Order, 'orderType' | 'totalQuantity'>): Order => ({
  action: OrderAction.BUY,
  tif: 'GTC',
  transmit: true,
  ...o,
});

const statuses = (c: TestClient, orderId: number): StatusArgs[] => (c.of(EventName.orderStatus) as StatusArgs[]).filter((s) => s[0] === orderId);
const lastOpen = (c: TestClient, orderId: number): Order | undefined => (c.of(EventName.openOrder) as OpenOrderArgs[]).filter((o) => o[0] === orderId).at(-1)?.[2];
const waitStatus = (c: TestClient, orderId: number, status: string): Promise<StatusArgs> =>
  eventually(() => {
    const s = statuses(c, orderId).at(-1);
    return s?.[1] === status ? s : undefined;
  }, `order ${orderId} ${status}`);
const sharesOf = (c: TestClient, orderId: number): number[] =>
  (c.of(EventName.execDetails) as ExecArgs[]).filter((e) => e[2].orderId === orderId).map((e) => e[2].shares ?? 0);

/** BUY 100 BBB (a 100-share cap per bar) with a take-profit and a stop-loss, IB's way: the last child transmits all three. */
function bracket(c: TestClient, qty: number, entry: Partial<Order> = {}): void {
  c.api.placeOrder(1, stock('BBB'), order({ orderType: OrderType.MKT, totalQuantity: qty, transmit: false, ...entry }));
  c.api.placeOrder(2, stock('BBB'), order({ action: OrderAction.SELL, orderType: OrderType.LMT, lmtPrice: 60, totalQuantity: qty, parentId: 1, transmit: false }));
  c.api.placeOrder(3, stock('BBB'), order({ action: OrderAction.SELL, orderType: OrderType.STP, auxPrice: 40, totalQuantity: qty, parentId: 1, transmit: true }));
}

describe('fake TWS transmit and attached orders', () => {
  it('holds orders sent with transmit=0, telling the client nothing, until a child of theirs arrives with transmit=1', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10, transmit: false }));
    c.api.placeOrder(2, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.LMT, lmtPrice: 120, totalQuantity: 10, parentId: 1, transmit: false }));
    await roundTrip(c);
    expect(c.of(EventName.openOrder)).toEqual([]);
    expect(h.tws.snapshot().orders).toEqual([]);
    c.api.placeOrder(3, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.STP, auxPrice: 80, totalQuantity: 10, parentId: 1 }));
    await waitStatus(c, 3, 'PreSubmitted');
    expect(h.tws.snapshot().orders.map((o) => [o.orderId, o.parentId, o.status, o.held])).toEqual([
      [1, 0, 'Submitted', false],
      [2, 1, 'PreSubmitted', true],
      [3, 1, 'PreSubmitted', true],
    ]);
    expect(lastOpen(c, 2)).toMatchObject({ parentId: 1, ocaGroup: '', ocaType: 3 });
    expect(statuses(c, 2).at(-1)?.[6]).toBeGreaterThan(0);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('works the children once the parent fills, sized by what it filled, growing with each fill', async () => {
    const tws = await h.start();
    const c = await h.connect();
    bracket(c, 250);
    // The entry takes 100 now (the cap): the exits start working for 100.
    await waitStatus(c, 2, 'Submitted');
    expect(lastOpen(c, 2)?.totalQuantity).toBe(100);
    expect(lastOpen(c, 3)?.totalQuantity).toBe(100);
    expect(statuses(c, 3).at(-1)?.[1]).toBe('PreSubmitted'); // a stop waits for its price
    tws.step();
    await eventually(() => lastOpen(c, 3)?.totalQuantity === 200, 'stop-loss for 200');
    tws.step();
    await waitStatus(c, 1, 'Filled');
    await eventually(() => lastOpen(c, 2)?.totalQuantity === 250 && lastOpen(c, 3)?.totalQuantity === 250, 'exits for 250');
    expect(h.tws.snapshot().orders.map((o) => [o.orderId, o.status, o.held, o.totalQuantity, o.filled])).toEqual([
      [1, 'Filled', false, 250, 250],
      [2, 'Submitted', false, 250, 0],
      [3, 'PreSubmitted', false, 250, 0],
    ]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('cancels the held children with their unfilled parent', async () => {
    await h.start();
    const c = await h.connect();
    bracket(c, 10, { orderType: OrderType.LMT, lmtPrice: 30 });
    await waitStatus(c, 3, 'PreSubmitted');
    c.api.cancelOrder(1);
    await waitStatus(c, 1, 'Cancelled');
    await waitStatus(c, 2, 'Cancelled');
    await waitStatus(c, 3, 'Cancelled');
    expect(h.tws.snapshot().orders.every((o) => o.status === 'Cancelled' && o.filled === 0)).toBe(true);
  });

  it('refuses a transmitted child whose parent is not working, and drops a held order on cancel', async () => {
    await h.start();
    const c = await h.connect();
    c.api.placeOrder(5, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.LMT, lmtPrice: 120, totalQuantity: 10, parentId: 4 }));
    c.api.placeOrder(6, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10, transmit: false }));
    c.api.cancelOrder(6);
    await eventually(() => c.errors.length >= 2, 'two order errors');
    expect(c.errors.map((e) => [e.id, e.code])).toEqual([[5, 201], [6, 202]]);
    expect(c.errors[0].message).toMatch(/parent order 4 is not working/);
    expect(h.tws.snapshot().orders).toEqual([]);
  });
});

describe('fake TWS OCA groups', () => {
  it('type 1: a fill cancels the other members, and a newcomer to a group that filled is cancelled at once', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 97, totalQuantity: 10, ocaGroup: 'g1', ocaType: 1 }));
    c.api.placeOrder(2, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 98, totalQuantity: 10, ocaGroup: 'g1', ocaType: 1 }));
    await waitStatus(c, 2, 'Submitted');
    tws.step(); // low 98: order 2 fills, order 1 is cancelled
    await waitStatus(c, 2, 'Filled');
    await waitStatus(c, 1, 'Cancelled');
    c.api.placeOrder(3, stock('AAA'), order({ orderType: OrderType.LMT, lmtPrice: 90, totalQuantity: 10, ocaGroup: 'g1', ocaType: 1 }));
    await waitStatus(c, 3, 'Cancelled');
    expect(lastOpen(c, 1)?.ocaGroup).toBe('g1');
    expect(sharesOf(c, 1)).toEqual([]);
    expect(sharesOf(c, 3)).toEqual([]);
    c.api.reqCompletedOrders(false);
    await eventually(() => c.of(EventName.completedOrdersEnd).length === 1, 'completedOrdersEnd');
    const why = (c.of(EventName.completedOrder) as [Contract, Order, OrderState][]).map(([, o, s]) => [o.permId, s.completedStatus]);
    expect(why.map((w) => w[1])).toEqual(['Cancelled: a fill in OCA group g1', 'Filled', 'Cancelled: a fill in OCA group g1']);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('types 2 and 3: a fill reduces the other members by its quantity, and one reduced to nothing is cancelled', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('BBB'), order({ orderType: OrderType.LMT, lmtPrice: 40, totalQuantity: 150, ocaGroup: 'g2', ocaType: 2 }));
    await waitStatus(c, 1, 'Submitted');
    // Marketable, but BBB lets 100 trade a bar: 100 now, 50 on the next bar.
    c.api.placeOrder(2, stock('BBB'), order({ orderType: OrderType.LMT, lmtPrice: 51, totalQuantity: 150, ocaGroup: 'g2', ocaType: 2 }));
    await eventually(() => lastOpen(c, 1)?.totalQuantity === 50, 'order 1 reduced to 50');
    expect(statuses(c, 1).at(-1)?.slice(1, 4)).toEqual(['Submitted', 0, 50]);
    tws.step();
    await waitStatus(c, 2, 'Filled');
    await waitStatus(c, 1, 'Cancelled');
    expect(sharesOf(c, 2)).toEqual([100, 50]);
    expect(sharesOf(c, 1)).toEqual([]);
    expect(c.decodeErrors()).toEqual([]);
  });

  it('a bracket\'s exits are one implicit group: a fill of the take-profit reduces the stop-loss', async () => {
    const tws = await h.start();
    const c = await h.connect();
    c.api.placeOrder(1, stock('AAA'), order({ orderType: OrderType.MKT, totalQuantity: 10, transmit: false }));
    c.api.placeOrder(2, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.LMT, lmtPrice: 101.5, totalQuantity: 10, parentId: 1, transmit: false }));
    c.api.placeOrder(3, stock('AAA'), order({ action: OrderAction.SELL, orderType: OrderType.STP, auxPrice: 90, totalQuantity: 10, parentId: 1 }));
    await waitStatus(c, 1, 'Filled');
    tws.step(); // high 102: the take-profit fills
    await waitStatus(c, 2, 'Filled');
    await waitStatus(c, 3, 'Cancelled');
    expect(h.tws.snapshot().positions).toEqual([{ symbol: 'AAA', quantity: 0, avgCost: expect.any(Number) }]);
  });
});
