import { describe, expect, it } from 'vitest';
import type { BarSeries } from './BarSeries';
import { Prng } from './prng';
import { autocorrelation, correlation, excessKurtosis, logReturns, medianFacts, stylizedFacts, type StylizedFacts } from './stylizedFacts';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

/** Daily bars from per-day gaps and sessions (log), with the range exactly the open-close body. */
function barsFrom(gaps: Float64Array, sessions: Float64Array, volumeOf: (i: number, absReturn: number) => number): BarSeries {
  const n = gaps.length + 1;
  const open = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  open[0] = close[0] = 100;
  volume[0] = volumeOf(0, 0);
  for (let i = 1; i < n; i++) {
    open[i] = close[i - 1] * Math.exp(gaps[i - 1]);
    close[i] = open[i] * Math.exp(sessions[i - 1]);
    volume[i] = volumeOf(i, Math.abs(gaps[i - 1] + sessions[i - 1]));
  }
  const high = open.map((o, i) => Math.max(o, close[i]));
  const low = open.map((o, i) => Math.min(o, close[i]));
  return { symbol: 'T', barSeconds: 86_400, length: n, ts: Float64Array.from({ length: n }, (_, i) => i * 86_400_000), open, high, low, close, volume };
}

function normals(seed: number, n: number, sd = 1): Float64Array {
  const prng = new Prng(seed);
  return Float64Array.from({ length: n }, () => sd * prng.normal());
}

describe('stylized facts: the building blocks', () => {
  it('correlates linear samples at +1 and -1, and gives NaN for a constant one', () => {
    expect(correlation(f64([1, 2, 3, 4]), f64([2, 4, 6, 8]))).toBeCloseTo(1, 12);
    expect(correlation(f64([1, 2, 3, 4]), f64([8, 6, 4, 2]))).toBeCloseTo(-1, 12);
    expect(correlation(f64([1, 2, 3]), f64([5, 5, 5]))).toBeNaN();
    expect(() => correlation(f64([1, 2]), f64([1, 2, 3]))).toThrow(/differ in length \(2 and 3\)/);
  });

  it('computes the ACF over the whole sample: an alternating series is -5/6 at lag 1 and 4/6 at lag 2', () => {
    const x = f64([1, -1, 1, -1, 1, -1]);
    expect(autocorrelation(x, 1)).toBeCloseTo(-5 / 6, 12);
    expect(autocorrelation(x, 2)).toBeCloseTo(4 / 6, 12);
    expect(() => autocorrelation(x, 0)).toThrow(/lag must be an integer in 1\.\.5, got 0/);
    expect(() => autocorrelation(x, 6)).toThrow(/got 6/);
  });

  it('gives excess kurtosis -2 for a two-point sample and about 0 for normal draws', () => {
    expect(excessKurtosis(f64([1, -1, 1, -1]))).toBeCloseTo(-2, 12);
    expect(Math.abs(excessKurtosis(normals(3, 200_000)))).toBeLessThan(0.1);
  });

  it('takes log returns close to close', () => {
    const r = logReturns(f64([100, 110, 99]));
    expect([...r]).toEqual([Math.log(1.1), Math.log(0.9)]);
  });

  it('takes the median of each statistic, averaging the middle two of an even count', () => {
    const facts = (x: number): StylizedFacts => ({
      gapIntradayCorrelation: x,
      returnAutocorrelation: -x,
      excessKurtosis: x * 10,
      absReturnAutocorrelation: x,
      parkinsonRatio: x,
      rangeMoveCorrelation: x,
      volumeMoveCorrelation: x,
      gapVarianceShare: x,
    });
    expect(medianFacts([facts(3), facts(1), facts(2)])).toEqual(facts(2));
    expect(medianFacts([facts(4), facts(1), facts(2), facts(100)]).excessKurtosis).toBe(30);
    expect(() => medianFacts([])).toThrow(/no series/);
  });
});

describe('stylized facts of a daily series', () => {
  const n = 20_000;

  it('measures independent gaps and sessions: no correlation, the gap variance share, no autocorrelation', () => {
    const facts = stylizedFacts(barsFrom(normals(1, n, 0.01), normals(2, n, Math.sqrt(3) * 0.01), () => 1e6));
    expect(Math.abs(facts.gapIntradayCorrelation)).toBeLessThan(0.03);
    expect(facts.gapVarianceShare).toBeCloseTo(0.25, 1);
    expect(Math.abs(facts.returnAutocorrelation)).toBeLessThan(0.03);
    expect(Math.abs(facts.excessKurtosis)).toBeLessThan(0.2);
    expect(Math.abs(facts.absReturnAutocorrelation)).toBeLessThan(0.02);
  });

  it('sees a session that repeats its gap: correlation 1, a range that is the body, Parkinson from the session alone', () => {
    const gaps = normals(4, n, 0.01);
    const facts = stylizedFacts(barsFrom(gaps, gaps, () => 1e6));
    expect(facts.gapIntradayCorrelation).toBeCloseTo(1, 12);
    // |return| = 2 |gap| and range = |gap|: perfectly correlated.
    expect(facts.rangeMoveCorrelation).toBeCloseTo(1, 12);
    // Parkinson: sqrt(E[gap^2] / (4 ln 2)) against sd(2 gap).
    expect(facts.parkinsonRatio).toBeCloseTo(1 / (2 * Math.sqrt(4 * Math.LN2)), 2);
    expect(facts.gapVarianceShare).toBeCloseTo(0.25, 2);
  });

  it('finds volume that follows |return| under a strong volume trend, which a raw correlation would miss', () => {
    const series = barsFrom(normals(5, n, 0.01), normals(6, n, 0.01), (i, absReturn) => 1e5 * Math.exp(0.001 * i + 20 * absReturn));
    expect(stylizedFacts(series).volumeMoveCorrelation).toBeGreaterThan(0.9);
    expect(correlation(series.volume.subarray(1), logReturns(series.close).map(Math.abs))).toBeLessThan(0.2);
  });

  it('sees volatility clustering and fat tails in returns whose volatility comes in spells', () => {
    const prng = new Prng(7);
    const sessions = new Float64Array(n);
    for (let t = 0; t < n; t++) sessions[t] = (Math.floor(t / 250) % 2 ? 0.03 : 0.01) * prng.normal();
    const facts = stylizedFacts(barsFrom(new Float64Array(n), sessions, () => 1e6));
    expect(facts.absReturnAutocorrelation).toBeGreaterThan(0.2);
    // Half the days at sd 1, half at 3: kurtosis 3 x E[sd^4] / E[sd^2]^2 = 3 x 41 / 25, excess 1.92.
    expect(facts.excessKurtosis).toBeGreaterThan(1.6);
    expect(facts.excessKurtosis).toBeLessThan(2.3);
  });

  it('refuses a series too short for the volume trend, or with a day of no volume', () => {
    expect(() => stylizedFacts(barsFrom(normals(1, 50), normals(2, 50), () => 1))).toThrow(/T has 51 bars, at least 101 are needed/);
    expect(() => stylizedFacts(barsFrom(normals(1, 200), normals(2, 200), (i) => (i === 7 ? 0 : 1)))).toThrow(/T has bars without volume/);
  });
});
