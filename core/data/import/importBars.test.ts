import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BarSeries } from '../BarSeries';
import { SeriesExistsError } from '../barStore/errors';
import { loadSeries } from '../barStore/loadBars';
import { listSeries } from '../barStore/seriesRepo';
import { profileTs, FIXTURE_DATA_DIR, fixtureDataProfile } from '../csv/fixtureDataProfile';
import { importFile, importText } from './importBars';
import { storeSnapshot, tempStore } from './testStore';

/** Format and bar size each fixture file is detected as. */
const EXPECTED: Record<string, [string, string]> = {
  '2005-2006-day-001.txt': ['backtrader', '1d'],
  '2006-01-02-volume-min-001.txt': ['backtrader', '1m'],
  '2006-day-001.txt': ['backtrader', '1d'],
  '2006-day-002.txt': ['backtrader', '2d'],
  '2006-min-005.txt': ['backtrader', '5m'],
  '2006-month-001.txt': ['backtrader', '1mo'],
  '2006-volume-day-001.txt': ['backtrader', '1d'],
  '2006-week-001.txt': ['backtrader', '1w'],
  '2006-week-002.txt': ['backtrader', '2w'],
  'BTCUSD.csv': ['generic', '1mo'],
  'EURUSD.csv': ['generic', '1h'],
  'GOOG.csv': ['generic', '1d'],
  'nvda-1999-2014.txt': ['yahoo', '1d'],
  'orcl-1995-2014.legacy-2015.txt': ['yahoo', '1d'],
  'orcl-1995-2014.txt': ['yahoo', '1d'],
  'yhoo-1996-2015.txt': ['yahoo', '1d'],
  'ticksample.csv': ['backtrader', 'tick'],
};

/** The numbers of a file's data line, to check that a stored bar is that line: O, H, L, C in a row, then the volume. */
function lineNumbers(line: string): number[] {
  return line.split(',').map(Number);
}

function expectBarFromLine(s: BarSeries, i: number, line: string): void {
  const numbers = lineNumbers(line.replace(/\r$/, ''));
  const ohlc = [s.open[i], s.high[i], s.low[i], s.close[i]];
  const at = numbers.findIndex((_, k) => ohlc.every((v, j) => numbers[k + j] === v));
  expect(at, `bar ${i} OHLC ${ohlc} in "${line}"`).toBeGreaterThan(0);
  expect(numbers.slice(at + 4)).toContain(s.volume[i]);
}

let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.close());

const dataFiles = readdirSync(FIXTURE_DATA_DIR).filter((f) => /\.(csv|txt)$/.test(f));

describe('importing the fixture files', () => {
  it('covers every data file', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...dataFiles].sort());
  });

  it.each(Object.keys(EXPECTED))('%s imports with its profiled bar count and first and last bars', (name) => {
    const symbol = name.toUpperCase();
    const result = importFile(store.db, join(FIXTURE_DATA_DIR, name), { symbol }, { replace: false });
    const [format, barSize] = EXPECTED[name];
    expect([result.format, result.series.barSize, result.series.fileName]).toEqual([format, barSize, name]);
    const expected = fixtureDataProfile[name];
    expect([result.series.bars, result.series.firstTs, result.series.lastTs]).toEqual([
      expected.rows,
      profileTs(expected.first),
      profileTs(expected.last),
    ]);
    const [stored] = loadSeries(store.db, [symbol], barSize);
    expect(stored.length).toBe(expected.rows);
    const lines = readFileSync(join(FIXTURE_DATA_DIR, name), 'utf8').split('\n').filter((l) => l.trim() !== '');
    expectBarFromLine(stored, 0, lines[1]);
    expectBarFromLine(stored, stored.length - 1, lines[lines.length - 1]);
    expect(stored.adjClose !== undefined).toBe(format === 'yahoo');
  });

  it('guesses the symbol from the file name', () => {
    expect(importFile(store.db, join(FIXTURE_DATA_DIR, 'orcl-1995-2014.txt'), {}, { replace: false }).series.symbol).toBe('ORCL');
  });

  it('imports ticksample.csv whole as ticks, its two ticks in one millisecond both kept', () => {
    const result = importFile(store.db, join(FIXTURE_DATA_DIR, 'ticksample.csv'), {}, { replace: false });
    expect(result.series).toMatchObject({ symbol: 'TICKSAMPLE', barSize: 'tick', bars: 135 });
    expect(result.series.firstTs).toBe(Date.UTC(2015, 8, 23, 20, 57, 42, 146));
    expect(result.series.lastTs).toBe(Date.UTC(2015, 8, 23, 21, 0, 0, 238));
    expect(result.warnings).toContain('1 tick shares its millisecond stamp with the previous one; kept in file order');
  });
});

