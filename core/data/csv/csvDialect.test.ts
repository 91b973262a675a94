import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSpecFile } from '../../config/loadSpec';
import { runSpec } from '../../service/runSpec';
import { ImportRejectedError, importFile, importText } from '../import/importBars';
import { tempStore } from '../import/testStore';
import { loadSeries } from '../barStore/loadBars';
import { loadBarsCsv } from './loadBarsCsv';
import { parseBarsCsv } from './parseBarsCsv';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csv-dialect-'));
});
let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.close());

/** Spreadsheet export: every field quoted, thousands separators in prices and volume, CRLF. */
const QUOTED = [
  '"Date","Open","High","Low","Close","Volume"',
  '"2020-01-02","1,234.50","1,240.00","1,230.00","1,238.25","1,000"',
  '"2020-01-03","1,238.25","1,250.75","1,236.00","1,249.00","2,500"',
  '"2020-01-06","1,249.00","1,251.00","1,201.10","1,210.40","12,345,678"',
].join('\r\n');

/** European spreadsheet export: `;` between fields, `,` as the decimal mark, `.` grouping thousands. */
const SEMICOLON = ['Date;Open;High;Low;Close;Volume', '2020-01-02;1,5;1,75;1,25;1,6;1.000', '2020-01-03;1,6;1,9;1,55;1,85;2.345.678', '2020-01-06;1,85;2;1,8;1,95;0'].join('\n');

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
function rejection(text: string, name = 'Q.csv'): ImportRejectedError {
  try {
    importText(store.db, { name, text }, { replace: false });
  } catch (err) {
    if (err instanceof ImportRejectedError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('quoted fields, ; separators and decimal commas', () => {
  it('a quoted spreadsheet export imports with its numbers read whole', () => {
    const result = importFile(store.db, write('QUOTED.csv', QUOTED), {}, { replace: false });
    expect([result.series.symbol, result.series.bars, result.format]).toEqual(['QUOTED', 3, 'generic']);
    const [s] = loadSeries(store.db, ['QUOTED'], result.series.barSize);
    expect([...s.open]).toEqual([1234.5, 1238.25, 1249]);
    expect([...s.low]).toEqual([1230, 1236, 1201.1]);
    expect([...s.volume]).toEqual([1000, 2500, 12_345_678]);
    expect(s.ts[0]).toBe(Date.UTC(2020, 0, 2));
  });

  it('a ; file with decimal commas imports with the right numbers', () => {
    const { series } = importText(store.db, { name: 'EU.csv', text: SEMICOLON }, { replace: false });
    const [s] = loadSeries(store.db, ['EU'], series.barSize);
    expect([...s.open]).toEqual([1.5, 1.6, 1.85]);
    expect([...s.high]).toEqual([1.75, 1.9, 2]);
    expect([...s.close]).toEqual([1.6, 1.85, 1.95]);
    expect([...s.volume]).toEqual([1000, 2_345_678, 0]);
  });

  it('a tab-separated file reads like a comma one', () => {
    const tabbed = parseBarsCsv(SEMICOLON.replaceAll(';', '\t'), { file: 'T.tsv', symbol: 'T' });
    expect([...tabbed.close]).toEqual([1.6, 1.85, 1.95]);
  });

  it('a quoted file runs as backtest data', async () => {
    const csv = write('q-spec.csv', QUOTED);
    const spec = write('quoted.yaml', `name: quoted\ndata: {csv: [{symbol: Q, csv: ${csv}}]}\nstrategy: {name: buy-and-hold}\n`);
    const outcome = await runSpec(loadSpecFile(spec));
    expect([outcome.result.status, outcome.result.sessions]).toEqual(['completed', 3]);
  });

  it('gives the same series whether the file is read in one piece or many', () => {
    const rows = Array.from({ length: 300 }, (_, i) => {
      const day = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const d = i % 10;
      return `"${day}";"1.0${d}0,5";"1.10${d},25";"9${d}0,5";"1.00${d},75";"${i}"`;
    });
    const file = write('many.csv', ['"Date";"Open";"High";"Low";"Close";"Volume"', ...rows].join('\n'));
    const whole = loadBarsCsv(file);
    expect([whole.open[3], whole.high[3], whole.low[3], whole.close[3]]).toEqual([1030.5, 1103.25, 930.5, 1003.75]);
    expect(loadBarsCsv(file, { chunkBytes: 500 })).toEqual(whole);
  });

  it('reads quotes that first appear deep in an otherwise plain file', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},10,11,9,10.5,${i}`);
    rows[150] = rows[150].replace(',10.5,', ',"10.75",');
    const file = write('late-quote.csv', ['Date,Open,High,Low,Close,Volume', ...rows].join('\n'));
    expect(loadBarsCsv(file, { chunkBytes: 1024 }).close[150]).toBe(10.75);
  });
});

describe('files that cannot be read that way are refused with file:line', () => {
  it('a malformed quote', () => {
    const text = ['"Date","Open","High","Low","Close","Volume"', '"2020-01-02","10","11","9","10.5","100"', '"2020-01-03"x,"10","11","9","10.5","100"'].join('\n');
    const err = rejection(text);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ line: 3 });
    expect(err.issues[0].message).toMatch(/^Q\.csv:3: column \d+: malformed CSV: Invalid Closing Quote/);
  });

  it('an unclosed quote', () => {
    const text = ['"Date","Open","High","Low","Close","Volume"', '"2020-01-02","10","11","9","10.5","100"', '"2020-01-03","10,"11","9","10.5","100"'].join('\n');
    expect(rejection(text).issues[0].message).toMatch(/^Q\.csv:3: /);
  });

  it('a quoted field over two lines', () => {
    const text = ['"Date","Open","High","Low","Close","Volume"', '"2020-01-02","10","11","9","10.5","100"', '"2020-01-03","10","11","9","10.5","1', '00"', '"2020-01-06","10","11","9","10.5","100"'].join('\n');
    expect(rejection(text).issues[0].message).toBe('Q.csv:3: column 1: a quoted field runs over more than one line; market data fields never hold line breaks');
  });

  it('numbers written with both decimal marks', () => {
    const text = ['Date;Open;High;Low;Close;Volume', '2020-01-02;1,5;1.75;1,25;1,6;1'].join('\n');
    expect(rejection(text).issues[0].message).toBe('Q.csv:2: column 3: "1.75" and "1,5" (line 2) use different decimal marks; save the file with one number format');
  });

  it('a number that does not follow the file format', () => {
    const text = ['"Date","Open","High","Low","Close","Volume"', '"2020-01-02","10.5","11","9","10.5","100"', '"2020-01-03","10.5","1,234,5","9","10.5","100"'].join('\n');
    expect(rejection(text).issues[0].message).toBe('Q.csv:3: column 3: "1,234,5" is not a number in this file\'s format (decimal mark ".", thousands ",")');
  });
});
