import { describe, expect, it } from 'vitest';
import { parseBarSize, resampleSeries } from './resample';
import { generateSyntheticMarket } from './synthetic';
import { sessionGrid } from './syntheticIntraday';

const iso = (ts: number): string => new Date(ts).toISOString();
const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

describe('sessionGrid', () => {
  it('stamps bars at their end and weights the open and close three times midday', () => {
    const g = sessionGrid(9 * 60 + 30, 16 * 60, 5, 'u_shape');
    expect(g.barsPerDay).toBe(78);
    expect(g.offsets[0]).toBe((9 * 60 + 35) * 60_000);
    expect(g.offsets[77]).toBe(16 * 3_600_000);
    expect(g.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(g.weights[0] / g.weights[39]).toBeGreaterThan(2.8);
    expect(g.weights[0]).toBeCloseTo(g.weights[77], 12);
    expect(new Set(sessionGrid(0, 60, 15, 'flat').weights)).toEqual(new Set([0.25]));
  });
});

describe('intraday synthetic market', () => {
  const opts = { symbols: 3, years: 0.25, seed: 6, bar_size: '5m' } as const;
  const intraday = generateSyntheticMarket(opts);
  const daily = generateSyntheticMarket({ symbols: 3, years: 0.25, seed: 6 });

  it('gives 78 five-minute bars a session day, 09:35 to 16:00, consistent and shared across symbols', () => {
    const [s] = intraday;
    expect(s.barSeconds).toBe(300);
    expect(s.length).toBe(63 * 78);
    expect(iso(s.ts[0])).toBe('2000-01-03T09:35:00.000Z');
    expect(iso(s.ts[77])).toBe('2000-01-03T16:00:00.000Z');
    expect(iso(s.ts[78])).toBe('2000-01-04T09:35:00.000Z');
    expect(intraday[1].ts).toBe(s.ts);
    let bad = 0;
    for (const x of intraday) {
      for (let i = 0; i < x.length; i++) {
        const ok = x.low[i] > 0 && x.high[i] >= Math.max(x.open[i], x.close[i]) && x.low[i] <= Math.min(x.open[i], x.close[i]) && Number.isInteger(x.volume[i]) && x.volume[i] >= 0;
        // Within a day each bar opens where the last one closed.
        if (!ok || (i % 78 !== 0 && x.open[i] !== x.close[i - 1])) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  it('resamples to the daily market’s own opens, closes and stamps, with its volume on average', () => {
    intraday.forEach((s, k) => {
      const days = resampleSeries(s, parseBarSize('1d'));
      expect(Array.from(days.ts)).toEqual(Array.from(daily[k].ts));
      expect(Array.from(days.open)).toEqual(Array.from(daily[k].open));
      expect(Array.from(days.close)).toEqual(Array.from(daily[k].close));
      const ratio = days.volume.reduce((a, b) => a + b, 0) / daily[k].volume.reduce((a, b) => a + b, 0);
      expect(ratio).toBeGreaterThan(0.97);
      expect(ratio).toBeLessThan(1.03);
    });
  });

  it('trades most at the open and close with the U-shaped profile, evenly with the flat one', () => {
    const byBar = (profile: 'u_shape' | 'flat') => {
      const [s] = generateSyntheticMarket({ ...opts, symbols: 1, volume_profile: profile });
      const sums = new Float64Array(78);
      for (let i = 0; i < s.length; i++) sums[i % 78] += s.volume[i];
      return sums;
    };
    const u = byBar('u_shape');
    expect(u[0] / u[39]).toBeGreaterThan(2);
    expect(u[77] / u[39]).toBeGreaterThan(2);
    const flat = byBar('flat');
    expect(flat[0] / flat[39]).toBeGreaterThan(0.8);
    expect(flat[0] / flat[39]).toBeLessThan(1.25);
  });

  it('is deterministic and keeps a symbol unchanged when more symbols are generated', () => {
    const again = generateSyntheticMarket(opts);
    const more = generateSyntheticMarket({ ...opts, symbols: 5, session: { open: '09:30', close: '16:00' } });
    intraday.forEach((s, k) => {
      expect(same(again[k].close, s.close)).toBe(true);
      expect(same(more[k].volume, s.volume)).toBe(true);
    });
  });

  it('follows a custom session', () => {
    const [s] = generateSyntheticMarket({ symbols: 1, years: 0.02, seed: 1, bar_size: '1h', session: { open: '08:00', close: '22:00' } });
    expect(s.length).toBe(5 * 14);
    expect(iso(s.ts[0])).toBe('2000-01-03T09:00:00.000Z');
    expect(iso(s.ts[13])).toBe('2000-01-03T22:00:00.000Z');
  });
});
