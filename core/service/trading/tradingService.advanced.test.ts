import { afterEach, describe, expect, it } from 'vitest';
import { tradingStateSchema, type OrderTicket } from '../../ipc/contract/trading';
import { simSession, TestSimBroker } from './testSimBroker';
import { tradingHarness } from './tradingTestHarness';

/**
 * The ticket's issue-11 orders through the service and the kernel: brackets (every member checked,
 * one refused member denies the list), trailing stops and their modification.
 */

/** AAA holds at 100, then rises to 104 on bar 3. */
const CLOSES = { AAA: [100, 100, 100, 104, 104, 104], BBB: [50, 50, 50, 50, 50, 50] };

type Harness = ReturnType<typeof tradingHarness<TestSimBroker>>;
let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

async function connected(): Promise<Harness> {
  h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)));
  await h.service.connect({ preset: 'tws_paper' });
  h.service.quote('AAA', 'subscribe');
  return h;
}

const ticket = (t: Partial<OrderTicket> = {}): OrderTicket => ({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY', ...t });
const bracket = (stopLoss: NonNullable<OrderTicket['bracket']>['stopLoss'], takeProfit = 103): OrderTicket =>
  ticket({ bracket: { takeProfit: { limitPrice: takeProfit }, stopLoss } });

/** The open orders as the contract carries them (extras included). */
const openOrders = (t: Harness) => tradingStateSchema.parse(t.service.state()).openOrders;

describe('TradingService brackets', () => {
  it('checks each member, sends the bracket as one list, holds the exits until the entry fills, then fills the take-profit', async () => {
    const t = await connected();
    const check = t.service.checkOrder(bracket({ stopPrice: 97 }));
    expect(check).toMatchObject({ ok: true, blockers: [], lastPrice: 100 });
    expect(check.members?.map((m) => [m.role, m.risk.passed])).toEqual([
      ['ENTRY', true],
      ['TAKE_PROFIT', true],
      ['STOP_LOSS', true],
    ]);
    expect(check.risk).toEqual(check.members?.[0]?.risk);

    const sent = await t.service.submitOrder({ ...bracket({ stopPrice: 97 }), confirm: false });
    expect(sent).toMatchObject({ accepted: true, reason: null });
    const [entry, takeProfit, stopLoss] = sent.list?.orders ?? [];
    expect(sent.list?.orders.map((o) => o.role)).toEqual(['ENTRY', 'TAKE_PROFIT', 'STOP_LOSS']);
    expect(sent.orderId).toBe(entry.orderId);
    const listId = sent.list?.listId;
    expect(openOrders(t)).toEqual([
      expect.objectContaining({ id: entry.orderId, side: 'BUY', type: 'MARKET', status: 'ACCEPTED', extras: expect.objectContaining({ link: { listId, kind: 'BRACKET', role: 'ENTRY', parentId: null } }) }),
      expect.objectContaining({
        id: takeProfit.orderId,
        side: 'SELL',
        type: 'LIMIT',
        limitPrice: 103,
        quantity: 10,
        timeInForce: 'GTC',
        status: 'SUBMITTED',
        extras: expect.objectContaining({ link: { listId, kind: 'BRACKET', role: 'TAKE_PROFIT', parentId: entry.orderId } }),
      }),
      expect.objectContaining({ id: stopLoss.orderId, side: 'SELL', type: 'STOP', stopPrice: 97, status: 'SUBMITTED', extras: expect.objectContaining({ link: expect.objectContaining({ role: 'STOP_LOSS', parentId: entry.orderId }) }) }),
    ]);

    t.broker().step();
    expect(t.service.state().positions).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 10 })]);
    expect(openOrders(t).map((o) => [o.id, o.status])).toEqual([
      [takeProfit.orderId, 'ACCEPTED'],
      [stopLoss.orderId, 'ACCEPTED'],
    ]);

    t.broker().step();
    t.broker().step();
    expect(t.service.state().positions).toEqual([]);
    expect(openOrders(t)).toEqual([]);
    expect(t.broker().getOrderStatus(takeProfit.orderId)?.status).toBe('FILLED');
    expect(t.broker().getOrderStatus(stopLoss.orderId)?.status).toBe('CANCELLED');
  });

  it('denies the whole list when one member fails a risk check, naming the member, and sends nothing', async () => {
    const t = await connected();
    const tooFar = bracket({ stopPrice: 90 });
    const check = t.service.checkOrder(tooFar);
    expect(check.ok).toBe(false);
    expect(check.members?.map((m) => [m.role, m.risk.passed])).toEqual([
      ['ENTRY', true],
      ['TAKE_PROFIT', true],
      ['STOP_LOSS', false],
    ]);
    expect(check.risk.passed).toBe(false);
    expect(check.risk.checks.find((c) => c.check === 'price_band')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/stop price 90 is -10\.00%/) });

    const sent = await t.service.submitOrder({ ...tooFar, confirm: false });
    expect(sent).toMatchObject({ accepted: false, orderId: null, reason: expect.stringMatching(/^stop-loss: stop price 90 is -10\.00% from the last price 100/) });
    expect(sent.list).toBeUndefined();
    expect(sent.members?.[2]?.risk.passed).toBe(false);
    expect(t.broker().getOpenOrders()).toEqual([]);
    expect(t.actions()).toEqual([expect.objectContaining({ action: 'RISK_REJECTED', instrument: 'AAA' })]);
    expect(t.service.state().risk.breaker.recentCount).toBe(1);
  });

  it('counts a list the broker refuses whole as one refusal for the circuit breaker', async () => {
    const t = await connected();
    const leg = { instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, timeInForce: 'GTC' } as const;
    // Straight to the broker, past the ticket's blockers: every member comes back rejected.
    const ack = t.broker().submitOrderList({ kind: 'OCO', orders: [{ ...leg, limitPrice: 110 }, { ...leg, limitPrice: -1 }] });
    expect(ack.accepted).toBe(false);
    expect(ack.orders.map((o) => o.accepted)).toEqual([false, false]);
    expect(t.service.state().risk.breaker.recentCount).toBe(1);
  });

  it("says before sending what the list's own rules refuse", async () => {
    const t = await connected();
    const crossed = t.service.checkOrder(bracket({ stopPrice: 99 }, 98));
    expect(crossed).toMatchObject({ ok: false, blockers: ['the take-profit 98 must be above the stop-loss 99'] });
    expect(crossed.risk.passed).toBe(true);
    const trailing = t.service.checkOrder(bracket({ trail: { percent: 2 } }));
    expect(trailing).toMatchObject({ ok: true, blockers: [] });
  });

  it('sends a bracket whose stop-loss trails, starting its stop once the entry fills', async () => {
    const t = await connected();
    const sent = await t.service.submitOrder({ ...bracket({ trail: { amount: 2 } }, 105), confirm: false });
    const stopLoss = sent.list?.orders[2];
    expect(openOrders(t).find((o) => o.id === stopLoss?.orderId)).toMatchObject({ type: 'TRAILING_STOP', stopPrice: null, status: 'SUBMITTED', extras: expect.objectContaining({ trail: { amount: 2 } }) });
    t.broker().step();
    t.broker().step();
    expect(openOrders(t).find((o) => o.id === stopLoss?.orderId)).toMatchObject({ status: 'ACCEPTED', stopPrice: 98 });
  });
});

