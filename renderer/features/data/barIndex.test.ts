import { describe, expect, it } from 'vitest';
import { barIndexAt } from './barIndex';

describe('barIndexAt', () => {
  const bars = [{ ts: 60_000 }, { ts: 120_500 }, { ts: 180_000 }];

  it('finds the bar of a chart time, stamps compared in whole seconds', () => {
    expect(barIndexAt(bars, 60_000)).toBe(0);
    expect(barIndexAt(bars, 120_000)).toBe(1);
    expect(barIndexAt(bars, 180_000)).toBe(2);
  });

  it('gives null for a time with no bar, and for no bars', () => {
    expect(barIndexAt(bars, 90_000)).toBeNull();
    expect(barIndexAt([], 60_000)).toBeNull();
  });
});
