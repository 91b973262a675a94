import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBarsCsv, symbolFromFileName } from './loadBarsCsv';
import { parseBarsCsv } from './parseBarsCsv';
import { profileStepSeconds, profileTs, FIXTURE_DATA_DIR, fixtureDataProfile } from './fixtureDataProfile';

const DATA_DIR = FIXTURE_DATA_DIR;
const profile = fixtureDataProfile;

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
  'ticksample.csv': [3067, 3067, 3067, 3067, 180, NaN],
  '2006-01-02-volume-min-001.txt': [3602, 3603, 3597, 3599, 5699, NaN],
  '2006-volume-day-001.txt': [3602, 3624, 3596, 3617, 164794, NaN],
};

const dataFiles = readdirSync(DATA_DIR).filter((name) => /\.(csv|txt)$/.test(name));

describe('loadBarsCsv on the real fixture files', () => {
  it('finds every data file and has a first-row check for each', () => {
    expect(dataFiles).toContain('ticksample.csv');
    expect(dataFiles.length).toBe(17);
    expect(Object.keys(FIRST_ROW).sort()).toEqual([...dataFiles].sort());
  });

  it.each(dataFiles)('%s loads with the profiled rows, span, step and close range', (name) => {
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

  it.each(dataFiles)('%s has the expected first-row prices and adjusted close', (name) => {
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

  it('reads ticksample.csv whole: its two ticks in one millisecond are both kept, in file order', () => {
    const series = loadBarsCsv(join(DATA_DIR, 'ticksample.csv'));
    expect(series.length).toBe(135);
    expect(series.ts[0]).toBe(Date.UTC(2015, 8, 23, 20, 57, 42, 146));
    expect(series.ts[134]).toBe(Date.UTC(2015, 8, 23, 21, 0, 0, 238));
    // Lines 23 and 24 share 20:58:22.316: rows 21 and 22 of the series, closes 3068 then 3069.
    expect(series.ts[21]).toBe(series.ts[22]);
    expect([series.close[21], series.close[22]]).toEqual([3068, 3069]);
  });

  it('still refuses a repeated stamp without a fraction of a second, naming the line', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,1,1\n2020-01-02,1,1,1,1,1\n';
    expect(() => parseBarsCsv(text, { file: 'dup.csv', symbol: 'X' })).toThrow(
      'dup.csv:3: column "Date": duplicate timestamp 2020-01-02T00:00:00.000Z (same as the previous row)',
    );
    const ticks = 'Datetime,Open,High,Low,Close,Volume\n2020-01-02T10:00:00.5,1,1,1,1,1\n2020-01-02T10:00:00.4,1,1,1,1,1\n';
    expect(() => parseBarsCsv(ticks, { file: 't.csv', symbol: 'X' })).toThrow(/t.csv:3: .* is earlier than the previous row/);
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
