import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng, deriveSeed } from './prng';

function draws(seed: number, n: number): number[] {
  const prng = new Prng(seed);
  return Array.from({ length: n }, () => prng.nextUint32());
}

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(seed, 20)).toEqual(draws(seed, 20));
        expect(draws(seed, 20)).not.toEqual(draws(seed + 1, 20));
      }),
    );
  });

  it('keeps uniforms strictly inside (0, 1) and uint32 draws in range', () => {
    const prng = new Prng(7);
    for (let i = 0; i < 10_000; i++) {
      const u = prng.next();
      expect(u > 0 && u < 1).toBe(true);
      const x = prng.nextUint32();
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }
  });

  it('draws normals with mean near 0, variance near 1 and symmetric tails', () => {
    const prng = new Prng(123);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = prng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
    // P(|Z| > 2) = 0.0455 for a standard normal.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003);
  });

  it('derives distinct stream seeds and rejects a non-finite seed', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(42, i)));
    expect(seeds.size).toBe(1000);
    expect(() => new Prng(Number.NaN)).toThrow(/seed/);
  });
});
