import { describe, expect, it } from 'vitest';
import type { BarSeries } from './BarSeries';
import { correlation, excessKurtosis, logReturns } from './stylizedFacts';
import { generateSyntheticMarket } from './synthetic';

function columns(s: BarSeries): Float64Array[] {
  return [s.ts, s.open, s.high, s.low, s.close, s.volume];
}

describe('generateSyntheticMarket', () => {
  it('is deterministic: the same options give identical arrays, another seed does not', () => {
    const a = generateSyntheticMarket({ symbols: 5, years: 2, seed: 11 });
    const b = generateSyntheticMarket({ symbols: 5, years: 2, seed: 11 });
    const c = generateSyntheticMarket({ symbols: 5, years: 2, seed: 12 });
    a.forEach((s, i) => {
      expect(columns(b[i])).toEqual(columns(s));
      expect(c[i].close).not.toEqual(s.close);
    });
  });

  it('keeps a symbol unchanged when more symbols or more years are generated', () => {
    const small = generateSyntheticMarket({ symbols: 3, years: 1, seed: 5 });
    const big = generateSyntheticMarket({ symbols: 6, years: 2, seed: 5 });
    small.forEach((s, i) => {
      expect(big[i].symbol).toBe(s.symbol);
      expect(columns(big[i]).map((col) => col.slice(0, s.length))).toEqual(columns(s));
    });
  });

  it('builds 500 symbols x 20 years of consistent daily bars in typed arrays', () => {
    const market = generateSyntheticMarket({ symbols: 500, years: 20, seed: 42 });
    expect(market.length).toBe(500);
    expect(market[0].symbol).toBe('SYN000');
    expect(market[499].symbol).toBe('SYN499');
    let bad = 0;
    for (const s of market) {
      expect(s.length).toBe(5040);
      expect(s.barSeconds).toBe(86_400);
      for (const col of columns(s)) expect(col).toBeInstanceOf(Float64Array);
      for (let i = 0; i < s.length; i++) {
        const o = s.open[i];
        const h = s.high[i];
        const l = s.low[i];
        const c = s.close[i];
        const ok =
          l > 0 && h >= Math.max(o, c) && l <= Math.min(o, c) && Number.isFinite(h) && s.volume[i] >= 0 && Number.isInteger(s.volume[i]);
        if (!ok) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  it('stamps Monday-to-Friday sessions at 00:00 UTC, about 252 a year, from the start date', () => {
    const [s] = generateSyntheticMarket({ symbols: 1, years: 3, seed: 1 });
    expect(s.length).toBe(756);
    expect(new Date(s.ts[0]).toISOString()).toBe('2000-01-03T00:00:00.000Z');
    for (let i = 0; i < s.length; i++) {
      const day = new Date(s.ts[i]).getUTCDay();
      expect(day >= 1 && day <= 5 && s.ts[i] % 86_400_000 === 0).toBe(true);
      if (i > 0) expect(s.ts[i]).toBeGreaterThan(s.ts[i - 1]);
    }
    const [late] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 1, start: '2021-05-01' });
    expect(new Date(late.ts[0]).toISOString()).toBe('2021-05-03T00:00:00.000Z');
  });

  it('has positively correlated returns, fat tails, volatility clustering and modest drift', () => {
    const market = generateSyntheticMarket({ symbols: 40, years: 10, seed: 9 });
    const returns = market.map((s) => logReturns(s.close));
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < returns.length; i++) {
      for (let j = i + 1; j < returns.length; j++) {
        sum += correlation(returns[i], returns[j]);
        pairs++;
      }
    }
    const meanCorrelation = sum / pairs;
    expect(meanCorrelation).toBeGreaterThan(0.15);
    expect(meanCorrelation).toBeLessThan(0.8);

    const index = new Float64Array(returns[0].length);
    for (const r of returns) for (let t = 0; t < r.length; t++) index[t] += r[t] / returns.length;
    expect(excessKurtosis(index)).toBeGreaterThan(0.5);
    const squared = index.map((x) => x * x);
    expect(correlation(squared.subarray(1), squared.subarray(0, -1))).toBeGreaterThan(0.05);

    for (const r of returns) {
      const annualDrift = (r.reduce((a, b) => a + b, 0) / r.length) * 252;
      expect(Math.abs(annualDrift)).toBeLessThan(0.5);
      const annualVol = Math.sqrt(r.reduce((a, b) => a + b * b, 0) / r.length) * Math.sqrt(252);
      expect(annualVol).toBeGreaterThan(0.1);
      expect(annualVol).toBeLessThan(0.8);
    }
  });

  it('draws volume around a per-symbol level and trades more on big-move days', () => {
    const market = generateSyntheticMarket({ symbols: 30, years: 5, seed: 4 });
    let biggerOnBigMoves = 0;
    for (const s of market) {
      const sorted = s.volume.slice().sort();
      const median = sorted[sorted.length >> 1];
      expect(median).toBeGreaterThan(5e4);
      expect(median).toBeLessThan(2e7);
      const moves = logReturns(s.close).map(Math.abs);
      const cut = moves.slice().sort()[Math.floor(moves.length * 0.9)];
      let big = 0;
      let bigN = 0;
      let rest = 0;
      let restN = 0;
      moves.forEach((m, i) => {
        if (m >= cut) {
          big += s.volume[i + 1];
          bigN++;
        } else {
          rest += s.volume[i + 1];
          restN++;
        }
      });
      if (big / bigN > rest / restN) biggerOnBigMoves++;
    }
    expect(biggerOnBigMoves).toBe(market.length);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => generateSyntheticMarket({ symbols: -1, years: 1, seed: 1 })).toThrow(/symbols/);
    expect(() => generateSyntheticMarket({ symbols: 1.5, years: 1, seed: 1 })).toThrow(/symbols/);
    expect(() => generateSyntheticMarket({ symbols: 1, years: 0, seed: 1 })).toThrow(/years/);
    expect(() => generateSyntheticMarket({ symbols: 1, years: 1, seed: Number.NaN })).toThrow(/seed/);
    expect(() => generateSyntheticMarket({ symbols: 1, years: 1, seed: 1, start: '2000-02-30' })).toThrow(/start/);
  });

  it('returns no series for zero symbols', () => {
    expect(generateSyntheticMarket({ symbols: 0, years: 1, seed: 1 })).toEqual([]);
  });
});