describe('importing over a stored series', () => {
  const goog = readFileSync(join(FIXTURE_DATA_DIR, 'GOOG.csv'), 'utf8');
  const shorter = goog.slice(0, goog.trimEnd().lastIndexOf('\n') + 1);

  it('refuses by default, leaving the stored series as it was', () => {
    importText(store.db, { name: 'GOOG.csv', text: goog }, { replace: false });
    const before = storeSnapshot(store.db);
    const again = () => importText(store.db, { name: 'GOOG.csv', text: shorter }, { replace: false });
    expect(again).toThrow(SeriesExistsError);
    expect(again).toThrow(/GOOG 1d is already in the bar store \(2148 bars, 2004-08-19 to 2013-03-01, from GOOG\.csv\)/);
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('replaces the whole series when asked', () => {
    importText(store.db, { name: 'GOOG.csv', text: goog }, { replace: false });
    const result = importText(store.db, { name: 'GOOG-short.csv', text: shorter, symbol: 'goog' }, { replace: true });
    expect([result.replaced, result.series.bars, result.series.fileName]).toEqual([true, 2147, 'GOOG-short.csv']);
    expect(listSeries(store.db).map((s) => [s.symbol, s.bars])).toEqual([['GOOG', 2147]]);
    expect(loadSeries(store.db, ['GOOG'], '1d')[0].length).toBe(2147);
  });
});

describe('Stooq and IB exports', () => {
  it('reads a Stooq daily file, taking the symbol from <TICKER>', () => {
    const text =
      '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\r\n' +
      'AAPL.US,D,20240102,000000,187.15,188.44,183.885,185.64,82488674,0\r\n' +
      'AAPL.US,D,20240103,000000,184.22,185.88,183.43,184.25,58414460,0\r\n' +
      'AAPL.US,D,20240104,000000,182.15,183.0872,180.88,181.91,71983570,0\r\n';
    const r = importText(store.db, { name: 'aapl_us_d.csv', text }, { replace: false });
    expect([r.format, r.series.symbol, r.series.barSize, r.series.bars, r.series.firstTs]).toEqual(['stooq', 'AAPL', '1d', 3, Date.UTC(2024, 0, 2)]);
    expect(Array.from(loadSeries(store.db, ['AAPL'], '1d')[0].volume)).toEqual([82488674, 58414460, 71983570]);
  });

  it('reads a Stooq intraday file with HHMMSS times', () => {
    const text =
      '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n' +
      'EURUSD,5,20240102,093000,1.1,1.2,1.0,1.15,10,0\n' +
      'EURUSD,5,20240102,093500,1.15,1.2,1.1,1.12,11,0\n';
    const r = importText(store.db, { name: 'eurusd_5.txt', text }, { replace: false });
    expect([r.series.symbol, r.series.barSize, r.series.firstTs]).toEqual(['EURUSD', '5m', Date.UTC(2024, 0, 2, 9, 30)]);
  });

  it('reads IB bars: compact dates, two-space times with a zone name, epoch seconds, WAP and barCount', () => {
    const daily = 'date,open,high,low,close,volume,average,barCount\n20240102,187.15,188.44,183.885,185.64,824886,185.9,1000\n20240103,184.22,185.88,183.43,184.25,584144,184.5,900\n';
    const r = importText(store.db, { name: 'AAPL-ib.csv', text: daily }, { replace: false });
    expect([r.format, r.series.symbol, r.series.barSize, r.series.lastTs]).toEqual(['ib', 'AAPL', '1d', Date.UTC(2024, 0, 3)]);

    const intraday = 'date,open,high,low,close,volume,wap,count\n20240102  09:30:00 US/Eastern,1,2,0.5,1.5,10,1.2,3\n20240102  09:31:00 US/Eastern,1.5,2,1,1.2,12,1.4,4\n';
    const m = importText(store.db, { name: 'MSFT.csv', text: intraday }, { replace: false });
    expect([m.format, m.series.barSize, m.series.firstTs]).toEqual(['ib', '1m', Date.UTC(2024, 0, 2, 9, 30)]);

    const epoch = `date,open,high,low,close,volume,average,barCount\n${Date.UTC(2024, 0, 2, 14, 30) / 1000},1,2,0.5,1.5,10,1.2,3\n${Date.UTC(2024, 0, 2, 14, 35) / 1000},1,2,0.5,1.5,10,1.2,3\n`;
    const e = importText(store.db, { name: 'IBM.csv', text: epoch }, { replace: false });
    expect([e.series.barSize, e.series.firstTs]).toEqual(['5m', Date.UTC(2024, 0, 2, 14, 30)]);
  });

  it('checks a format named by the trader against the file', () => {
    const goog = readFileSync(join(FIXTURE_DATA_DIR, 'GOOG.csv'), 'utf8');
    expect(() => importText(store.db, { name: 'GOOG.csv', text: goog, format: 'yahoo' }, { replace: false })).toThrow(
      'GOOG.csv:1: column 1: not a yahoo file: Yahoo files have an Adj Close column',
    );
    expect(() => importText(store.db, { name: 'GOOG.csv', text: goog, format: 'stooq' }, { replace: false })).toThrow(/not a stooq file/);
    expect(importText(store.db, { name: 'GOOG.csv', text: goog, format: 'generic' }, { replace: false }).format).toBe('generic');
  });

  it('reports progress through a large file, up to the whole text', () => {
    const start = Date.UTC(2020, 0, 6);
    const rows = Array.from({ length: 70_000 }, (_, i) => `${new Date(start + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},1,2,0.5,1.5,7`);
    const text = `,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`;
    const calls: [number, number][] = [];
    const r = importText(store.db, { name: 'BIG.csv', text }, { replace: false, onProgress: (done, total) => calls.push([done, total]) });
    expect(r.series.bars).toBe(70_000);
    expect(calls.length).toBe(2);
    expect(calls.at(-1)).toEqual([text.length, text.length]);
    expect(calls.every(([done, total], i) => total === text.length && (i === 0 || done > calls[i - 1][0]))).toBe(true);
  });
});
