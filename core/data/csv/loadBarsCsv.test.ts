import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError } from './CsvError';
import { loadBarsCsv, symbolFromFileName } from './loadBarsCsv';
import { parseBarsCsv } from './parseBarsCsv';
import { profileStepSeconds, profileTs, SHARED_DATA_DIR, sharedDataProfile } from './sharedDataProfile';

const DATA_DIR = SHARED_DATA_DIR;
const profile = sharedDataProfile;

/** First data row of each file: open, high, low, close, volume, adjClose (NaN when the file has none). */
const FIRST_ROW: Record<string, readonly number[]> = {
  'orcl-1995-2014.txt': [2.179012, 2.191358, 2.117284, 2.117284, 36301200, 1.883304],
  'nvda-1999-2014.txt': [1.75, 1.953125, 1.552083, 1.640625, 67867200, 1.518424],
  'yhoo-1996-2015.txt': [1.052083, 1.791667, 1.020833, 1.375, 408720000, 1.375],
  'orcl-1995-2014.legacy-2015.txt': [44.12, 44.38, 42.87, 42.87, 36301200, 2.0],
  'GOOG.csv': [100, 104.06, 95.96, 100.34, 22351900, NaN],
  'EURUSD.csv': [1.0716, 1.0722, 1.07083, 1.07219, 1413, NaN],
  'BTCUSD.csv': [4.58, 7.38, 3.8, 5.55, 2012.25343589, NaN],
  '2005-2006-day-001.txt': [2952.29, 2989.61, 2946.8, 2970.02, 0, NaN],
  '2006-day-001.txt': [3578.73, 3605.95, 3578.73, 3604.33, 0, NaN],
  '2006-day-002.txt': [3578.73, 3638.42, 3578.73, 3614.34, 0, NaN],
  '2006-week-001.txt': [3578.73, 3666.99, 3578.73, 3666.99, 0, NaN],
  '2006-week-002.txt': [3578.73, 3685.99, 3578.73, 3629.25, 0, NaN],
  '2006-month-001.txt': [3578.73, 3707.63, 3515.07, 3691.41, 0, NaN],
  '2006-min-005.txt': [3578.73, 3587.88, 3578.73, 3582.99, 0, NaN],
  '2006-01-02-volume-min-001.txt': [3602, 3603, 3597, 3599, 5699, NaN],
  '2006-volume-day-001.txt': [3602, 3624, 3596, 3617, 164794, NaN],
};

const dataFiles = readdirSync(DATA_DIR).filter((name) => /\.(csv|txt)$/.test(name));
const loadable = dataFiles.filter((name) => name !== 'ticksample.csv');

describe('loadBarsCsv on the shared real data', () => {
  it('finds every data file and has a first-row check for each loadable one', () => {
    expect(dataFiles).toContain('ticksample.csv');
    expect(loadable.length).toBe(16);
    expect(Object.keys(FIRST_ROW).sort()).toEqual([...loadable].sort());
  });

  it.each(loadable)('%s loads with the profiled rows, span, step and close range', (name) => {
    const expected = profile[name];
    const series = loadBarsCsv(join(DATA_DIR, name));
    expect(series.length).toBe(expected.rows);
    for (const column of [series.ts, series.open, series.high, series.low, series.close, series.volume]) {
      expect(column.length).toBe(expected.rows);
    }
    expect(series.ts[0]).toBe(profileTs(expected.first));
    expect(series.ts[series.length - 1]).toBe(profileTs(expected.last));
    expect(series.barSeconds).toBe(profileStepSeconds(expected.median_step));
    expect(Math.min(...series.close)).toBe(expected.min_close);
    expect(Math.max(...series.close)).toBe(expected.max_close);
  });

  it.each(loadable)('%s has the expected first-row prices and adjusted close', (name) => {
    const [open, high, low, close, volume, adjClose] = FIRST_ROW[name];
    const series = loadBarsCsv(join(DATA_DIR, name));
    expect([series.open[0], series.high[0], series.low[0], series.close[0], series.volume[0]]).toEqual([
      open,
      high,
      low,
      close,
      volume,
    ]);
    if (Number.isNaN(adjClose)) expect(series.adjClose).toBeUndefined();
    else expect(series.adjClose?.[0]).toBe(adjClose);
  });

  it('rejects ticksample.csv on its duplicate timestamp, naming line 24 and the Datetime column', () => {
    const path = join(DATA_DIR, 'ticksample.csv');
    let caught: unknown;
    try {
      loadBarsCsv(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvError);
    const error = caught as CsvError;
    expect(error.file).toBe(path);
    expect(error.line).toBe(24);
    expect(error.column).toBe('Datetime');
    expect(error.reason).toBe('duplicate timestamp 2015-09-23T20:58:22.316Z (same as the previous row)');
    expect(error.message).toBe(`${path}:24: column "Datetime": ${error.reason}`);
  });

  it('reads the ISO millisecond stamps of ticksample.csv up to the duplicate', () => {
    const lines = readFileSync(join(DATA_DIR, 'ticksample.csv'), 'utf8').split('\n');
    const series = parseBarsCsv(lines.slice(0, 23).join('\n'), { file: 'ticksample.csv', symbol: 'TICK' });
    expect(series.length).toBe(22);
    expect(series.ts[0]).toBe(Date.UTC(2015, 8, 23, 20, 57, 42, 146));
    expect(series.ts[1]).toBe(Date.UTC(2015, 8, 23, 20, 57, 46, 151));
  });

  it('defaults the symbol from the file name and lets the caller override it', () => {
    expect(loadBarsCsv(join(DATA_DIR, 'GOOG.csv')).symbol).toBe('GOOG');
    expect(loadBarsCsv(join(DATA_DIR, 'orcl-1995-2014.txt')).symbol).toBe('ORCL');
    expect(loadBarsCsv(join(DATA_DIR, 'GOOG.csv'), { symbol: 'GOOGL' }).symbol).toBe('GOOGL');
  });

  it('stamps separate Date and Time columns, including the header that omits Time', () => {
    const minute = loadBarsCsv(join(DATA_DIR, '2006-01-02-volume-min-001.txt'));
    expect(minute.ts[1] - minute.ts[0]).toBe(60_000);
    expect(minute.close[minute.length - 1]).toBe(3838);
    expect(minute.volume[minute.length - 1]).toBe(327);
  });
});

describe('symbolFromFileName', () => {
  it('upper-cases the base name up to the first dash or dot', () => {
    expect(symbolFromFileName('/a/b/GOOG.csv')).toBe('GOOG');
    expect(symbolFromFileName('nvda-1999-2014.txt')).toBe('NVDA');
    expect(symbolFromFileName('orcl-1995-2014.legacy-2015.txt')).toBe('ORCL');
    expect(symbolFromFileName('spy')).toBe('SPY');
  });
});
