import { afterEach, describe, expect, it } from 'vitest';
import { TEST_TIMINGS, EXACT_SIM } from '../../broker/ib/testing/ibRig';
import { dailySeries } from '../../data/seriesFromBars';
import { startFakeTws, type FakeTws } from '../../fakeTws/index';
import { eventually } from '../../fakeTws/testing/ibTestClient';
import { LIVE_ARMING_PHRASE, type OrderTicket, type TradingStateDto } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { brokerFactory } from './brokerFactory';
import { tradingHarness } from './tradingTestHarness';

/**
 * The trading service with the real IB adapter against the fake TWS over loopback: the same
 * screens' flows as a trader runs them against TWS.
 */

/** AAA at 100 that dips to 90 on bar 8; BBB at 50. The fake's market starts at bar 5. */
function market() {
  const bars = (price: number, dipAt = -1, low = price) =>
    Array.from({ length: 40 }, (_, i) => (i === dipAt ? [price, price, low, price] : [price, price + 1, price - 1, price]));
  return [dailySeries('AAA', bars(100, 8, 90)), dailySeries('BBB', bars(50))];
}

let tws: FakeTws | null = null;
let h: ReturnType<typeof setup> | null = null;

afterEach(async () => {
  await h?.close();
  await tws?.close();
  h = null;
  tws = null;
});

function setup(risk: Parameters<typeof tradingHarness>[1] = {}) {
  return tradingHarness((settings, db) => brokerFactory(db, { ib: TEST_TIMINGS })(settings), risk);
}

async function connected(risk: Parameters<typeof tradingHarness>[1] = {}) {
  tws = await startFakeTws({ port: 0, series: market(), startBar: 5, sim: EXACT_SIM });
  h = setup(risk);
  const conn = await h.service.connect({ preset: 'custom', port: tws.port, clientId: 11 });
  expect(conn.state).toBe('ready');
  const t = h;
  for (const s of ['AAA', 'BBB']) t.service.quote(s, 'subscribe');
  await until(() => t.service.state().quotes.length === 2 && t.service.state().account !== null, 'quotes and the account');
  return t;
}

function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  return eventually(probe, what, 5_000);
}

const ticket = (t: Partial<OrderTicket & { confirm: boolean }> = {}): OrderTicket & { confirm: boolean } => ({
  instrument: 'AAA',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 10,
  limitPrice: 95,
  timeInForce: 'GTC',
  confirm: false,
  ...t,
});

const heldQty = (s: TradingStateDto, symbol: string) => s.positions.find((p) => p.instrument === symbol)?.quantity ?? 0;

