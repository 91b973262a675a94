import { describe, expect, it } from 'vitest';
import { LogRing } from './logRing';

describe('LogRing', () => {
  it('keeps the latest entries, oldest first, once it wraps', () => {
    const ring = new LogRing<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    for (const n of [3, 4, 5, 6, 7]) ring.push(n);
    expect(ring.toArray()).toEqual([5, 6, 7]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LogRing(0)).toThrow(/positive integer/);
  });
});
