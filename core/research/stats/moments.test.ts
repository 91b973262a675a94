import { describe, expect, it } from 'vitest';
import { returnMoments, sharpeRatio } from './moments';
import { seededNormal } from './testing';

// In units of 0.01 the deviations from the mean (1) are −3, 0, 0, 1, 2: Σd² = 14, Σd³ = −18, Σd⁴ = 98.
const HAND_MADE = [-0.02, 0.01, 0.01, 0.02, 0.03];

describe('returnMoments', () => {
  it('gives the sample std and the population-moment skew and (non-excess) kurtosis of a hand-made set', () => {
    const m = returnMoments(HAND_MADE);
    expect(m.observations).toBe(5);
    expect(m.mean).toBeCloseTo(0.01, 15);
    expect(m.std).toBeCloseTo(0.01 * Math.sqrt(14 / 4), 15); // n − 1
    const m2 = 14 / 5;
    expect(m.skew).toBeCloseTo(-18 / 5 / m2 ** 1.5, 12); // m3 / m2^(3/2), population moments
    expect(m.kurtosis).toBeCloseTo(98 / 5 / m2 ** 2, 12); // m4 / m2² = 2.5, not excess
    expect(m.kurtosis).toBeCloseTo(2.5, 12);
  });

  it('puts a normal sample near skew 0 and kurtosis 3 (not excess 0)', () => {
    const next = seededNormal(7);
    const sample = Float64Array.from({ length: 200_000 }, () => 0.001 + 0.02 * next());
    const m = returnMoments(sample);
    // Standard errors at n = 200,000: sqrt(6/n) ≈ 0.0055 for skew, sqrt(24/n) ≈ 0.011 for kurtosis; about 5 of them.
    expect(Math.abs(m.skew ?? Number.NaN)).toBeLessThan(0.03);
    expect(Math.abs((m.kurtosis ?? Number.NaN) - 3)).toBeLessThan(0.05);
  });

  it('reads a Float64Array and a plain array alike', () => {
    expect(returnMoments(Float64Array.from(HAND_MADE))).toEqual(returnMoments(HAND_MADE));
  });

  it('gives positive skew to a right-tailed set and negative to its mirror', () => {
    const right = [0, 0, 0, 0, 0.1];
    expect(returnMoments(right).skew).toBeGreaterThan(0);
    expect(returnMoments(right.map((r) => -r)).skew).toBeCloseTo(-(returnMoments(right).skew ?? Number.NaN), 12);
  });

  it('is null where a moment is undefined, never NaN', () => {
    expect(returnMoments([])).toEqual({ observations: 0, mean: null, std: null, skew: null, kurtosis: null });
    expect(returnMoments([0.01])).toEqual({ observations: 1, mean: 0.01, std: null, skew: null, kurtosis: null });
    // 0.1 × 3 / 3 is not 0.1 in binary: the constant series must still have no spread.
    expect(returnMoments([0.1, 0.1, 0.1])).toEqual({ observations: 3, mean: 0.10000000000000002, std: 0, skew: null, kurtosis: null });
  });

  it('throws on a non-finite return, naming where', () => {
    expect(() => returnMoments([0.01, Number.NaN])).toThrow(/returns\[1\]/);
    expect(() => returnMoments([Infinity])).toThrow(/returns\[0\]/);
  });
});

describe('sharpeRatio', () => {
  it('is the per-period mean over the sample std', () => {
    expect(sharpeRatio(HAND_MADE)).toBeCloseTo(1 / Math.sqrt(3.5), 14);
  });

  it('is null without spread or with fewer than 2 returns', () => {
    expect(sharpeRatio([0.1, 0.1, 0.1])).toBeNull();
    expect(sharpeRatio([0, 0])).toBeNull();
    expect(sharpeRatio([0.01])).toBeNull();
    expect(sharpeRatio([])).toBeNull();
  });
});
