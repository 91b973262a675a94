import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket } from '../../../core/data/synthetic';
import { sessionKeyOf, syntheticSize, withSessionTime } from './syntheticSession';

describe('withSessionTime', () => {
  it('keeps the other time, or fills it with the default, so the engine gets both', () => {
    expect(withSessionTime(undefined, 'open', '08:00')).toEqual({ open: '08:00', close: '16:00' });
    expect(withSessionTime({ open: '08:00', close: '12:00' }, 'close', '13:00')).toEqual({ open: '08:00', close: '13:00' });
  });

  it('leaves the session out when both ends are back at the default, empty meaning the default', () => {
    expect(withSessionTime({ open: '08:00', close: '16:00' }, 'open', undefined)).toBeUndefined();
    expect(withSessionTime({ open: '09:30', close: '12:00' }, 'close', '16:00')).toBeUndefined();
  });

  it('passes a half-typed time on for the engine to name', () => {
    expect(withSessionTime(undefined, 'close', '1')).toEqual({ open: '09:30', close: '1' });
  });

  it('knows which inputs are session times', () => {
    expect(sessionKeyOf('data.synthetic.session.open')).toBe('open');
    expect(sessionKeyOf('data.synthetic.session.close')).toBe('close');
    expect(sessionKeyOf('data.synthetic.seed')).toBeNull();
  });
});

describe('syntheticSize', () => {
  it('counts bars as the generator makes them', () => {
    for (const spec of [
      { symbols: 3, years: 0.5, seed: 1 },
      { symbols: 2, years: 0.1, seed: 1, bar_size: '15m' },
      { symbols: 2, years: 0.05, seed: 1, bar_size: '1h', session: { open: '08:00', close: '20:00' } },
    ]) {
      const series = generateSyntheticMarket(spec);
      const size = syntheticSize(spec);
      expect(size?.barsPerSymbol, JSON.stringify(spec)).toBe(series[0].length);
      expect(size?.total).toBe(series.length * series[0].length);
      expect(size?.problem).toBeNull();
    }
    expect(syntheticSize({ symbols: 1, years: 1, bar_size: '5m' })?.barsPerSession).toBe(78);
  });

  it('names what the generator would refuse', () => {
    for (const spec of [
      { symbols: 2, years: 1, seed: 1, bar_size: '8m' },
      { symbols: 2000, years: 10, seed: 1, bar_size: '1m' },
    ]) {
      const problem = syntheticSize(spec)?.problem;
      expect(problem, JSON.stringify(spec)).toEqual(expect.any(String));
      expect(() => generateSyntheticMarket(spec)).toThrow();
    }
    expect(syntheticSize({ symbols: 2, years: 1, bar_size: '8m' })?.problem).toBe("the session's 390 minutes are not a whole number of 8-minute bars");
  });

  it('says nothing while the spec itself is invalid', () => {
    expect(syntheticSize({ symbols: 2 })).toBeNull();
    expect(syntheticSize({ symbols: 2, years: 1, bar_size: '2d' })).toBeNull();
    expect(syntheticSize({ symbols: 2, years: 1, bar_size: '5m', session: { open: '12:00', close: '10:00' } })).toBeNull();
  });
});
