import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSeries } from '../../data/barStore/seriesRepo';
import { loadBarsCsv } from '../../data/csv/loadBarsCsv';
import { importFile } from '../../data/import/importBars';
import { FIXTURE_DATA_DIR } from '../../data/csv/fixtureDataProfile';
import { storeSnapshot, tempStore } from '../../data/import/testStore';
import { generateSyntheticMarket } from '../../data/synthetic';
import { loadSpecData } from '../loadSpecData';

let store: ReturnType<typeof tempStore>;
let file: string;
beforeEach(() => {
  store = tempStore();
  file = join(store.dir, 'store.db');
  importFile(store.db, join(FIXTURE_DATA_DIR, 'orcl-1995-2014.txt'), {}, { replace: false });
  for (const s of generateSyntheticMarket({ symbols: 2, years: 1, seed: 1 })) writeSeries(store.db, s, { barSize: '1d', source: 'synthetic', onExisting: 'refuse' });
});
afterEach(() => store.close());

const source = { kind: 'store', symbols: null, barSize: '1d', db: null, adjustment: 'raw' } as const;

describe('loadSpecData from the bar store', () => {
  it("reads every daily series from the run's database by default", () => {
    const data = loadSpecData(source, store.db);
    expect(data.series.map((s) => [s.symbol, s.length])).toEqual([
      ['ORCL', 5036],
      ['SYN000', 252],
      ['SYN001', 252],
    ]);
  });

  it('reads a named file read-only, leaving it unchanged', () => {
    const before = storeSnapshot(store.db);
    const data = loadSpecData({ ...source, symbols: ['orcl'], db: file });
    expect(data.series.map((s) => s.symbol)).toEqual(['ORCL']);
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('applies the total_return adjustment: the close becomes the adjusted close', () => {
    const raw = loadBarsCsv(join(FIXTURE_DATA_DIR, 'orcl-1995-2014.txt'));
    const [adjusted] = loadSpecData({ ...source, symbols: ['ORCL'], adjustment: 'total_return' }, store.db).series;
    expect(adjusted.close[0]).toBeCloseTo(raw.adjClose?.[0] ?? NaN, 12);
    expect(adjusted.close[100] / adjusted.open[100]).toBeCloseTo(raw.close[100] / raw.open[100], 12);
    const plain = loadSpecData({ ...source, symbols: ['ORCL'] }, store.db);
    expect(plain.series[0].close[0]).toBe(raw.close[0]);
    expect(loadSpecData({ ...source, symbols: ['ORCL'], adjustment: 'total_return' }, store.db).fingerprint).not.toBe(plain.fingerprint);
  });

  it('refuses an adjustment the data cannot support, naming the symbol', () => {
    expect(() => loadSpecData({ ...source, symbols: ['SYN000'], adjustment: 'total_return' }, store.db)).toThrow(/SYN000/);
  });

  it('says what is missing: the file, its bar store, or any series of the bar size', () => {
    expect(() => loadSpecData({ ...source, db: join(store.dir, 'none.db') })).toThrow(/bar store .*none\.db does not exist; import data with: npm run data -- import/);
    const empty = join(store.dir, 'empty.db');
    new Database(empty).close();
    expect(() => loadSpecData({ ...source, db: empty })).toThrow(/empty\.db has no bar store yet/);
    expect(() => loadSpecData({ ...source, barSize: '1h' }, store.db)).toThrow(/has no 1h series/);
  });
});
