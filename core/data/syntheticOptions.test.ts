import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError';
import { parseSpec } from '../config/loadSpec';
import type { BarSeries } from './BarSeries';
import { dataFingerprint } from './fingerprint';
import { generateSyntheticMarket, generateSyntheticUniverse } from './synthetic';
import { SYNTHETIC_DEFAULTS, syntheticOptionsSchema } from './syntheticOptions';

function logReturns(s: BarSeries): Float64Array {
  const r = new Float64Array(s.length - 1);
  for (let i = 1; i < s.length; i++) r[i - 1] = Math.log(s.close[i] / s.close[i - 1]);
  return r;
}

function meanPairCorrelation(market: readonly BarSeries[]): number {
  const rs = market.map(logReturns);
  const z = rs.map((r) => {
    const m = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length);
    return r.map((x) => (x - m) / sd);
  });
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < z.length; i++) {
    for (let j = i + 1; j < z.length; j++) {
      sum += z[i].reduce((a, x, t) => a + x * z[j][t], 0) / z[i].length;
      pairs++;
    }
  }
  return sum / pairs;
}

const median = (xs: ArrayLike<number>): number => {
  const s = Array.from(xs).sort((a, b) => a - b);
  return s[s.length >> 1];
};

describe('synthetic market knobs', () => {
  it('leaves the default market exactly as it was, also when the defaults are spelled out', () => {
    const plain = generateSyntheticMarket({ symbols: 4, years: 2, seed: 1 });
    // Pinned (computed with the generator tuned to the real files' stylized facts): the default market must not drift.
    expect(dataFingerprint(plain)).toBe('c65a02fde0d37975984e57211fc7f0b82cf30bd22c759b2b52abbdd33e8e645a');
    const spelled = generateSyntheticMarket({
      symbols: 4,
      years: 2,
      seed: 1,
      bar_size: '1d',
      market_beta: SYNTHETIC_DEFAULTS.market_beta,
      drift: SYNTHETIC_DEFAULTS.drift,
      daily_volume: SYNTHETIC_DEFAULTS.daily_volume,
      spread_bps: SYNTHETIC_DEFAULTS.spread_bps,
    });
    expect(dataFingerprint(spelled)).toBe(dataFingerprint(plain));
  });

  it('correlates symbols through the market loading', () => {
    const corr = (market_beta: number) => meanPairCorrelation(generateSyntheticMarket({ symbols: 12, years: 4, seed: 3, market_beta }));
    const none = corr(0);
    const usual = corr(1);
    const strong = corr(2);
    expect(none).toBeLessThan(0.2);
    expect(usual).toBeGreaterThan(none + 0.15);
    expect(strong).toBeGreaterThan(usual + 0.1);
  });

  it('draws each symbol’s drift within 3 % of the mean drift, and the prices follow', () => {
    const up = generateSyntheticUniverse({ symbols: 20, years: 10, seed: 5, drift: 0.25 });
    const down = generateSyntheticUniverse({ symbols: 20, years: 10, seed: 5, drift: -0.25 });
    for (const i of up.instruments) expect(Math.abs(i.drift - 0.25)).toBeLessThanOrEqual(0.03);
    const realised = (u: typeof up) => u.series.reduce((a, s) => a + Math.log(s.close[s.length - 1] / s.close[0]) / 10, 0) / u.series.length;
    expect(realised(up)).toBeGreaterThan(0.1);
    expect(realised(down)).toBeLessThan(-0.1);
  });

  it('scales volume to the typical daily volume asked for', () => {
    const base = generateSyntheticUniverse({ symbols: 10, years: 1, seed: 2 });
    const big = generateSyntheticUniverse({ symbols: 10, years: 1, seed: 2, daily_volume: 1e7 });
    base.series.forEach((s, i) => {
      expect(median(big.series[i].volume) / median(s.volume)).toBeCloseTo(10, 3);
      expect(big.instruments[i].dailyVolume / base.instruments[i].dailyVolume).toBeCloseTo(10, 3);
      // Prices do not depend on volume.
      expect(big.series[i].close).toEqual(s.close);
    });
    expect(median(base.instruments.map((i) => i.dailyVolume))).toBeGreaterThan(1e5);
    expect(median(base.instruments.map((i) => i.dailyVolume))).toBeLessThan(1e7);
  });

  it('suggests wider spreads for symbols that trade less money, around the typical spread', () => {
    const { series, instruments } = generateSyntheticUniverse({ symbols: 40, years: 1, seed: 8, spread_bps: 10 });
    const money = series.map((s, i) => instruments[i].dailyVolume * s.close[0]);
    for (const i of instruments) {
      expect(i.spreadBps).toBeGreaterThanOrEqual(2.5);
      expect(i.spreadBps).toBeLessThanOrEqual(40);
    }
    const order = money.map((m, i) => [m, instruments[i].spreadBps]).sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < order.length; k++) expect(order[k][1]).toBeLessThanOrEqual(order[k - 1][1] + 0.11);
    expect(order[0][1]).toBeGreaterThan(order[order.length - 1][1]);
    // The typical symbol gets the typical spread, whatever the typical volume.
    expect(median(instruments.map((i) => i.spreadBps))).toBeGreaterThan(7);
    expect(median(instruments.map((i) => i.spreadBps))).toBeLessThan(14);
    const busy = generateSyntheticUniverse({ symbols: 40, years: 1, seed: 8, spread_bps: 10, daily_volume: 1e8 }).instruments;
    expect(busy.map((i) => i.spreadBps)).toEqual(instruments.map((i) => i.spreadBps));
  });

  it('switches between calm and turbulent regimes, with market-wide volatility to match', () => {
    const u = generateSyntheticUniverse({ symbols: 20, years: 20, seed: 4, regimes: { turbulent_vol: 3, calm_days: 200, turbulent_days: 50 } });
    const share = u.turbulent.reduce((a, b) => a + b, 0) / u.turbulent.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.4);
    const index = new Float64Array(u.series[0].length - 1);
    for (const s of u.series) logReturns(s).forEach((r, t) => (index[t] += r / u.series.length));
    const rms = (turb: number) => {
      let sum = 0;
      let n = 0;
      index.forEach((r, t) => {
        if (u.turbulent[t + 1] === turb) {
          sum += r * r;
          n++;
        }
      });
      return Math.sqrt(sum / n);
    };
    expect(rms(1) / rms(0)).toBeGreaterThan(2);
    expect(generateSyntheticUniverse({ symbols: 1, years: 1, seed: 4 }).turbulent.every((t) => t === 0)).toBe(true);
  });

  it('rejects bad knobs naming the key', () => {
    const bad = (extra: Record<string, unknown>) => () => generateSyntheticMarket({ symbols: 1, years: 1, seed: 1, ...extra });
    expect(bad({ bar_size: '1w' })).toThrow(/bar_size: expected '1d' or an intraday size/);
    expect(bad({ bar_size: '30s' })).toThrow(/bar_size/);
    expect(bad({ market_beta: -1 })).toThrow(/market_beta/);
    expect(bad({ regimes: { turbulent_vol: 0.5 } })).toThrow(/regimes.turbulent_vol/);
    expect(bad({ session: { open: '16:00', close: '09:30' } })).toThrow(/session.close: the session must close after it opens/);
    expect(bad({ bar_size: '7m' })).toThrow(/bar_size/);
    expect(bad({ bar_size: '1h' })).toThrow(/session 09:30-16:00: the session's 390 minutes are not a whole number of 60-minute bars/);
    expect(() => generateSyntheticMarket({ symbols: 500, years: 20, seed: 1, bar_size: '1m' })).toThrow(/more than 20,000,000 bars/);
  });

  it('exports a schema a form can be generated from, with every knob described', () => {
    const json = z.toJSONSchema(syntheticOptionsSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { description?: string }>; required: string[] };
    for (const key of ['symbols', 'years', 'seed', 'start', ...Object.keys(SYNTHETIC_DEFAULTS)]) {
      expect(json.properties[key]?.description, key).toBeTruthy();
    }
    expect(json.required.sort()).toEqual(['seed', 'symbols', 'years']);
    expect(syntheticOptionsSchema.safeParse({ symbols: 2, years: 1, seed: 1, bar_size: '5m', regimes: {} }).success).toBe(true);
  });

  it('takes the knobs in a backtest spec and names a bad one by its key path', () => {
    const spec = (synthetic: Record<string, unknown>) => ({ name: 't', strategy: { name: 'buy-and-hold' }, data: { synthetic: { symbols: 2, years: 1, ...synthetic } } });
    const resolved = parseSpec(spec({ bar_size: '15m', regimes: {}, spread_bps: 8 }), 'spec.yaml', '/tmp');
    expect(resolved.data).toEqual({
      kind: 'synthetic', symbols: 2, years: 1, seed: 1, start: '2000-01-03', bar_size: '15m', spread_bps: 8, regimes: SYNTHETIC_DEFAULTS.regimes,
    });
    let error: unknown;
    try {
      parseSpec(spec({ volume_profile: 'w_shape' }), 'spec.yaml', '/tmp');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['data.synthetic.volume_profile']);
  });
});