describe('TradingService with IbBroker and the fake TWS', () => {
  it('works a limit order until the market reaches it, then shows the position and the fill with its commission', async () => {
    const t = await connected();
    expect(t.service.state().quotes.find((q) => q.symbol === 'AAA')).toMatchObject({ last: 100 });
    const check = t.service.checkOrder(ticket());
    expect(check).toMatchObject({ ok: true, lastPrice: 100 });
    const sent = await t.service.submitOrder(ticket());
    expect(sent).toMatchObject({ accepted: true, reason: null });
    const working = await until(() => t.service.state().openOrders.find((o) => o.id === sent.orderId && o.status === 'ACCEPTED'), 'the order working');
    expect(working).toMatchObject({ limitPrice: 95, quantity: 10, filledQuantity: 0 });
    await until(() => tws?.snapshot().orders.some((o) => o.orderRef === sent.clientOrderRef && o.status === 'Submitted'), 'the order at TWS');
    tws?.step(3);
    const s = await until(() => {
      const st = t.service.state();
      return st.openOrders.length === 0 && heldQty(st, 'AAA') === 10 && st.executions.length === 1 && st;
    }, 'the fill');
    expect(s.executions[0]).toMatchObject({ orderId: sent.orderId, instrument: 'AAA', side: 'BUY', quantity: 10, price: 95, commission: 1 });
    const [atTws] = tws?.snapshot().positions ?? [];
    expect(atTws).toMatchObject({ symbol: 'AAA', quantity: 10 });
    expect(s.positions.find((p) => p.instrument === 'AAA')).toMatchObject({ quantity: 10, avgCost: atTws.avgCost });
    expect(t.eventsOf('trading.fill')).toHaveLength(1);
    const statuses = (t.eventsOf('trading.order') as { id: string; status: string }[]).filter((o) => o.id === sent.orderId).map((o) => o.status);
    expect(statuses.at(-1)).toBe('FILLED');
  });

  it('cancels a working order at TWS', async () => {
    const t = await connected();
    const sent = await t.service.submitOrder(ticket());
    await until(() => t.service.state().openOrders.some((o) => o.status === 'ACCEPTED'), 'the order working');
    expect(t.service.cancelOrder(sent.orderId ?? '')).toMatchObject({ accepted: true });
    await until(() => t.service.state().openOrders.length === 0, 'the cancel');
    expect(tws?.snapshot().orders).toMatchObject([{ orderRef: sent.clientOrderRef, status: 'Cancelled' }]);
    // The market then passes through the cancelled limit: nothing fills.
    tws?.step(3);
    expect(tws?.snapshot().executions).toEqual([]);
  });

  it('trips the breaker on a risk and a TWS rejection, halts orders, and trades again after the reset', async () => {
    const t = await connected({ PAPER: { circuit_breaker: { max_rejections: 2, window_seconds: 60 } } });
    const far = await t.service.submitOrder(ticket({ limitPrice: 80 }));
    expect(far).toMatchObject({ accepted: false, reason: expect.stringMatching(/outside the 5% band/) });
    tws?.faults.rejectNextOrder(201, 'Order rejected - reason: test');
    const rejected = await t.service.submitOrder(ticket());
    expect(rejected.accepted).toBe(true);
    const tripped = await until(() => t.service.state().risk.breaker.tripped && t.service.state().risk.breaker, 'the breaker to trip');
    expect(tripped.recent.map((r) => r.source)).toEqual(['risk', 'broker']);
    const halted = await t.service.submitOrder(ticket());
    expect(halted).toMatchObject({ accepted: false, reason: expect.stringMatching(/circuit breaker tripped/) });
    expect(tws?.snapshot().orders).toHaveLength(1);
    t.service.resetBreaker();
    expect((await t.service.submitOrder(ticket())).accepted).toBe(true);
    await until(() => tws?.snapshot().orders.length === 2, 'the order at TWS');
  });

  it('kill switch with flatten cancels the working orders and closes longs and shorts at market', async () => {
    const t = await connected();
    await t.service.submitOrder(ticket({ type: 'MARKET', limitPrice: undefined, quantity: 10 }));
    await t.service.submitOrder(ticket({ instrument: 'BBB', side: 'SELL', type: 'MARKET', limitPrice: undefined, quantity: 20 }));
    await until(() => heldQty(t.service.state(), 'AAA') === 10 && heldQty(t.service.state(), 'BBB') === -20, 'both positions');
    await t.service.submitOrder(ticket({ limitPrice: 96 }));
    await until(() => t.service.state().openOrders.some((o) => o.status === 'ACCEPTED'), 'the resting order');
    const report = await t.service.killSwitch({ flatten: true, confirm: true });
    expect(report.cancelled).toEqual([expect.objectContaining({ instrument: 'AAA', side: 'BUY', quantity: 10, accepted: true, outcome: 'confirmed' })]);
    expect(report.flatten.map((f) => [f.instrument, f.side, f.quantity, f.accepted])).toEqual([
      ['AAA', 'SELL', 10, true],
      ['BBB', 'BUY', 20, true],
    ]);
    const s = await until(() => {
      const st = t.service.state();
      return st.openOrders.length === 0 && heldQty(st, 'AAA') === 0 && heldQty(st, 'BBB') === 0 && st;
    }, 'flat and no open orders');
    expect(s.lastKillSwitch).toEqual(report);
    expect(tws?.snapshot().positions.every((p) => p.quantity === 0)).toBe(true);
  });

  it("sends a ticket's bracket as one list: the exits wait at TWS for the entry, then the take-profit fills and cancels the stop-loss", async () => {
    const t = await connected();
    const sent = await t.service.submitOrder(ticket({ bracket: { takeProfit: { limitPrice: 101 }, stopLoss: { stopPrice: 96 } } }));
    expect(sent).toMatchObject({ accepted: true, reason: null });
    const [entry, takeProfit, stopLoss] = (sent.list?.orders ?? []).map((o) => o.orderId);
    const statuses = (st: TradingStateDto) => [entry, takeProfit, stopLoss].map((id) => st.openOrders.find((o) => o.id === id)?.status);
    const held = await until(() => {
      const st = t.service.state();
      return statuses(st).join() === 'ACCEPTED,SUBMITTED,SUBMITTED' && st;
    }, 'the entry working and its exits held');
    expect(held.openOrders.find((o) => o.id === stopLoss)).toMatchObject({ side: 'SELL', type: 'STOP', stopPrice: 96, quantity: 10, extras: { link: expect.objectContaining({ kind: 'BRACKET', role: 'STOP_LOSS', parentId: entry }) } });
    tws?.step(3); // the dip to 90 fills the entry at 95
    await until(() => heldQty(t.service.state(), 'AAA') === 10 && statuses(t.service.state()).join() === ',ACCEPTED,ACCEPTED', 'the exits working');
    tws?.step(1); // the high of 101 reaches the take-profit
    await until(() => {
      const st = t.service.state();
      return st.openOrders.length === 0 && heldQty(st, 'AAA') === 0;
    }, 'the take-profit filled and the stop-loss cancelled');
    expect(tws?.snapshot().orders.map((o) => [o.orderRef, o.status])).toEqual([
      [sent.list?.orders[0]?.clientOrderRef, 'Filled'],
      [sent.list?.orders[1]?.clientOrderRef, 'Filled'],
      [sent.list?.orders[2]?.clientOrderRef, 'Cancelled'],
    ]);
  });

  it('LIVE needs arming, then a confirmation on each order', async () => {
    tws = await startFakeTws({ port: 0, series: market(), startBar: 5, sim: EXACT_SIM });
    h = setup();
    const t = h;
    t.service.armLive(LIVE_ARMING_PHRASE);
    const conn = await t.service.connect({ preset: 'custom', port: tws.port, clientId: 12 });
    expect(conn.state).toBe('ready');
    t.service.quote('AAA', 'subscribe');
    await until(() => t.service.state().quotes.length === 1 && t.service.state().account !== null, 'a quote and the account');
    const err = await t.service.submitOrder(ticket()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('REJECTED');
    expect(tws.snapshot().orders).toEqual([]);
    const sent = await t.service.submitOrder(ticket({ confirm: true }));
    expect(sent.accepted).toBe(true);
    await until(() => tws?.snapshot().orders.length === 1, 'the order at TWS');
    const stored = t.db.prepare('SELECT mode FROM orders WHERE client_order_ref = ?').get(sent.clientOrderRef) as { mode: string };
    expect(stored.mode).toBe('LIVE');
  });
});
