import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type BreakerState } from './circuitBreaker';

function setup(maxRejections = 3, windowSeconds = 60) {
  let now = Date.parse('2024-03-01T14:00:00Z');
  const breaker = new CircuitBreaker({ max_rejections: maxRejections, window_seconds: windowSeconds }, () => now);
  return { breaker, at: (ms: number) => (now = Date.parse('2024-03-01T14:00:00Z') + ms), now: () => now };
}

describe('CircuitBreaker', () => {
  it('trips on the Nth failure within the window, from the risk checks and the broker alike', () => {
    const { breaker, at, now } = setup();
    breaker.record('risk', 'price band');
    at(10_000);
    breaker.record('broker', '201 Order rejected');
    expect(breaker.tripped).toBe(false);
    expect(breaker.refusal()).toBeNull();
    at(20_000);
    const s = breaker.record('risk', 'buying power');
    expect(s).toMatchObject({ enabled: true, tripped: true, since: now(), recentCount: 3, maxRejections: 3, windowSeconds: 60 });
    expect(s.reason).toBe('3 rejections within 60 s; last: buying power');
    expect(s.recent.map((f) => f.source)).toEqual(['risk', 'broker', 'risk']);
    expect(breaker.refusal()).toBe(
      'circuit breaker tripped at 2024-03-01T14:00:20.000Z (3 rejections within 60 s; last: buying power); reset it to trade again',
    );
  });

  it('counts a failure exactly window_seconds old and forgets it one millisecond later', () => {
    const { breaker, at } = setup(2, 60);
    at(0);
    breaker.record('risk', 'a');
    at(60_000);
    expect(breaker.state().recentCount).toBe(1);
    at(60_001);
    expect(breaker.state().recentCount).toBe(0);
    breaker.record('risk', 'b');
    expect(breaker.tripped).toBe(false);
    const again = setup(2, 60);
    again.at(0);
    again.breaker.record('risk', 'a');
    again.at(60_000);
    again.breaker.record('risk', 'b');
    expect(again.breaker.tripped).toBe(true);
  });

  it('stays tripped however much time passes, until the trader resets it; reset forgets the failures', () => {
    const { breaker, at } = setup(2, 10);
    breaker.record('broker', 'x');
    breaker.record('broker', 'y');
    at(86_400_000);
    expect(breaker.state()).toMatchObject({ tripped: true, recentCount: 2 });
    breaker.record('risk', 'z');
    expect(breaker.state().recentCount).toBe(3);
    const s = breaker.reset();
    expect(s).toMatchObject({ tripped: false, since: null, reason: null, recentCount: 0 });
    breaker.record('risk', 'after reset');
    expect(breaker.tripped).toBe(false);
  });

  it('never trips without a circuit_breaker config, but still answers its state', () => {
    const breaker = new CircuitBreaker(null, () => 0);
    for (let i = 0; i < 100; i++) breaker.record('risk', 'r');
    expect(breaker.state()).toMatchObject({ enabled: false, tripped: false, recentCount: 0, maxRejections: null, windowSeconds: null });
  });

  it('tells listeners of every change until they unsubscribe', () => {
    const { breaker } = setup(1);
    const seen: BreakerState[] = [];
    const off = breaker.onChange((s) => seen.push(s));
    breaker.record('risk', 'r');
    breaker.reset();
    off();
    breaker.record('risk', 'r');
    expect(seen.map((s) => s.tripped)).toEqual([true, false]);
  });
});
