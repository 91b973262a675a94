import { describe, expect, it } from 'vitest';
import { deflatedSharpe, expectedMaxSharpe, probabilisticSharpe, type DeflatedSharpeResult } from './deflatedSharpe';
import { returnMoments, sharpeRatio } from './moments';
import { normalCdf } from './normal';

/**
 * Bailey & López de Prado (2014), "The Deflated Sharpe Ratio", numerical example: an annualised Sharpe ratio of 2.5
 * estimated on T = 1250 daily returns (5 years at 250 a year), N = 100 trials whose annualised Sharpe ratios have
 * variance V = 1/2, returns with γ3 = −3 and γ4 = 10. Published: SR0 ≈ 0.1132 (non-annualised) and DSR ≈ 0.9004;
 * DSR ≈ 0.9505 after only N = 46 trials; with normal returns (γ3 = 0, γ4 = 3), DSR ≈ 0.9505 after N = 88.
 */
const PAPER = { periodsPerYear: 250, sharpe: 2.5 / Math.sqrt(250), variance: 0.5 / 250, observations: 1250 };

// Worked example's deviations (units of 0.01) from the mean 1: −3, 0, 0, 1, 2 (see moments.test.ts).
const HAND_MADE = [-0.02, 0.01, 0.01, 0.02, 0.03];
const HAND_SHARPE = 1 / Math.sqrt(3.5);
const HAND_SKEW = -3.6 / 2.8 ** 1.5;
const HAND_KURTOSIS = 2.5;

const isJsonSafe = (result: DeflatedSharpeResult): boolean => Object.values(result).every((v) => v === null || Number.isFinite(v));

describe('the paper’s numerical example', () => {
  it('reproduces SR0 ≈ 0.1132 and DSR ≈ 0.9004 for N = 100, γ3 = −3, γ4 = 10', () => {
    const sr0 = expectedMaxSharpe(100, PAPER.variance);
    expect(sr0).toBeCloseTo(0.1132, 4);
    expect(probabilisticSharpe(PAPER.sharpe, sr0, PAPER.observations, -3, 10)).toBeCloseTo(0.9004, 4);
  });

  it('reproduces DSR ≈ 0.9505 after N = 46, and after N = 88 with normal returns', () => {
    expect(probabilisticSharpe(PAPER.sharpe, expectedMaxSharpe(46, PAPER.variance), PAPER.observations, -3, 10)).toBeCloseTo(0.9505, 4);
    expect(probabilisticSharpe(PAPER.sharpe, expectedMaxSharpe(88, PAPER.variance), PAPER.observations, 0, 3)).toBeCloseTo(0.9505, 4);
  });

  it('agrees with the same formulas evaluated by scipy.stats.norm to ~1e-12', () => {
    expect(expectedMaxSharpe(100, PAPER.variance)).toBeCloseTo(0.11317200186513214, 12);
    expect(probabilisticSharpe(PAPER.sharpe, 0.11317200186513214, PAPER.observations, -3, 10)).toBeCloseTo(0.9003968344493903, 12);
  });
});

describe('probabilisticSharpe', () => {
  it('is Φ(z) with z worked by hand from a small return set', () => {
    const m = returnMoments(HAND_MADE);
    expect(sharpeRatio(HAND_MADE)).toBeCloseTo(HAND_SHARPE, 14);
    expect(m.skew).toBeCloseTo(HAND_SKEW, 12);
    expect(m.kurtosis).toBeCloseTo(HAND_KURTOSIS, 12);
    // z = (SR − SR*)·sqrt(n − 1) / sqrt(1 − γ3·SR + (γ4 − 1)/4·SR²), n = 5, SR* = 0.1.
    const z = ((HAND_SHARPE - 0.1) * 2) / Math.sqrt(1 - HAND_SKEW * HAND_SHARPE + (1.5 / 4) * HAND_SHARPE ** 2);
    expect(z).toBeCloseTo(0.7054, 4);
    expect(probabilisticSharpe(HAND_SHARPE, 0.1, 5, HAND_SKEW, HAND_KURTOSIS)).toBeCloseTo(normalCdf(z), 15);
  });

  it('penalises negative skew and fat tails', () => {
    const normal = probabilisticSharpe(0.1, 0, 250, 0, 3) ?? Number.NaN;
    expect(probabilisticSharpe(0.1, 0, 250, -2, 3)).toBeLessThan(normal);
    expect(probabilisticSharpe(0.1, 0, 250, 0, 12)).toBeLessThan(normal);
    expect(probabilisticSharpe(0.1, 0, 250, 1, 3)).toBeGreaterThan(normal);
  });

  it('is 1/2 when the Sharpe ratio equals the benchmark', () => {
    expect(probabilisticSharpe(0.08, 0.08, 500, -1, 6)).toBe(0.5);
  });

  it('is null for fewer than 2 returns, impossible moments or non-finite input', () => {
    expect(probabilisticSharpe(0.1, 0, 1, 0, 3)).toBeNull();
    expect(probabilisticSharpe(1, 0, 100, 3, 3)).toBeNull(); // 1 − 3 + 0.5 < 0
    expect(probabilisticSharpe(Number.NaN, 0, 100, 0, 3)).toBeNull();
  });
});

