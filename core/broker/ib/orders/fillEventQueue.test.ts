import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../events';
import type { Fill, Order } from '../../../domain/order';
import { FillEventQueue } from './fillEventQueue';

const order = { id: 'o1' } as Order;
const fill = (id: string, commission = 0): Fill => ({ id, orderId: 'o1', instrument: 'A', side: 'BUY', quantity: 1, price: 1, commission, timestamp: 0, referencePrice: 1, slippage: 0 });
const partial = (id: string): Extract<BrokerEvent, { type: 'OrderPartiallyFilled' }> => ({ type: 'OrderPartiallyFilled', order, fill: fill(id), at: 0 });

describe('FillEventQueue', () => {
  it('sends a fill once its commission is known, with the commission', () => {
    const out: BrokerEvent[] = [];
    const q = new FillEventQueue((e) => out.push(e), 60_000);
    q.hold('x1', partial('x1'), false);
    expect(out).toEqual([]);
    q.commission('o1', 'x1', fill('x1', 1.5));
    expect(out.map((e) => (e.type === 'OrderPartiallyFilled' ? e.fill.commission : null))).toEqual([1.5]);
  });

  it('keeps the order of an order\'s fills, and releases them before its other events', () => {
    const out: string[] = [];
    const q = new FillEventQueue((e) => out.push(e.type === 'OrderPartiallyFilled' ? e.fill.id : e.type), 60_000);
    q.hold('x1', partial('x1'), false);
    q.hold('x2', partial('x2'), false);
    q.commission('o1', 'x2', fill('x2', 1));
    expect(out).toEqual([]);
    q.hold('x3', partial('x3'), true);
    q.flush('o1');
    expect(out).toEqual(['x1', 'x2', 'x3']);
  });

  it('lets a fill go without its commission after the grace period', async () => {
    const out: BrokerEvent[] = [];
    const q = new FillEventQueue((e) => out.push(e), 5);
    q.hold('x1', partial('x1'), false);
    await new Promise((r) => setTimeout(r, 30));
    expect(out).toHaveLength(1);
  });
});
