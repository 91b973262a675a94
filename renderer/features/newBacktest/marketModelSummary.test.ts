import { describe, expect, it } from 'vitest';
import { marketModelSummary } from './marketModelSummary';

describe('marketModelSummary', () => {
  it('is empty when the market keeps the defaults', () => {
    expect(marketModelSummary({ symbols: 20, years: 10, seed: 1, bar_size: '5m' })).toEqual([]);
  });

  it('names each knob the spec sets', () => {
    expect(
      marketModelSummary({ market_beta: 1.5, drift: -0.02, daily_volume: 2_000_000, spread_bps: 10, regimes: { turbulent_vol: 3 }, volume_profile: 'u_shape' }),
    ).toEqual(['beta 1.5', 'drift -0.02/yr', 'volume 2,000,000', 'spread 10 bps', 'regimes (3× vol)', 'u-shape profile']);
    expect(marketModelSummary({ regimes: {} })).toEqual(['regimes (2.5× vol)']);
    expect(marketModelSummary({ seed: 7 })).toEqual(['seed 7']);
  });
});