describe('expectedMaxSharpe', () => {
  it('is 0 for one trial and grows with the number of trials', () => {
    expect(expectedMaxSharpe(1, 0.5)).toBe(0);
    const values = [2, 10, 100, 1000, 100_000].map((n) => expectedMaxSharpe(n, 1));
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(values[i]));
  });

  it('scales with the standard deviation of the trials’ Sharpe ratios', () => {
    expect(expectedMaxSharpe(250, 0.04)).toBeCloseTo(0.2 * expectedMaxSharpe(250, 1), 14);
    expect(expectedMaxSharpe(250, 0)).toBe(0);
  });

  it('approximates the mean maximum of N standard normals within a few per cent (high at small N)', () => {
    // E[max of N standard normals] by numerical integration (mpmath): 1.5388, 2.5076, 3.2414.
    const exact: [number, number][] = [[10, 1.5387527], [100, 2.5075936], [1000, 3.2414358]];
    for (const [n, mean] of exact) expect(Math.abs(expectedMaxSharpe(n, 1) / mean - 1), `N = ${n}`).toBeLessThan(0.025);
  });

  it('rejects a non-integer or non-positive trial count and a negative variance', () => {
    expect(() => expectedMaxSharpe(0, 1)).toThrow(/trials/);
    expect(() => expectedMaxSharpe(2.5, 1)).toThrow(/trials/);
    expect(() => expectedMaxSharpe(10, -1)).toThrow(/sharpeVariance/);
  });
});

describe('deflatedSharpe', () => {
  it('deflates the chosen returns against SR0 of N trials', () => {
    const r = deflatedSharpe({ returns: HAND_MADE, trials: 10, sharpeVariance: 0.01 });
    const sr0 = expectedMaxSharpe(10, 0.01);
    expect(r).toMatchObject({ observations: 5, trials: 10, sharpeVariance: 0.01, expectedMaxSharpe: sr0 });
    expect(r.sharpe).toBeCloseTo(HAND_SHARPE, 14);
    expect(r.skew).toBeCloseTo(HAND_SKEW, 12);
    expect(r.kurtosis).toBeCloseTo(HAND_KURTOSIS, 12);
    const z = ((HAND_SHARPE - sr0) * 2) / Math.sqrt(1 - HAND_SKEW * HAND_SHARPE + (1.5 / 4) * HAND_SHARPE ** 2);
    expect(r.dsr).toBeCloseTo(normalCdf(z), 14);
  });

  it('estimates V[SR] as the sample variance of the trial Sharpe ratios, skipping degenerate trials', () => {
    const r = deflatedSharpe({ returns: HAND_MADE, trials: 5, trialSharpes: [0.1, null, 0.2, Number.NaN, 0.3] });
    expect(r.sharpeVariance).toBeCloseTo(0.01, 15);
    expect(r.expectedMaxSharpe).toBeCloseTo(expectedMaxSharpe(5, 0.01), 15);
  });

  it('takes SR0 = 0 for a single trial, so DSR is the PSR against 0', () => {
    const r = deflatedSharpe({ returns: HAND_MADE, trials: 1, trialSharpes: [HAND_SHARPE] });
    expect(r.sharpeVariance).toBeNull();
    expect(r.expectedMaxSharpe).toBe(0);
    expect(r.dsr).toBe(probabilisticSharpe(HAND_SHARPE, 0, 5, r.skew ?? Number.NaN, r.kurtosis ?? Number.NaN));
  });

  it('falls as the number of trials rises', () => {
    const dsr = [1, 10, 100, 1000].map((trials) => deflatedSharpe({ returns: HAND_MADE, trials, sharpeVariance: 0.01 }).dsr ?? Number.NaN);
    dsr.slice(1).forEach((v, i) => expect(v).toBeLessThan(dsr[i]));
  });

  it('reports annualised Sharpe ratios only when given periods per year', () => {
    const plain = deflatedSharpe({ returns: HAND_MADE, trials: 10, sharpeVariance: 0.01 });
    expect(plain).toMatchObject({ periodsPerYear: null, sharpeAnnualised: null, expectedMaxSharpeAnnualised: null });
    const yearly = deflatedSharpe({ returns: HAND_MADE, trials: 10, sharpeVariance: 0.01, periodsPerYear: 252 });
    expect(yearly.sharpeAnnualised).toBeCloseTo(HAND_SHARPE * Math.sqrt(252), 12);
    expect(yearly.expectedMaxSharpeAnnualised).toBeCloseTo(expectedMaxSharpe(10, 0.01) * Math.sqrt(252), 12);
    expect(yearly.dsr).toBe(plain.dsr);
  });

  it('gives nulls, never NaN or Infinity, for fewer than 3 returns, flat returns or an unknown V[SR]', () => {
    const short = deflatedSharpe({ returns: [0.01, 0.02], trials: 10, sharpeVariance: 0.01, periodsPerYear: 252 });
    expect(short).toMatchObject({ observations: 2, sharpe: null, skew: null, kurtosis: null, dsr: null, sharpeAnnualised: null });
    expect(short.expectedMaxSharpe).not.toBeNull();
    const flat = deflatedSharpe({ returns: [0, 0, 0, 0], trials: 10, sharpeVariance: 0.01 });
    expect(flat).toMatchObject({ sharpe: null, skew: null, kurtosis: null, dsr: null });
    const unknown = deflatedSharpe({ returns: HAND_MADE, trials: 10, trialSharpes: [0.1, null] });
    expect(unknown).toMatchObject({ sharpeVariance: null, expectedMaxSharpe: null, dsr: null });
    expect(unknown.sharpe).not.toBeNull();
    for (const r of [short, flat, unknown]) expect(isJsonSafe(r)).toBe(true);
  });

  it('rejects a bad trial count or periods per year', () => {
    expect(() => deflatedSharpe({ returns: HAND_MADE, trials: 0, sharpeVariance: 0.01 })).toThrow(/trials/);
    expect(() => deflatedSharpe({ returns: HAND_MADE, trials: 3, sharpeVariance: 0.01, periodsPerYear: 0 })).toThrow(/periodsPerYear/);
  });
});
