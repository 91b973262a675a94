import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

// Reference values computed with mpmath at 50 significant digits (ncdf, and bisection on it for quantiles).
const CDF: [number, number][] = [
  [-37, 5.725571222524577e-300],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-8, 6.220960574271784e-16],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-2, 0.02275013194817921],
  [-1, 0.15865525393145705],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
];
const QUANTILE: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-10, -6.361340902404056],
  [1e-5, -4.264890793922825],
  [0.02425, -1.972961051311885],
  [0.3, -0.5244005127080409],
  [0.975, 1.959963984540054],
  [0.99, 2.3263478740408408],
];

describe('normalCdf', () => {
  it('matches high-precision values to ~1e-14 relative, far into the lower tail', () => {
    for (const [x, expected] of CDF) expect(relativeError(normalCdf(x), expected), `Φ(${x})`).toBeLessThan(1e-13);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = 0; x <= 8; x += 0.25) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
  });

  it('saturates at the ends and rejects NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-45)).toBe(0);
    expect(() => normalCdf(Number.NaN)).toThrow(/NaN/);
  });
});

describe('normalQuantile', () => {
  it('matches high-precision values to ~1e-14 relative (Acklam alone is only ~1e-9)', () => {
    for (const [p, expected] of QUANTILE) expect(relativeError(normalQuantile(p), expected), `Φ⁻¹(${p})`).toBeLessThan(1e-13);
  });

  it('inverts normalCdf across the range, tails included', () => {
    for (const p of [1e-250, 1e-100, 1e-20, 1e-10, 1e-6, 0.001, 0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.9, 0.97, 0.999, 1 - 1e-9]) {
      expect(relativeError(normalCdf(normalQuantile(p)), p), `p = ${p}`).toBeLessThan(1e-12);
    }
  });

  it('is antisymmetric about 1/2', () => {
    // Dyadic p, so 1 − p is exact.
    for (const p of [2 ** -20, 2 ** -10, 2 ** -6, 0.125, 0.25, 0.375]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is infinite at 0 and 1 and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.1, Number.NaN]) expect(() => normalQuantile(p)).toThrow(/\[0, 1\]/);
  });
});
