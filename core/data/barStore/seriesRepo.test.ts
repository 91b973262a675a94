import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import type { BarSeries } from '../BarSeries';
import { loadBarsCsv } from '../csv/loadBarsCsv';
import { FIXTURE_DATA_DIR } from '../csv/fixtureDataProfile';
import { dataFingerprint } from '../fingerprint';
import { generateSyntheticMarket } from '../synthetic';
import { CHUNK_BARS } from './chunkCodec';
import { SeriesExistsError, SeriesNotFoundError } from './errors';
import { getInstrument } from './instruments';
import { getBars, loadSeries } from './loadBars';
import { deleteSeries, findSeries, listSeries, writeSeries } from './seriesRepo';

const DATA_DIR = FIXTURE_DATA_DIR;

let db: Database.Database;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'bars.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

const refuse = { barSize: '1d', source: 'synthetic', onExisting: 'refuse' } as const;

/** Each column's bytes: equal bytes is an exact round trip, -0 included. */
function columnsOf(s: BarSeries): Buffer[] {
  const cols = [s.ts, s.open, s.high, s.low, s.close, s.volume, ...(s.adjClose ? [s.adjClose] : [])];
  return cols.map((c) => Buffer.from(c.buffer, c.byteOffset, s.length * 8));
}

function expectSameBars(actual: BarSeries, expected: BarSeries): void {
  const a = columnsOf(actual);
  const e = columnsOf(expected);
  expect(a.length).toBe(e.length);
  expect(a.map((column, i) => column.equals(e[i]))).toEqual(e.map(() => true));
}

function chunkCount(): number {
  return (db.prepare('SELECT count(*) AS n FROM bar_chunks').get() as { n: number }).n;
}