describe('TradingService trailing stops', () => {
  it('sends a trailing stop with its trail, shows its stop, and modifies the trail after the checks', async () => {
    const t = await connected();
    await t.service.submitOrder({ ...ticket(), confirm: false });
    t.broker().step();
    const trailing = ticket({ side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 2 }, timeInForce: 'GTC', limitPrice: 1 });
    expect(t.service.checkOrder(trailing)).toMatchObject({ ok: true, blockers: [] });
    const sent = await t.service.submitOrder({ ...trailing, confirm: false });
    expect(sent).toMatchObject({ accepted: true });
    expect(sent).not.toHaveProperty('list');
    const id = sent.orderId ?? '';
    // The ticket's limit price does not belong to a trailing stop: it is not sent.
    expect(openOrders(t)).toEqual([expect.objectContaining({ id, type: 'TRAILING_STOP', limitPrice: null, stopPrice: 98, extras: { trail: { amount: 2 } } })]);

    const modified = t.service.modifyOrder({ orderId: id, trail: { percent: 1 }, confirm: false });
    expect(modified).toMatchObject({ accepted: true, orderId: id, reason: null });
    expect(t.broker().modifications).toEqual([{ orderId: id, changes: { trail: { percent: 1 } } }]);
    expect(openOrders(t)).toEqual([expect.objectContaining({ id, stopPrice: 99, extras: { trail: { percent: 1 } } })]);

    t.broker().step();
    t.broker().step();
    // The market rose to 104: the stop follows 1 % behind.
    expect(openOrders(t)).toEqual([expect.objectContaining({ id, stopPrice: 104 * 0.99 })]);
  });

  it("refuses a trail on an order that has none, with the broker's reason", async () => {
    const t = await connected();
    const { orderId } = await t.service.submitOrder({ ...ticket({ type: 'LIMIT', limitPrice: 99 }), confirm: false });
    const res = t.service.modifyOrder({ orderId: orderId ?? '', trail: { amount: 1 }, confirm: false });
    expect(res).toMatchObject({ accepted: false, reason: expect.stringMatching(/no trail/) });
  });

  it("sends a trailing stop-limit's offset and an iceberg's display size, and explains a display size over the quantity", async () => {
    const t = await connected();
    const tsl = await t.service.submitOrder({ ...ticket({ type: 'TRAILING_STOP_LIMIT', trail: { percent: 2 }, stopPrice: 101, limitOffset: 0.5, displayQuantity: 5 }), confirm: false });
    expect(openOrders(t).find((o) => o.id === tsl.orderId)).toMatchObject({ stopPrice: 101, extras: { trail: { percent: 2 }, limitOffset: 0.5, displayQuantity: 5 } });
    const iceberg = ticket({ type: 'LIMIT', limitPrice: 99, displayQuantity: 20 });
    expect(t.service.checkOrder(iceberg)).toMatchObject({ ok: false, blockers: ['display size must be positive and at most the quantity 10, got 20'] });
  });
});
