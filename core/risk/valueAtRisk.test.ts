import { describe, expect, it } from 'vitest';
import { normalPdf, normalQuantile } from './normal';
import { quantile } from './quantile';
import { historicalVarEs, overlappingReturns, parametricVarEs } from './valueAtRisk';

// A fixed series: −5 % … +5 % in 1 % steps, shuffled (order must not matter). Mean 0; the sample
// variance is Σr² / (n − 1) = 0.011 / 10, so σ = √0.0011 = 0.0331662.
const SERIES = [0.02, -0.05, 0.04, 0, -0.01, 0.05, -0.03, 0.01, -0.04, 0.03, -0.02];
const SIGMA = Math.sqrt(0.0011);

describe('normal distribution', () => {
  it('gives the textbook quantiles and densities', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263, 4);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263, 4);
    expect(normalPdf(normalQuantile(0.95))).toBeCloseTo(0.10314, 5);
    expect(normalPdf(normalQuantile(0.99))).toBeCloseTo(0.026652, 6);
    expect(normalPdf(0)).toBeCloseTo(0.398942, 6);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(/strictly between 0 and 1, got 1/);
  });
});

describe('quantile (type 7, linear interpolation)', () => {
  it('interpolates between order statistics: h = (n − 1)p', () => {
    // n = 11, p = 0.05: h = 0.5, halfway between −5 % and −4 %.
    expect(quantile(SERIES, 0.05)).toBeCloseTo(-0.045, 12);
    // p = 0.01: h = 0.1, a tenth of the way from −5 % to −4 %.
    expect(quantile(SERIES, 0.01)).toBeCloseTo(-0.049, 12);
    expect(quantile(SERIES, 0.5)).toBe(0);
    expect(quantile([3, 1, 2, 4], 0.25)).toBeCloseTo(1.75, 12);
  });

  it('rejects an empty sample', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty/);
  });
});

describe('historical VaR and ES', () => {
  it('matches the hand-computed tail of the fixed series', () => {
    const r95 = historicalVarEs(SERIES, 0.95);
    expect(r95.var).toBeCloseTo(0.045, 12);
    // Only −5 % lies at or below the −4.5 % quantile.
    expect(r95.es).toBeCloseTo(0.05, 12);
    const r99 = historicalVarEs(SERIES, 0.99);
    expect(r99.var).toBeCloseTo(0.049, 12);
    expect(r99.es).toBeCloseTo(0.05, 12);
  });

  it('averages every return in the tail for ES', () => {
    // 21 returns −10 … +10 %: p = 0.1 gives h = 2, the quantile is −8 %; the tail is −10, −9, −8.
    const wide = Array.from({ length: 21 }, (_, i) => (i - 10) / 100);
    const r = historicalVarEs(wide, 0.9);
    expect(r.var).toBeCloseTo(0.08, 12);
    expect(r.es).toBeCloseTo(0.09, 12);
  });

  it('refuses too short a sample', () => {
    expect(() => historicalVarEs([0.01], 0.95)).toThrow(/at least 2 returns, got 1/);
  });
});

describe('parametric (normal) VaR and ES', () => {
  it('is z·σ and σ·φ(z)/(1 − α) for a zero-mean series', () => {
    const r95 = parametricVarEs(SERIES, 0.95);
    expect(r95.var).toBeCloseTo(1.6449 * SIGMA, 5);
    expect(r95.var).toBeCloseTo(0.054554, 6);
    expect(r95.es).toBeCloseTo((SIGMA * 0.10314) / 0.05, 5);
    expect(r95.es).toBeCloseTo(0.068412, 6);
    const r99 = parametricVarEs(SERIES, 0.99);
    expect(r99.var).toBeCloseTo(0.077156, 6);
    expect(r99.es).toBeCloseTo(0.088395, 6);
    expect(r99.es).toBeCloseTo((SIGMA * 0.026652) / 0.01, 5);
  });

  it('scales σ by √10 and the mean by 10 over ten days', () => {
    const shifted = SERIES.map((r) => r + 0.001);
    const ten = parametricVarEs(shifted, 0.95, 10);
    expect(ten.var).toBeCloseTo(1.6449 * SIGMA * Math.sqrt(10) - 0.01, 4);
    expect(ten.es).toBeCloseTo((SIGMA * Math.sqrt(10) * 0.10314) / 0.05 - 0.01, 4);
  });

  it('doubles the volatility part when asked to scale volatility ×2', () => {
    expect(parametricVarEs(SERIES, 0.99, 1, 2).var).toBeCloseTo(2 * 0.077156, 5);
  });

  it('names a bad confidence level', () => {
    expect(() => parametricVarEs(SERIES, 95)).toThrow(/confidence must be strictly between 0 and 1, got 95/);
  });
});

describe('overlapping returns', () => {
  it('compounds each window of h days', () => {
    const out = overlappingReturns([0.1, -0.1, 0.2], 2);
    expect(out).toHaveLength(2);
    expect(out[0]).toBeCloseTo(1.1 * 0.9 - 1, 12);
    expect(out[1]).toBeCloseTo(0.9 * 1.2 - 1, 12);
  });

  it('gives none when the series is shorter than the window', () => {
    expect(overlappingReturns([0.1], 10)).toEqual([]);
  });
});
