import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importText } from './importBars';
import { previewFile, previewImport } from './previewImport';
import { FIXTURE_DATA_DIR } from '../csv/fixtureDataProfile';
import { storeSnapshot, tempStore } from './testStore';

let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.close());

const legacyOrcl = join(FIXTURE_DATA_DIR, 'orcl-1995-2014.legacy-2015.txt');

describe('previewImport', () => {
  it('describes a valid file from its path without writing anything', () => {
    const before = storeSnapshot(store.db);
    const p = previewFile(legacyOrcl, {}, store.db);
    expect(p).toMatchObject({
      name: 'orcl-1995-2014.legacy-2015.txt',
      format: 'yahoo',
      symbol: 'ORCL',
      barSize: '1d',
      bars: 5036,
      firstTs: Date.UTC(1995, 0, 3),
      lastTs: Date.UTC(2014, 11, 31),
      valid: true,
      errors: [],
      existing: null,
    });
    expect(p.head).toEqual([
      'Date,Open,High,Low,Close,Volume,Adj Close',
      '1995-01-03,44.12,44.38,42.87,42.87,36301200,2.00',
      '1995-01-04,43.00,43.50,42.37,43.25,46051600,2.01',
      '1995-01-05,43.38,43.50,42.25,42.37,37762800,1.97',
      '1995-01-06,42.37,43.62,41.75,42.87,41864400,2.00',
      '1995-01-09,43.25,44.12,43.13,44.12,34639200,2.05',
    ]);
    expect(p.sample).toHaveLength(5);
    expect(p.sample[0]).toEqual({ ts: Date.UTC(1995, 0, 3), open: 44.12, high: 44.38, low: 42.87, close: 42.87, volume: 36301200 });
    // Its weekdays without a bar are all NYSE holidays: no gap to warn of.
    expect(p.warnings).toEqual([]);
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('works on uploaded text, takes the symbol given and says which series it would replace', () => {
    const text = readFileSync(join(FIXTURE_DATA_DIR, '2006-day-001.txt'), 'utf8');
    const stored = importText(store.db, { name: 'x.txt', text, symbol: 'STOXX' }, { replace: false }).series;
    const p = previewImport({ name: 'upload.txt', text, symbol: 'stoxx' }, store.db);
    expect([p.symbol, p.format, p.bars, p.valid]).toEqual(['STOXX', 'backtrader', 255, true]);
    expect(p.existing).toEqual(stored);
    expect(p.warnings).toContain('volume is 0 on every bar: a backtest with use_volume_constraints fills nothing on it');
  });

  it('shows the validation errors and the raw lines of a broken file', () => {
    const text = 'Date,Open,High,Low,Close,Volume\r\n2020-01-02,10,11,9,10.5,100\r\n2020-01-03,10,9,9.5,10,100\r\n';
    const p = previewImport({ name: 'BAD.csv', text });
    expect(p).toMatchObject({ format: 'generic', symbol: 'BAD', barSize: null, bars: 0, firstTs: null, sample: [], valid: false, warnings: [] });
    expect(p.errors).toEqual([{ line: 3, column: 'High', message: 'BAD.csv:3: column "High": high 9 is below low 9.5' }]);
    expect(p.head).toEqual(['Date,Open,High,Low,Close,Volume', '2020-01-02,10,11,9,10.5,100', '2020-01-03,10,9,9.5,10,100']);
  });

  it('reports an unreadable header with no format', () => {
    const p = previewImport({ name: 'X.csv', text: 'when,price\n2020-01-02,1\n' });
    expect([p.format, p.valid, p.errors.map((e) => e.message)]).toEqual([null, false, ['X.csv:1: column "when": unknown column name "when" in header']]);
  });
});
