import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DataSource } from '../config/loadSpec';
import { loadSpecData, loadSpecDataAsync } from './loadSpecData';

const data = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const source: DataSource = {
  kind: 'csv',
  files: [
    { symbol: 'NVDA', path: path.join(data, 'nvda-1999-2014.txt') },
    { symbol: 'ORCL', path: path.join(data, 'orcl-1995-2014.txt') },
  ],
  adjustment: 'total_return',
};

describe('loadSpecDataAsync', () => {
  it('loads the same adjusted series, with the same fingerprint, as loadSpecData', async () => {
    const sync = loadSpecData(source);
    const async = await loadSpecDataAsync(source);
    expect(async.fingerprint).toBe(sync.fingerprint);
    // total_return scales prices by Adj Close / Close: ORCL's first close 2.117284 becomes its Adj Close.
    expect(async.series[1].close[0]).toBeCloseTo(1.883304, 6);
    expect(async.series.map((s) => [s.symbol, s.length])).toEqual([
      ['NVDA', 4012],
      ['ORCL', 5036],
    ]);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    await expect(loadSpecDataAsync(source, undefined, controller.signal)).rejects.toThrow('run cancelled');
  });
});
