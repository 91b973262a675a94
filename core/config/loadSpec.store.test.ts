import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError';
import { parseSpec } from './loadSpec';

const strategy = { name: 'buy-and-hold' };

function issues(data: unknown): { path: string; message: string }[] {
  try {
    parseSpec({ name: 't', data, strategy }, 'spec.yaml', '/base');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('the bar store as a backtest data source', () => {
  it('defaults to every daily series of the run database, unadjusted', () => {
    expect(parseSpec({ name: 't', data: { store: {} }, strategy }, 'spec.yaml', '/base').data).toEqual({
      kind: 'store',
      symbols: null,
      barSize: '1d',
      db: null,
      adjustment: 'raw',
    });
  });

  it('resolves its file against the spec folder and keeps symbols, bar size and adjustment', () => {
    const data = { store: { symbols: ['GOOG', 'ORCL'], bar_size: '1w', db: 'data/bars.db' }, adjustment: 'total_return' };
    expect(parseSpec({ name: 't', data, strategy }, 'spec.yaml', '/base').data).toEqual({
      kind: 'store',
      symbols: ['GOOG', 'ORCL'],
      barSize: '1w',
      db: '/base/data/bars.db',
      adjustment: 'total_return',
    });
  });

  it('applies the adjustment to csv data too', () => {
    const spec = parseSpec({ name: 't', data: { csv: 'a.csv', adjustment: 'split' }, strategy }, 'spec.yaml', '/base');
    expect(spec.data).toEqual({ kind: 'csv', files: [{ symbol: 'a', path: '/base/a.csv' }], adjustment: 'split' });
  });

  it('names what is wrong: bar size, adjustment, unknown keys, more than one source', () => {
    expect(issues({ store: { bar_size: '7q' } })).toEqual([
      { path: 'data.store.bar_size', message: expect.stringMatching(/^bar size "7q": expected a count and a unit/) },
    ]);
    expect(issues({ store: {}, adjustment: 'dividends' })[0].path).toBe('data.adjustment');
    expect(issues({ store: { symbol: 'GOOG' } })[0].path).toBe('data.store.symbol');
    expect(issues({ store: { symbols: [] } })[0].path).toBe('data.store.symbols');
    expect(issues({ store: {}, csv: 'a.csv' })).toEqual([{ path: 'data', message: 'give exactly one of csv, synthetic or store' }]);
    expect(issues({ synthetic: { symbols: 2, years: 1 }, adjustment: 'split' })).toEqual([
      { path: 'data.adjustment', message: 'applies to csv and store data only; synthetic prices are never adjusted, got "split"' },
    ]);
  });
});