describe('bar store series', () => {
  it('round-trips series exactly, across chunk boundaries and with an adjusted close', () => {
    const [long] = generateSyntheticMarket({ symbols: 1, years: 40, seed: 7 });
    expect(long.length).toBeGreaterThan(2 * CHUNK_BARS);
    const orcl = loadBarsCsv(join(DATA_DIR, 'orcl-1995-2014.txt'));
    writeSeries(db, long, refuse);
    writeSeries(db, orcl, { ...refuse, source: 'yahoo', fileName: 'orcl-1995-2014.txt' });
    expect(chunkCount()).toBe(Math.ceil(long.length / CHUNK_BARS) + Math.ceil(orcl.length / CHUNK_BARS));

    const [syn, oracle] = loadSeries(db, ['SYN000', 'orcl'], '1d');
    expectSameBars(syn, long);
    expect([syn.symbol, syn.barSeconds, syn.length, syn.adjClose]).toEqual(['SYN000', long.barSeconds, long.length, undefined]);
    expectSameBars(oracle, orcl);
    expect(dataFingerprint([oracle])).toBe(findSeries(db, 'ORCL', '1d')?.fingerprint);
  });

  it('stores ticks that share a stamp, keeping them in one chunk across a chunk boundary', () => {
    const n = CHUNK_BARS + 10;
    const ts = Float64Array.from({ length: n }, (_, i) => 1_000_000 + i * 7);
    // Bars at the chunk boundary share a millisecond; a bar series would be refused for it.
    ts[CHUNK_BARS] = ts[CHUNK_BARS - 1];
    for (let i = CHUNK_BARS + 1; i < n; i++) ts[i] = ts[i - 1] + 7;
    const ones = new Float64Array(n).fill(1);
    const ticks: BarSeries = { symbol: 'TCK', barSeconds: 0, length: n, ts, open: ones, high: ones, low: ones, close: ones, volume: ones };
    expect(() => writeSeries(db, ticks, { ...refuse, barSize: '1m' })).toThrow(/bar 4096 is not later than the bar before it/);
    writeSeries(db, ticks, { ...refuse, barSize: 'tick' });
    expect(chunkCount()).toBe(2);
    expectSameBars(loadSeries(db, ['TCK'], 'tick')[0], ticks);
  });

  it('loads every series of a bar size when no symbols are named, by symbol', () => {
    for (const s of generateSyntheticMarket({ symbols: 3, years: 1, seed: 1 }).reverse()) writeSeries(db, s, refuse);
    expect(loadSeries(db, null, '1d').map((s) => s.symbol)).toEqual(['SYN000', 'SYN001', 'SYN002']);
    expect(loadSeries(db, null, '1w')).toEqual([]);
  });

  it('names every missing symbol when loading', () => {
    writeSeries(db, generateSyntheticMarket({ symbols: 1, years: 1, seed: 1 })[0], refuse);
    expect(() => loadSeries(db, ['SYN000', 'NOPE', 'ALSO'], '1d')).toThrow(new SeriesNotFoundError(['NOPE', 'ALSO'], '1d'));
    expect(() => loadSeries(db, ['SYN000'], '1h')).toThrow('no 1h bars for SYN000 in the bar store');
  });

  it('records coverage, source and file, and adds the instrument with defaults', () => {
    const goog = loadBarsCsv(join(DATA_DIR, 'GOOG.csv'));
    const info = writeSeries(db, goog, { barSize: '1d', source: 'generic', fileName: 'GOOG.csv', onExisting: 'refuse', importedAt: 1234 });
    expect(listSeries(db)).toEqual([info]);
    expect(info).toMatchObject({
      symbol: 'GOOG',
      barSize: '1d',
      barSeconds: 86_400,
      source: 'generic',
      fileName: 'GOOG.csv',
      importedAt: 1234,
      firstTs: Date.UTC(2004, 7, 19),
      lastTs: Date.UTC(2013, 2, 1),
      bars: 2148,
      hasAdjClose: false,
    });
    // Every weekday of 2004-2013 without a GOOG bar was an NYSE holiday (or a one-off closure such as Sandy's).
    expect(info.gaps).toBe(0);
    expect(getInstrument(db, 'goog')).toEqual({ symbol: 'GOOG', exchange: 'SMART', currency: 'USD', assetClass: 'STK', lotSize: 1, tickSize: 0.01 });
  });

  it('refuses to overwrite a stored series unless asked to replace it, and replaces it whole', () => {
    const [a] = generateSyntheticMarket({ symbols: 1, years: 2, seed: 1 });
    const [b] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 2 });
    const first = writeSeries(db, a, refuse);
    expect(() => writeSeries(db, b, refuse)).toThrow(SeriesExistsError);
    expect(() => writeSeries(db, b, refuse)).toThrow(/SYN000 1d is already in the bar store \(504 bars, 2000-01-03 to .*replace it to overwrite/);
    expect(listSeries(db)).toEqual([first]);

    const second = writeSeries(db, b, { ...refuse, onExisting: 'replace' });
    expect(listSeries(db)).toEqual([second]);
    expectSameBars(loadSeries(db, ['SYN000'], '1d')[0], b);
    expect(chunkCount()).toBe(1);
  });

  it('leaves the old series in place when a replacement fails part-way', () => {
    const [a] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 1 });
    writeSeries(db, a, refuse);
    // A fractional stamp passes the ascending check but not the INTEGER stamp column: the insert fails after the delete.
    const ts = a.ts.slice();
    ts[0] += 0.5;
    expect(() => writeSeries(db, { ...a, ts, open: a.open.map((x) => x + 1) }, { ...refuse, onExisting: 'replace' })).toThrow();
    expectSameBars(loadSeries(db, ['SYN000'], '1d')[0], a);
    expect(chunkCount()).toBe(1);
  });

  it('rejects an empty series, stamps that do not ascend, a bad symbol or bar size, writing nothing', () => {
    const [a] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 1 });
    const ts = a.ts.slice();
    ts[10] = ts[9];
    expect(() => writeSeries(db, { ...a, ts }, refuse)).toThrow('cannot store SYN000: bar 10 is not later than the bar before it');
    expect(() => writeSeries(db, { ...a, length: 0 }, refuse)).toThrow('the series has no bars');
    expect(() => writeSeries(db, { ...a, symbol: 'bad symbol' }, refuse)).toThrow(/symbol "bad symbol" is not valid/);
    expect(() => writeSeries(db, a, { ...refuse, barSize: '7x' })).toThrow(/bar size "7x"/);
    expect(listSeries(db)).toEqual([]);
    expect(chunkCount()).toBe(0);
  });

  it('reads a range from only the chunks that overlap it', () => {
    const [long] = generateSyntheticMarket({ symbols: 1, years: 40, seed: 7 });
    writeSeries(db, long, refuse);
    const from = long.ts[CHUNK_BARS - 2];
    const to = long.ts[CHUNK_BARS + 2];
    const part = getBars(db, 'SYN000', '1d', from, to);
    expect(Array.from(part.ts)).toEqual(Array.from(long.ts.subarray(CHUNK_BARS - 2, CHUNK_BARS + 3)));
    expect(Array.from(part.close)).toEqual(Array.from(long.close.subarray(CHUNK_BARS - 2, CHUNK_BARS + 3)));
    expect(getBars(db, 'SYN000', '1d', undefined, long.ts[2]).length).toBe(3);
    expect(getBars(db, 'SYN000', '1d', long.ts[long.length - 1] + 1).length).toBe(0);
    expect(getBars(db, 'SYN000', '1d').length).toBe(long.length);
    expect(() => getBars(db, 'SYN000', '1w')).toThrow(SeriesNotFoundError);
  });

  it('lists by symbol and from the finest bar size, and deletes one size or all', () => {
    const [d] = generateSyntheticMarket({ symbols: 1, years: 1, seed: 1 });
    const weekly: BarSeries = { ...d, barSeconds: 604_800 };
    writeSeries(db, weekly, { ...refuse, barSize: '1w' });
    writeSeries(db, d, refuse);
    writeSeries(db, { ...d, symbol: 'AAA' }, refuse);
    expect(listSeries(db).map((s) => `${s.symbol} ${s.barSize}`)).toEqual(['AAA 1d', 'SYN000 1d', 'SYN000 1w']);
    expect(deleteSeries(db, 'syn000', '1w').map((s) => s.barSize)).toEqual(['1w']);
    expect(deleteSeries(db, 'SYN000', '1w')).toEqual([]);
    writeSeries(db, weekly, { ...refuse, barSize: '1w' });
    expect(deleteSeries(db, 'SYN000')).toHaveLength(2);
    expect(listSeries(db).map((s) => s.symbol)).toEqual(['AAA']);
    expect(chunkCount()).toBe(1);
    expect(getInstrument(db, 'SYN000')).not.toBeNull();
  });
});
