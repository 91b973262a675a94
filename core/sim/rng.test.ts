import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng';

const take = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe('createRng', () => {
  it('replays the same sequence for the same seed', () => {
    expect(take(createRng(42), 50)).toEqual(take(createRng(42), 50));
  });

  it('gives different sequences for different seeds', () => {
    expect(take(createRng(1), 10)).not.toEqual(take(createRng(2), 10));
  });

  it('matches the reference mulberry32 output for seed 0', () => {
    // First values of the published mulberry32 with seed 0, pinned so a refactor cannot silently change replays.
    expect(createRng(0)()).toBeCloseTo(0.26642920868471265, 15);
  });

  it('stays in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 }), (seed) => {
        for (const x of take(createRng(seed), 100)) {
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  it('is roughly uniform: mean near 0.5 and each decile populated', () => {
    const xs = take(createRng(7), 20_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const deciles = new Array<number>(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]++;
    for (const count of deciles) expect(count).toBeGreaterThan(1800);
  });

  it('rejects a non-finite seed with a clear error', () => {
    expect(() => createRng(Number.NaN)).toThrow(/seed must be a finite number/);
  });
});
