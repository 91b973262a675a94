import { describe, expect, it } from 'vitest';
import { ratchetStop, trailingLimit, trailingStop } from './trailing';

describe('trailing stops', () => {
  it('start the trail away from the price, below for a sell and above for a buy', () => {
    expect(trailingStop('SELL', { amount: 2 }, 100)).toBe(98);
    expect(trailingStop('BUY', { amount: 2 }, 100)).toBe(102);
    expect(trailingStop('SELL', { percent: 5 }, 200)).toBe(190);
    expect(trailingStop('BUY', { percent: 5 }, 200)).toBe(210);
  });

  it('ratchet toward a favourable extreme and never back', () => {
    expect(ratchetStop('SELL', { amount: 2 }, 98, 105)).toBe(103);
    expect(ratchetStop('SELL', { amount: 2 }, 103, 101)).toBe(103);
    expect(ratchetStop('BUY', { percent: 10 }, 110, 90)).toBe(99);
    expect(ratchetStop('BUY', { percent: 10 }, 99, 95)).toBe(99);
  });

  it('put a stop-limit\'s limit past the stop', () => {
    expect(trailingLimit('SELL', 98, 0.5)).toBe(97.5);
    expect(trailingLimit('BUY', 102, 0.5)).toBe(102.5);
  });
});
