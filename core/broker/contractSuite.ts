import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from './events';
import type { BrokerInterface } from './BrokerInterface';
import { advancedOrderContract } from './contractSuite.advanced';

/** What an implementation supplies to run the contract: a broker and a market that can move on. */
export interface BrokerHarness {
  broker: BrokerInterface;
  /** An instrument the broker can trade. */
  instrument: string;
  /** The latest traded price of `instrument`. */
  lastPrice(): number;
  /** Lets the market move on until marketable orders have had their chance to fill, and outcomes of earlier commands arrive. */
  advance(): Promise<void>;
  close(): Promise<void>;
  /**
   * Order types the venue does not have, each with a word its refusal must name (Alpaca has no
   * trailing stop-limit): the suite then checks they are refused with a reason, not worked.
   */
  lacks?: Partial<Record<'TRAILING_STOP_LIMIT', RegExp>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function record(broker: BrokerInterface): BrokerEvent[] {
  const events: BrokerEvent[] = [];
  broker.subscribe((e) => events.push(e));
  return events;
}

/**
 * The behaviour every BrokerInterface must show, whatever its mode: written against the port only,
 * so the backtest broker and the IB adapter run the very same checks.
 */
export function brokerContractSuite(name: string, makeHarness: () => Promise<BrokerHarness>): void {
  describe(`BrokerInterface contract: ${name}`, () => {
    const withHarness = (fn: (h: BrokerHarness) => Promise<void>) => async () => {
      const h = await makeHarness();
      try {
        await fn(h);
      } finally {
        await h.close();
      }
    };

    it(
      'acknowledges a market order, then reports its fill as events and in every query',
      withHarness(async (h) => {
        const events = record(h.broker);
        const cashBefore = h.broker.getAccountState().cash;
        const ack = h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
        expect(ack.accepted).toBe(true);
        expect(ack.clientOrderRef).toMatch(UUID);
        // Sent to a broker that has yet to answer (SUBMITTED), or taken at once by a simulated venue (ACCEPTED).
        expect(events.some((e) => e.type === 'OrderSubmitted' || e.type === 'OrderAccepted')).toBe(true);
        expect(['SUBMITTED', 'ACCEPTED']).toContain(h.broker.getOrderStatus(ack.orderId)?.status);
        await h.advance();
        const filled = events.find((e) => e.type === 'OrderFilled');
        expect(filled && filled.type === 'OrderFilled' ? filled.fill.quantity : 0).toBe(10);
        const status = h.broker.getOrderStatus(ack.orderId);
        expect(status?.status).toBe('FILLED');
        expect(status?.filledQuantity).toBe(10);
        expect(status?.remainingQuantity).toBe(0);
        const fills = h.broker.getFills().filter((f) => f.orderId === ack.orderId);
        expect(fills.reduce((s, f) => s + f.quantity, 0)).toBe(10);
        const pos = h.broker.getPositions().find((p) => p.instrument === h.instrument);
        expect(pos?.quantity).toBe(10);
        const paid = fills.reduce((s, f) => s + f.quantity * f.price + f.commission, 0);
        expect(h.broker.getAccountState().cash).toBeCloseTo(cashBefore - paid, 6);
      }),
    );

    it(
      'rejects an invalid order with a reason, as an acknowledgement and as an event',
      withHarness(async (h) => {
        const events = record(h.broker);
        const bad = [
          { instrument: h.instrument, side: 'BUY' as const, type: 'MARKET' as const, quantity: 0, timeInForce: 'DAY' as const },
          { instrument: 'NO_SUCH_SYMBOL', side: 'BUY' as const, type: 'MARKET' as const, quantity: 1, timeInForce: 'DAY' as const },
          { instrument: h.instrument, side: 'BUY' as const, type: 'LIMIT' as const, quantity: 1, timeInForce: 'DAY' as const },
        ];
        const acks = h.broker.submitOrders(bad);
        expect(acks.map((a) => a.accepted)).toEqual([false, false, false]);
        for (const a of acks) {
          expect(a.reason).toBeTruthy();
          expect(h.broker.getOrderStatus(a.orderId)?.status).toBe('REJECTED');
        }
        expect(events.filter((e) => e.type === 'OrderRejected')).toHaveLength(3);
      }),
    );

    it(
      'cancels a working order once, and refuses to cancel it again',
      withHarness(async (h) => {
        const events = record(h.broker);
        const far = Math.round(h.lastPrice() * 0.5 * 100) / 100;
        const ack = h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: far, timeInForce: 'GTC' });
        await h.advance();
        expect(h.broker.getOpenOrders().map((o) => o.id)).toContain(ack.orderId);
        // Working at the venue: the broker has acknowledged it, and said so once.
        expect(h.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
        expect(events.filter((e) => e.type === 'OrderAccepted' && e.order.id === ack.orderId)).toHaveLength(1);
        const [c1] = h.broker.cancelOrders([ack.orderId]);
        expect(c1.accepted).toBe(true);
        // The ack says the cancel was taken; that it happened is an outcome, which a real broker confirms later.
        await h.advance();
        expect(h.broker.getOrderStatus(ack.orderId)?.status).toBe('CANCELLED');
        expect(h.broker.cancelOrder(ack.orderId).accepted).toBe(false);
        expect(events.filter((e) => e.type === 'OrderCancelled')).toHaveLength(1);
        expect(h.broker.getOpenOrders().map((o) => o.id)).not.toContain(ack.orderId);
      }),
    );

    it(
      'refuses a client order ref that was used before',
      withHarness(async (h) => {
        const ref = '0b6f0a52-4c55-4bb4-9e7e-0f1f0c6f6a11';
        const req = { instrument: h.instrument, side: 'BUY' as const, type: 'MARKET' as const, quantity: 1, timeInForce: 'DAY' as const, clientOrderRef: ref };
        expect(h.broker.submitOrder(req).accepted).toBe(true);
        const again = h.broker.submitOrder(req);
        expect(again.accepted).toBe(false);
        expect(again.reason).toMatch(/duplicate/);
      }),
    );

    it(
      'answers batch status queries in order, with undefined for unknown ids',
      withHarness(async (h) => {
        const acks = h.broker.submitOrders([
          { instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' },
          { instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 2, timeInForce: 'DAY' },
        ]);
        const statuses = h.broker.getOrderStatuses([acks[1].orderId, 'missing', acks[0].orderId]);
        expect(statuses[0]?.orderId).toBe(acks[1].orderId);
        expect(statuses[1]).toBeUndefined();
        expect(statuses[2]?.orderId).toBe(acks[0].orderId);
      }),
    );

    it(
      'emits each order\'s events in a legal order and nothing after a terminal one',
      withHarness(async (h) => {
        const events = record(h.broker);
        h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 3, timeInForce: 'DAY' });
        h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'LIMIT', quantity: 3, limitPrice: h.lastPrice() * 0.5, timeInForce: 'DAY' });
        await h.advance();
        await h.advance();
        const byOrder = new Map<string, string[]>();
        for (const e of events) if (e.type !== 'AccountChanged') byOrder.set(e.order.id, [...(byOrder.get(e.order.id) ?? []), e.type]);
        expect(byOrder.size).toBe(2);
        const terminal = new Set(['OrderFilled', 'OrderCancelled', 'OrderRejected']);
        for (const seq of byOrder.values()) {
          expect(['OrderSubmitted', 'OrderAccepted']).toContain(seq[0]);
          expect(seq.lastIndexOf('OrderSubmitted')).toBeLessThanOrEqual(0);
          expect(seq.filter((t) => t === 'OrderAccepted').length).toBeLessThanOrEqual(1);
          const accepted = seq.indexOf('OrderAccepted');
          if (accepted >= 0) expect(seq.slice(0, accepted).every((t) => t === 'OrderSubmitted')).toBe(true);
          const firstTerminal = seq.findIndex((t) => terminal.has(t));
          if (firstTerminal >= 0) expect(firstTerminal).toBe(seq.length - 1);
        }
      }),
    );

    it(
      'delivers only the event types a subscriber asked for',
      withHarness(async (h) => {
        const fills: BrokerEvent[] = [];
        const all = record(h.broker);
        h.broker.subscribe((e) => fills.push(e), ['OrderFilled']);
        h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 2, timeInForce: 'DAY' });
        await h.advance();
        expect(fills.map((e) => e.type)).toEqual(['OrderFilled']);
        expect(all.some((e) => e.type === 'OrderSubmitted' || e.type === 'OrderAccepted')).toBe(true);
      }),
    );

    it(
      'filters fills by time and stops sending events after unsubscribe',
      withHarness(async (h) => {
        const events: BrokerEvent[] = [];
        const off = h.broker.subscribe((e) => events.push(e));
        h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' });
        await h.advance();
        const all = h.broker.getFills();
        expect(all.length).toBeGreaterThan(0);
        const last = all[all.length - 1].timestamp;
        expect(h.broker.getFills(last + 1)).toHaveLength(0);
        expect(h.broker.getFills(last).length).toBeGreaterThan(0);
        off();
        const seen = events.length;
        h.broker.submitOrder({ instrument: h.instrument, side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' });
        await h.advance();
        expect(events.length).toBe(seen);
        await expect(h.broker.sync()).resolves.toBeUndefined();
      }),
    );

    advancedOrderContract(withHarness);
  });
}
