import { describe, expect, it } from 'vitest';
import { canBacktest, storeBacktestSpec, storeChoices, toggleSymbol } from './storeBacktest';

const defaults = {
  name: 'New backtest',
  data: { synthetic: { symbols: 20, years: 10, seed: 1, start: '2000-01-03' } },
  strategy: { name: 'sma-cross', params: { fast: 10, slow: 30 } },
  start: '2001-01-01',
  end: '2005-01-01',
  initial_cash: 10_000,
  simulator: { fill_timing: 'next_open' },
};

describe('backtest this series', () => {
  it('keeps the defaults but reads the one series from the bar store over its whole period', () => {
    const spec = storeBacktestSpec(defaults, { symbol: 'GOOG', barSize: '1d' });
    expect(spec).toEqual({
      name: 'GOOG 1d backtest',
      data: { store: { symbols: ['GOOG'], bar_size: '1d' } },
      strategy: defaults.strategy,
      initial_cash: 10_000,
      simulator: { fill_timing: 'next_open' },
    });
    expect(defaults.start).toBe('2001-01-01');
  });

  it('refuses tick series, which have no bar size to name', () => {
    expect(canBacktest({ symbol: 'FDAX', barSize: 'tick' })).toBe(false);
    expect(canBacktest({ symbol: 'FDAX', barSize: '1m' })).toBe(true);
  });
});

describe('bar store source in the form', () => {
  const series = [
    { symbol: 'SYN001', barSize: '1d' },
    { symbol: 'GOOG', barSize: '1d' },
    { symbol: 'GOOG', barSize: '1w' },
    { symbol: 'FDAX', barSize: '1m' },
    { symbol: 'TICKS', barSize: 'tick' },
  ];

  it('offers the stored bar sizes (no ticks) and the symbols stored at the chosen one, sorted', () => {
    expect(storeChoices(series, '1d')).toEqual({ sizes: ['1d', '1w', '1m'], symbols: ['GOOG', 'SYN001'] });
    expect(storeChoices(series, '1m').symbols).toEqual(['FDAX']);
  });

  it('keeps a bar size the spec names even when nothing is stored at it', () => {
    expect(storeChoices(series, '5m')).toEqual({ sizes: ['1d', '1w', '1m', '5m'], symbols: [] });
    expect(storeChoices([], '1d')).toEqual({ sizes: ['1d'], symbols: [] });
  });

  it('ticks and unticks symbols in store order, none ticked meaning all', () => {
    const all = ['AAA', 'BBB', 'CCC'];
    expect(toggleSymbol(undefined, 'CCC', all)).toEqual(['CCC']);
    expect(toggleSymbol(['CCC'], 'AAA', all)).toEqual(['AAA', 'CCC']);
    expect(toggleSymbol(['AAA', 'CCC'], 'AAA', all)).toEqual(['CCC']);
    expect(toggleSymbol(['CCC'], 'CCC', all)).toBeUndefined();
    expect(toggleSymbol(['GONE'], 'AAA', all)).toEqual(['AAA', 'GONE']);
  });
});
