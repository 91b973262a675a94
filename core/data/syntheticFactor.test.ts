import { describe, expect, it } from 'vitest';
import { Prng } from './prng';
import { autocorrelation, excessKurtosis } from './stylizedFacts';
import { fillVolSpells, simulateGarchFactor, studentTShock } from './syntheticFactor';

function draws(n: number, draw: () => number): Float64Array {
  return Float64Array.from({ length: n }, draw);
}

describe('studentTShock', () => {
  it('has unit variance, zero mean and the excess kurtosis of a Student-t, 6 / (nu - 4)', () => {
    const prng = new Prng(11);
    const shock = studentTShock(8);
    const x = draws(400_000, () => shock(prng));
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeCloseTo(1, 1);
    expect(excessKurtosis(x)).toBeGreaterThan(1.2);
    expect(excessKurtosis(x)).toBeLessThan(2.2);
  });

  it('has fatter tails the fewer its degrees of freedom', () => {
    const tail = (nu: number) => {
      const prng = new Prng(5);
      const shock = studentTShock(nu);
      return draws(200_000, () => shock(prng)).filter((v) => Math.abs(v) > 4).length;
    };
    expect(tail(5)).toBeGreaterThan(tail(30));
  });

  it('refuses degrees of freedom at or below 2, where the variance is infinite', () => {
    expect(() => studentTShock(2)).toThrow(/nu must be a finite number above 2, got 2/);
    expect(() => studentTShock(Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
  });
});

describe('simulateGarchFactor', () => {
  it('keeps its long-run sd and clusters volatility', () => {
    const path = simulateGarchFactor(new Prng(3), 50_000, { longRunSd: 0.01, alpha: 0.08, beta: 0.9, nu: 6 });
    const sd = Math.sqrt(path.returns.reduce((a, b) => a + b * b, 0) / path.returns.length);
    expect(sd).toBeGreaterThan(0.009);
    expect(sd).toBeLessThan(0.011);
    expect(autocorrelation(path.returns.map(Math.abs), 1)).toBeGreaterThan(0.1);
    expect(Math.abs(autocorrelation(path.returns, 1))).toBeLessThan(0.03);
  });
});

describe('fillVolSpells', () => {
  const spells = [
    { persistence: 0.998, sd: 0.45 },
    { persistence: 0.97, sd: 0.35 },
  ];

  it('averages 1, so the long-run variance is kept, and holds each level for a whole step', () => {
    const out = new Float64Array(400_000);
    fillVolSpells(new Prng(9), out, spells, 5);
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.1);
    for (let t = 0; t < 50; t++) expect(out[t]).toBe(out[t - (t % 5)]);
    expect(out[5]).not.toBe(out[4]);
  });

  it('moves slowly: levels a step apart are close, levels years apart are not', () => {
    const out = new Float64Array(400_000);
    fillVolSpells(new Prng(2), out, spells, 5);
    const logs = out.map(Math.log);
    expect(autocorrelation(logs, 5)).toBeGreaterThan(0.8);
    // 0.998^3000 is 0.002: what remains is sampling noise.
    expect(autocorrelation(logs, 3000)).toBeLessThan(0.2);
  });

  it('draws the same prefix whatever the length', () => {
    const short = new Float64Array(100);
    const long = new Float64Array(1000);
    fillVolSpells(new Prng(4), short, spells, 5);
    fillVolSpells(new Prng(4), long, spells, 5);
    expect(long.subarray(0, 100)).toEqual(short);
  });
});
