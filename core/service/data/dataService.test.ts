import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { barAt } from '../../data/BarSeries';
import { loadBarsCsv } from '../../data/csv/loadBarsCsv';
import { FIXTURE_DATA_DIR } from '../../data/csv/fixtureDataProfile';
import { storeSnapshot, tempStore } from '../../data/import/testStore';
import { ApiError } from '../../ipc/errors';
import { deleteSeries, getBars, importText, listInstruments, listSeries, previewImport } from './dataService';

let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.close());

const text = (name: string): string => readFileSync(join(FIXTURE_DATA_DIR, name), 'utf8');

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('data services', () => {
  it('imports uploaded text, lists it with its instrument, and deletes it', () => {
    const progress: number[] = [];
    const r = importText(store.db, { name: 'GOOG.csv', text: text('GOOG.csv') }, (done) => progress.push(done));
    expect([r.series.symbol, r.series.bars, r.replaced]).toEqual(['GOOG', 2148, false]);
    expect(progress.length).toBeGreaterThan(0);
    expect(listSeries(store.db)).toEqual([r.series]);
    expect(listInstruments(store.db).map((i) => i.symbol)).toEqual(['GOOG']);
    expect(deleteSeries(store.db, { symbol: 'goog' })).toEqual([r.series]);
    expect(listSeries(store.db)).toEqual([]);
    expect(apiError(() => deleteSeries(store.db, { symbol: 'GOOG' })).code).toBe('NOT_FOUND');
  });

  it('reports a broken file as REJECTED and a stored series as CONFLICT, writing nothing', () => {
    importText(store.db, { name: 'GOOG.csv', text: text('GOOG.csv') });
    const before = storeSnapshot(store.db);
    const rejected = apiError(() => importText(store.db, { name: 'GOOG.csv', text: 'Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,1,-1\n', replace: true }));
    expect([rejected.code, rejected.message]).toEqual(['REJECTED', 'GOOG.csv was not imported:\n  GOOG.csv:2: column "Volume": volume -1 is negative']);
    const conflict = apiError(() => importText(store.db, { name: 'GOOG.csv', text: text('GOOG.csv') }));
    expect(conflict.code).toBe('CONFLICT');
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('validates input from the UI', () => {
    expect(apiError(() => importText(store.db, { name: '', text: 'x' })).message).toMatch(/^name: /);
    expect(apiError(() => previewImport(store.db, { name: 'a.csv', text: 'x', format: 'excel' as 'auto' })).code).toBe('BAD_INPUT');
    expect(apiError(() => getBars(store.db, { symbol: 'GOOG', maxPoints: 1 })).code).toBe('BAD_INPUT');
    expect(apiError(() => getBars(store.db, { symbol: 'not a symbol' })).code).toBe('BAD_INPUT');
  });

  it('previews without writing', () => {
    const p = previewImport(store.db, { name: 'GOOG.csv', text: text('GOOG.csv') });
    expect([p.valid, p.symbol, p.bars]).toEqual([true, 'GOOG', 2148]);
    expect(listSeries(store.db)).toEqual([]);
  });
});

describe('getBars', () => {
  beforeEach(() => {
    importText(store.db, { name: 'IDX.txt', text: text('2006-day-001.txt') });
  });

  it.each([
    ['1w', '2006-week-001.txt'],
    ['2w', '2006-week-002.txt'],
    ['1mo', '2006-month-001.txt'],
  ])('resamples the daily bars to %s exactly as the shipped %s', (barSize, file) => {
    const view = getBars(store.db, { symbol: 'IDX', barSize });
    const shipped = loadBarsCsv(join(FIXTURE_DATA_DIR, file));
    expect([view.barSize, view.resampled, view.source.barSize]).toEqual([barSize, true, '1d']);
    expect(view.bars).toEqual(Array.from({ length: shipped.length }, (_, i) => barAt(shipped, i)));
  });

  it('returns a stored series as it is, cut to a range', () => {
    const view = getBars(store.db, { symbol: 'idx', barSize: '1d', from: Date.UTC(2006, 0, 3), to: Date.UTC(2006, 0, 5) });
    expect([view.resampled, view.downsampled, view.bars.map((b) => b.ts)]).toEqual([
      false,
      false,
      [Date.UTC(2006, 0, 3), Date.UTC(2006, 0, 4), Date.UTC(2006, 0, 5)],
    ]);
    expect(getBars(store.db, { symbol: 'IDX' }).bars).toHaveLength(255);
  });

  it('resamples before cutting the range, so the first period is whole', () => {
    const view = getBars(store.db, { symbol: 'IDX', barSize: '1mo', from: Date.UTC(2006, 1, 15), to: Date.UTC(2006, 2, 31) });
    const months = loadBarsCsv(join(FIXTURE_DATA_DIR, '2006-month-001.txt'));
    expect(view.bars).toEqual([barAt(months, 1), barAt(months, 2)]);
  });

  it('merges runs of bars to stay within maxPoints, keeping every extreme', () => {
    const view = getBars(store.db, { symbol: 'IDX', maxPoints: 50 });
    const all = getBars(store.db, { symbol: 'IDX' }).bars;
    expect(view.downsampled).toBe(true);
    // 255 bars in at most 50 candles: runs of 6, the last holding the 3 left over.
    expect(view.barsPerCandle).toBe(6);
    expect(view.bars).toHaveLength(43);
    expect(view.bars.length).toBeLessThanOrEqual(50);
    expect(Math.max(...view.bars.map((b) => b.high))).toBe(Math.max(...all.map((b) => b.high)));
    expect(Math.min(...view.bars.map((b) => b.low))).toBe(Math.min(...all.map((b) => b.low)));
    expect([view.bars[0].open, view.bars.at(-1)?.close, view.bars.at(-1)?.ts]).toEqual([all[0].open, all.at(-1)?.close, all.at(-1)?.ts]);
    expect(view.bars.reduce((v, b) => v + b.volume, 0)).toBe(all.reduce((v, b) => v + b.volume, 0));
  });

  it('refuses a finer size than stored and an unknown symbol', () => {
    expect(apiError(() => getBars(store.db, { symbol: 'IDX', barSize: '5m' })).message).toBe(
      'IDX has only 1d bars, which cannot be resampled to the finer 5m',
    );
    expect(apiError(() => getBars(store.db, { symbol: 'NONE' })).code).toBe('NOT_FOUND');
    expect(apiError(() => getBars(store.db, { symbol: 'IDX', barSize: '7q' })).code).toBe('BAD_INPUT');
  });
});
