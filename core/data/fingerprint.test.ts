import { describe, expect, it } from 'vitest';
import type { BarSeries } from './BarSeries';
import { dataFingerprint } from './fingerprint';
import { generateSyntheticMarket } from './synthetic';

describe('dataFingerprint', () => {
  const market = generateSyntheticMarket({ symbols: 4, years: 1, seed: 3 });

  it('is a sha256 hex string that does not depend on series order', () => {
    const fp = dataFingerprint(market);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(dataFingerprint([...market].reverse())).toBe(fp);
  });

  it('is reproducible from the same data and changes with any value or symbol', () => {
    const fp = dataFingerprint(market);
    expect(dataFingerprint(generateSyntheticMarket({ symbols: 4, years: 1, seed: 3 }))).toBe(fp);
    const changed = market.map((s): BarSeries => ({ ...s, volume: s.volume.slice() }));
    changed[2].volume[100] += 1;
    expect(dataFingerprint(changed)).not.toBe(fp);
    const renamed = market.map((s, i): BarSeries => (i === 0 ? { ...s, symbol: 'OTHER' } : s));
    expect(dataFingerprint(renamed)).not.toBe(fp);
    expect(dataFingerprint(market.slice(1))).not.toBe(fp);
  });

  it('hashes only the rows of subarray views, not the whole shared buffer', () => {
    const [first] = market;
    const view: BarSeries = { ...first, length: first.length };
    const copy: BarSeries = {
      ...first,
      ts: first.ts.slice(),
      open: first.open.slice(),
      high: first.high.slice(),
      low: first.low.slice(),
      close: first.close.slice(),
      volume: first.volume.slice(),
    };
    expect(dataFingerprint([view])).toBe(dataFingerprint([copy]));
  });

  it('distinguishes two series that share a symbol yet keeps order independence', () => {
    const a = { ...market[0], symbol: 'DUP' };
    const b = { ...market[1], symbol: 'DUP' };
    expect(dataFingerprint([a, b])).toBe(dataFingerprint([b, a]));
    expect(dataFingerprint([a, a])).not.toBe(dataFingerprint([a, b]));
  });
});
