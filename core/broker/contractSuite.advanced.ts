import { expect, it } from 'vitest';
import type { OrderRequest } from '../domain/order';
import type { BrokerHarness } from './contractSuite';

type WithHarness = (fn: (h: BrokerHarness) => Promise<void>) => () => Promise<void>;

const cents = (v: number) => Math.round(v * 100) / 100;

function statusOf(h: BrokerHarness, id: string): string | undefined {
  return h.broker.getOrderStatus(id)?.status;
}

/** Buys `qty` at the market and lets it fill: the position the exit orders below protect. */
async function hold(h: BrokerHarness, qty: number): Promise<void> {
  h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: qty, timeInForce: 'DAY' });
  await h.advance();
  expect(h.broker.getPositions().find((p) => p.instrument === h.instrument)?.quantity).toBe(qty);
}

/** The advanced order types and lists of issue 11, as every broker must carry them. */
export function advancedOrderContract(withHarness: WithHarness): void {
  it(
    'holds a bracket\'s exits until the entry fills, then works them for the filled quantity',
    withHarness(async (h) => {
      const last = h.lastPrice();
      const ack = h.broker.submitOrderList({
        kind: 'BRACKET',
        entry: { instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' },
        takeProfit: { instrument: h.instrument, side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: cents(last * 2), timeInForce: 'GTC' },
        stopLoss: { instrument: h.instrument, side: 'SELL', type: 'STOP', quantity: 10, stopPrice: cents(last * 0.5), timeInForce: 'GTC' },
      });
      expect(ack.accepted).toBe(true);
      expect(ack.orders).toHaveLength(3);
      const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
      expect(statusOf(h, tp)).toBe('SUBMITTED');
      expect(statusOf(h, sl)).toBe('SUBMITTED');
      await h.advance();
      expect(statusOf(h, entry)).toBe('FILLED');
      expect(statusOf(h, tp)).toBe('ACCEPTED');
      expect(statusOf(h, sl)).toBe('ACCEPTED');
      const open = h.broker.getOpenOrders();
      const links = [tp, sl].map((id) => open.find((o) => o.id === id)?.extras?.link);
      expect(links.map((l) => l?.role)).toEqual(['TAKE_PROFIT', 'STOP_LOSS']);
      expect(links.map((l) => l?.parentId)).toEqual([entry, entry]);
      expect(links[0]?.listId).toBe(ack.listId);
      expect(open.filter((o) => o.id === tp || o.id === sl).map((o) => o.quantity)).toEqual([10, 10]);
    }),
  );

  it(
    'cancels a bracket\'s held exits with its entry',
    withHarness(async (h) => {
      const last = h.lastPrice();
      const ack = h.broker.submitOrderList({
        kind: 'BRACKET',
        entry: { instrument: h.instrument, side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: cents(last * 0.5), timeInForce: 'GTC' },
        takeProfit: { instrument: h.instrument, side: 'SELL', type: 'LIMIT', quantity: 5, limitPrice: cents(last * 2), timeInForce: 'GTC' },
        stopLoss: { instrument: h.instrument, side: 'SELL', type: 'STOP', quantity: 5, stopPrice: cents(last * 0.4), timeInForce: 'GTC' },
      });
      const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
      await h.advance();
      expect(statusOf(h, entry)).toBe('ACCEPTED');
      expect(h.broker.cancelOrder(entry).accepted).toBe(true);
      await h.advance();
      expect([entry, tp, sl].map((id) => statusOf(h, id))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
      expect(h.broker.getOpenOrders()).toHaveLength(0);
    }),
  );

  it(
    'cancels the rest of an OCO group when one of its orders fills',
    withHarness(async (h) => {
      await hold(h, 10);
      const last = h.lastPrice();
      const ack = h.broker.submitOrderList({
        kind: 'OCO',
        orders: [
          { instrument: h.instrument, side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: cents(last * 0.9), timeInForce: 'GTC' },
          { instrument: h.instrument, side: 'SELL', type: 'STOP', quantity: 10, stopPrice: cents(last * 0.5), timeInForce: 'GTC' },
        ],
      });
      expect(ack.accepted).toBe(true);
      const [limit, stop] = ack.orders.map((a) => a.orderId);
      await h.advance();
      expect(statusOf(h, limit)).toBe('FILLED');
      expect(statusOf(h, stop)).toBe('CANCELLED');
      expect(h.broker.getPositions().find((p) => p.instrument === h.instrument)?.quantity ?? 0).toBe(0);
    }),
  );

  it(
    'rests a trailing stop behind the market, then cancels it',
    withHarness(async (h) => {
      await hold(h, 10);
      const ack = h.broker.submitOrder({
        instrument: h.instrument, side: 'SELL', type: 'TRAILING_STOP', quantity: 10, trail: { percent: 25 }, timeInForce: 'GTC',
      });
      expect(ack.accepted).toBe(true);
      await h.advance();
      expect(statusOf(h, ack.orderId)).toBe('ACCEPTED');
      const working = h.broker.getOpenOrders().find((o) => o.id === ack.orderId);
      expect(working?.type).toBe('TRAILING_STOP');
      expect(working?.extras?.trail).toEqual({ percent: 25 });
      expect(h.broker.cancelOrder(ack.orderId).accepted).toBe(true);
      await h.advance();
      expect(statusOf(h, ack.orderId)).toBe('CANCELLED');
    }),
  );

  it(
    'rests a trailing stop-limit behind the market with its limit offset, or refuses it where the venue has none',
    withHarness(async (h) => {
      await hold(h, 10);
      const ack = h.broker.submitOrder({
        instrument: h.instrument, side: 'SELL', type: 'TRAILING_STOP_LIMIT', quantity: 10, trail: { percent: 25 }, limitOffset: 1, timeInForce: 'GTC',
      });
      const lacks = h.lacks?.TRAILING_STOP_LIMIT;
      if (lacks !== undefined) {
        expect(ack.accepted).toBe(false);
        expect(ack.reason).toMatch(lacks);
        return;
      }
      expect(ack.accepted).toBe(true);
      await h.advance();
      const working = h.broker.getOpenOrders().find((o) => o.id === ack.orderId);
      expect(working?.type).toBe('TRAILING_STOP_LIMIT');
      expect(working?.extras).toMatchObject({ trail: { percent: 25 }, limitOffset: 1 });
      expect(h.broker.cancelOrder(ack.orderId).accepted).toBe(true);
      await h.advance();
      expect(statusOf(h, ack.orderId)).toBe('CANCELLED');
    }),
  );

  it(
    'works an OTO\'s child once its parent has filled',
    withHarness(async (h) => {
      const last = h.lastPrice();
      const ack = h.broker.submitOrderList({
        kind: 'OTO',
        parent: { instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 6, timeInForce: 'DAY' },
        children: [{ instrument: h.instrument, side: 'SELL', type: 'LIMIT', quantity: 6, limitPrice: cents(last * 2), timeInForce: 'GTC' }],
      });
      expect(ack.accepted).toBe(true);
      const [parent, child] = ack.orders.map((a) => a.orderId);
      expect(statusOf(h, child)).toBe('SUBMITTED');
      await h.advance();
      expect(statusOf(h, parent)).toBe('FILLED');
      expect(statusOf(h, child)).toBe('ACCEPTED');
      expect(h.broker.getOpenOrders().find((o) => o.id === child)?.extras?.link).toMatchObject({ kind: 'OTO', role: 'CHILD', parentId: parent });
    }),
  );

  it(
    'fills an iceberg limit in slices no larger than its display size',
    withHarness(async (h) => {
      const events: { orderId: string; quantity: number }[] = [];
      h.broker.subscribe((e) => {
        if (e.type === 'OrderFilled' || e.type === 'OrderPartiallyFilled') events.push({ orderId: e.fill.orderId, quantity: e.fill.quantity });
      }, ['OrderFilled', 'OrderPartiallyFilled']);
      const ack = h.broker.submitOrder({
        instrument: h.instrument, side: 'BUY', type: 'LIMIT', quantity: 20, limitPrice: cents(h.lastPrice() * 1.5), displayQuantity: 5, timeInForce: 'GTC',
      });
      expect(ack.accepted).toBe(true);
      for (let i = 0; i < 8 && statusOf(h, ack.orderId) !== 'FILLED'; i++) await h.advance();
      expect(statusOf(h, ack.orderId)).toBe('FILLED');
      const mine = events.filter((e) => e.orderId === ack.orderId).map((e) => e.quantity);
      expect(mine.reduce((s, q) => s + q, 0)).toBe(20);
      expect(Math.max(...mine)).toBeLessThanOrEqual(5);
    }),
  );

  it(
    'changes a working order\'s price',
    withHarness(async (h) => {
      const last = h.lastPrice();
      const ack = h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'LIMIT', quantity: 3, limitPrice: cents(last * 0.5), timeInForce: 'GTC' });
      await h.advance();
      expect(h.broker.modifyOrder(ack.orderId, { limitPrice: cents(last * 0.6) }).accepted).toBe(true);
      await h.advance();
      expect(h.broker.getOpenOrders().find((o) => o.id === ack.orderId)?.limitPrice).toBe(cents(last * 0.6));
    }),
  );

  it(
    'refuses a list whole when one of its orders is wrong, naming it',
    withHarness(async (h) => {
      const last = h.lastPrice();
      const leg = (over: Partial<OrderRequest>): OrderRequest => ({ instrument: h.instrument, side: 'SELL', type: 'LIMIT', quantity: 4, timeInForce: 'GTC', ...over });
      const ack = h.broker.submitOrderList({
        kind: 'BRACKET',
        entry: { instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 4, timeInForce: 'DAY' },
        takeProfit: leg({ limitPrice: cents(last * 0.5) }),
        stopLoss: leg({ type: 'STOP', stopPrice: cents(last * 0.8) }),
      });
      expect(ack.accepted).toBe(false);
      expect(ack.reason).toMatch(/take-profit .* must be above the stop-loss/);
      expect(ack.orders.every((a) => !a.accepted)).toBe(true);
      await h.advance();
      expect(h.broker.getFills()).toHaveLength(0);
      expect(h.broker.getOpenOrders()).toHaveLength(0);
    }),
  );
}
