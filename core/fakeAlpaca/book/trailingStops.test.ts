import { describe, expect, it } from 'vitest';
import type { FakeAlpacaOrder } from '../model';
import { ratchetTrail, retrail, startTrail, trailOf } from './trailingStops';

function order(side: 'buy' | 'sell', trail: { price: number } | { percent: number }): FakeAlpacaOrder {
  const o = {
    side,
    type: 'trailing_stop',
    trailPrice: 'price' in trail ? trail.price : null,
    trailPercent: 'percent' in trail ? trail.percent : null,
    hwm: null,
    stopPrice: null,
  };
  return o as unknown as FakeAlpacaOrder;
}

describe('trailing stops at the fake', () => {
  it('starts a sell trail behind the price and ratchets it up with the highs, never down', () => {
    const o = order('sell', { price: 3 });
    expect(trailOf(o)).toEqual({ amount: 3 });
    startTrail(o, 100);
    expect([o.hwm, o.stopPrice]).toEqual([100, 97]);
    ratchetTrail(o, { high: 104, low: 99 });
    expect([o.hwm, o.stopPrice]).toEqual([104, 101]);
    ratchetTrail(o, { high: 102, low: 95 });
    expect([o.hwm, o.stopPrice]).toEqual([104, 101]);
  });

  it('keeps a buy trail above the lows; a new trail is set again from the mark', () => {
    const o = order('buy', { percent: 10 });
    startTrail(o, 100);
    expect(o.stopPrice).toBeCloseTo(110, 9);
    ratchetTrail(o, { high: 101, low: 90 });
    expect([o.hwm, o.stopPrice]).toEqual([90, 99]);
    o.trailPercent = 20;
    retrail(o);
    expect(o.stopPrice).toBeCloseTo(108, 9);
  });
});
