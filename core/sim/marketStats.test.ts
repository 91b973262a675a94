import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollingStats } from './marketStats';

/** Direct definition: recompute every window from scratch. */
function naive(close: Float64Array, volume: Float64Array, window: number): { sigma: number[]; adv: number[] } {
  const sigma: number[] = [];
  const adv: number[] = [];
  for (let i = 0; i < close.length; i++) {
    if (i >= window - 1) {
      let s = 0;
      for (let j = i - window + 1; j <= i; j++) s += volume[j];
      adv.push(s / window);
    } else adv.push(Number.NaN);
    if (i >= window) {
      const rs: number[] = [];
      for (let j = i - window + 1; j <= i; j++) rs.push(Math.log(close[j] / close[j - 1]));
      const m = rs.reduce((a, b) => a + b, 0) / window;
      const ss = rs.reduce((a, b) => a + (b - m) ** 2, 0);
      sigma.push(Math.sqrt(ss / (window - 1)));
    } else sigma.push(Number.NaN);
  }
  return { sigma, adv };
}

function expectClose(actual: Float64Array, expected: number[], relTol: number, absTol = 0): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i])) {
      expect(actual[i], `index ${i}`).toBeNaN();
    } else {
      expect(Math.abs(actual[i] - expected[i]), `index ${i}`).toBeLessThanOrEqual(relTol * Math.abs(expected[i]) + absTol);
    }
  }
}

/**
 * Sigma is compared through the variance: rounding leaves an absolute error of ~1e-16 x (sum of squared returns)
 * there, which the square root would blow up to ~1e-8 when the true sigma is near zero.
 */
function expectSigmaClose(actual: Float64Array, expected: number[]): void {
  expectClose(actual.map((x) => x * x), expected.map((x) => x * x), 1e-9, 1e-13);
}

function loadGoog(): { close: Float64Array; volume: Float64Array } {
  const path = fileURLToPath(new URL('../../fixtures/data/GOOG.csv', import.meta.url));
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return {
    close: Float64Array.from(rows, (r) => Number(r[4])),
    volume: Float64Array.from(rows, (r) => Number(r[5])),
  };
}

describe('rollingStats', () => {
  it('matches a hand-computed window of 2', () => {
    const close = Float64Array.from([100, 110, 99, 99]);
    const volume = Float64Array.from([10, 20, 30, 50]);
    const { sigma, adv } = rollingStats(close, volume, 2);
    expect(Array.from(adv)).toEqual([Number.NaN, 15, 25, 40]);
    expect(sigma[0]).toBeNaN();
    expect(sigma[1]).toBeNaN();
    const r1 = Math.log(1.1);
    const r2 = Math.log(0.9);
    // Sample std of two values is |a - b| / sqrt(2).
    expect(sigma[2]).toBeCloseTo(Math.abs(r1 - r2) / Math.SQRT2, 14);
    expect(sigma[3]).toBeCloseTo(Math.abs(r2 - 0) / Math.SQRT2, 14);
  });

  it('is zero for a constant price', () => {
    const close = new Float64Array(30).fill(50);
    const { sigma } = rollingStats(close, new Float64Array(30).fill(1), 20);
    expect(sigma[25]).toBe(0);
  });

  it('matches the naive implementation on GOOG daily data (window 20)', () => {
    const { close, volume } = loadGoog();
    const got = rollingStats(close, volume);
    const want = naive(close, volume, 20);
    expectSigmaClose(got.sigma, want.sigma);
    expectClose(got.adv, want.adv, 1e-12);
  });

  it('matches the naive implementation on random series and windows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 120, maxLength: 120 }),
        fc.integer({ min: 2, max: 30 }),
        (moves, vols, window) => {
          const close = new Float64Array(moves.length);
          let p = 100;
          moves.forEach((m, i) => {
            p *= m;
            close[i] = p;
          });
          const volume = Float64Array.from(vols.slice(0, moves.length));
          const got = rollingStats(close, volume, window);
          const want = naive(close, volume, window);
          expectSigmaClose(got.sigma, want.sigma);
          expectClose(got.adv, want.adv, 1e-12);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects bad input naming the field and index', () => {
    const ok = Float64Array.from([1, 2, 3]);
    expect(() => rollingStats(Float64Array.from([1, 0, 3]), ok, 2)).toThrow(/close\[1\]/);
    expect(() => rollingStats(ok, Float64Array.from([1, Number.NaN, 3]), 2)).toThrow(/volume\[1\]/);
    expect(() => rollingStats(ok, Float64Array.from([1, 2]), 2)).toThrow(/close has 3 bars but volume has 2/);
    expect(() => rollingStats(ok, ok, 1)).toThrow(/window must be an integer >= 2/);
  });
});
