import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvColumn } from '../csv/CsvError';
import { MAX_IMPORT_ERRORS, type ImportIssue } from './analyzeImport';
import { ImportRejectedError, importText } from './importBars';
import { FIXTURE_DATA_DIR } from '../csv/fixtureDataProfile';
import { storeSnapshot, tempStore } from './testStore';

const HEADER = 'Date,Open,High,Low,Close,Volume';
const ROWS = ['2020-01-02,10,11,9,10.5,100', '2020-01-03,10.5,12,10,11,200', '2020-01-06,11,11.5,10.5,11.2,300', '2020-01-07,11.2,11.8,11,11.5,250'];
const VALID = [HEADER, ...ROWS].join('\n');

/** The valid file with data row `index` (0-based, on line index + 2) replaced. */
function withRow(index: number, row: string): string {
  return [HEADER, ...ROWS.map((r, i) => (i === index ? row : r))].join('\n');
}

function issue(line: number, column: CsvColumn, reason: string): ImportIssue {
  const col = typeof column === 'number' ? `column ${column}` : `column "${column}"`;
  return { line, column, message: `T.csv:${line}: ${col}: ${reason}` };
}

// A store holding the valid file as T and GOOG; every broken file tries to replace T and must change nothing.
let store: ReturnType<typeof tempStore>;
let before: unknown;
beforeAll(() => {
  store = tempStore();
  importText(store.db, { name: 'T.csv', text: VALID }, { replace: false });
  importText(store.db, { name: 'GOOG.csv', text: readFileSync(join(FIXTURE_DATA_DIR, 'GOOG.csv'), 'utf8') }, { replace: false });
  before = storeSnapshot(store.db);
});
afterAll(() => store.close());

function rejection(text: string): ImportRejectedError {
  try {
    importText(store.db, { name: 'T.csv', text }, { replace: true });
  } catch (err) {
    if (err instanceof ImportRejectedError) return err;
    throw err;
  }
  throw new Error('expected the file to be rejected, but it was imported');
}

describe('broken files are rejected whole with line and column, and the store is untouched', () => {
  const cases: { name: string; text: string; issues: ImportIssue[] }[] = [
    { name: 'high below low', text: withRow(1, '2020-01-03,10.5,9,10,11,200'), issues: [issue(3, 'High', 'high 9 is below low 10')] },
    { name: 'close above high', text: withRow(2, '2020-01-06,11,11.5,10.5,12,300'), issues: [issue(4, 'High', 'high 11.5 is below close 12')] },
    { name: 'negative volume', text: withRow(2, '2020-01-06,11,11.5,10.5,11.2,-300'), issues: [issue(4, 'Volume', 'volume -300 is negative')] },
    {
      name: 'duplicate timestamp',
      text: withRow(2, '2020-01-03,11,11.5,10.5,11.2,300'),
      issues: [issue(4, 'Date', 'duplicate timestamp 2020-01-03T00:00:00.000Z (same as the previous row)')],
    },
    {
      name: 'out of order',
      text: withRow(3, '2020-01-03,11.2,11.8,11,11.5,250'),
      issues: [issue(5, 'Date', "timestamp 2020-01-03T00:00:00.000Z is earlier than the previous row's 2020-01-06T00:00:00.000Z")],
    },
    { name: 'missing value', text: withRow(0, '2020-01-02,10,,9,10.5,100'), issues: [issue(2, 'High', '"" is not a number')] },
    { name: 'non-numeric cell', text: withRow(1, '2020-01-03,10.5,12,10,abc,200'), issues: [issue(3, 'Close', '"abc" is not a number')] },
    { name: 'short row', text: withRow(2, '2020-01-06,11,11.5,10.5,11.2'), issues: [issue(4, 'Volume', 'expected 6 fields, found 5')] },
    { name: 'long row', text: withRow(2, '2020-01-06,11,11.5,10.5,11.2,300,9'), issues: [issue(4, 7, 'expected 6 fields, found 7')] },
    {
      name: 'bad date',
      text: withRow(0, '2020-13-02,10,11,9,10.5,100'),
      issues: [issue(2, 'Date', '"2020-13-02" is not a date (expected YYYY-MM-DD[ HH:MM:SS[.fff]])')],
    },
    { name: 'unknown header', text: VALID.replace(HEADER, `${HEADER},Foo`), issues: [issue(1, 'Foo', 'unknown column name "Foo" in header')] },
    { name: 'header without Close', text: 'Date,Open,High,Low,Volume\n2020-01-02,10,11,9,100', issues: [issue(1, 'Close', 'header has no Close column')] },
    { name: 'empty file', text: '', issues: [issue(1, 1, 'file is empty (no header line)')] },
    { name: 'header only', text: `${HEADER}\n`, issues: [issue(1, 1, 'header has no data rows after it')] },
    { name: 'blank line inside', text: [HEADER, ROWS[0], '', ...ROWS.slice(1)].join('\n'), issues: [issue(3, 'Date', 'empty line before more data')] },
    {
      name: 'several errors, all listed in file order',
      text: [HEADER, ROWS[0], '2020-01-03,10.5,12,10,x,200', ROWS[2], '2020-01-07,11.2,11.8,11,11.5,-1', '2020-01-08,1,1,1'].join('\n'),
      issues: [
        issue(3, 'Close', '"x" is not a number'),
        issue(5, 'Volume', 'volume -1 is negative'),
        issue(6, 'Close', 'expected 6 fields, found 4'),
      ],
    },
  ];

  it.each(cases)('$name', ({ text, issues }) => {
    expect(rejection(text).issues).toEqual(issues);
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it(`lists the first ${MAX_IMPORT_ERRORS} errors of a file full of them`, () => {
    const rows = Array.from({ length: 25 }, (_, i) => `2020-02-${String(i + 1).padStart(2, '0')},1,1,1,1,-${i + 1}`);
    const error = rejection([HEADER, ...rows].join('\n'));
    expect(error.issues.map((i) => i.line)).toEqual(Array.from({ length: MAX_IMPORT_ERRORS }, (_, i) => i + 2));
    expect(error.message.split('\n')).toEqual([
      'T.csv was not imported:',
      ...Array.from({ length: MAX_IMPORT_ERRORS }, (_, i) => `  T.csv:${i + 2}: column "Volume": volume -${i + 1} is negative`),
    ]);
    expect(storeSnapshot(store.db)).toEqual(before);
  });

  it('refuses a file whose name gives no usable symbol, and asks for one', () => {
    try {
      importText(store.db, { name: 'my data.csv', text: VALID }, { replace: true });
      throw new Error('expected a rejection');
    } catch (err) {
      expect(err).toBeInstanceOf(ImportRejectedError);
      expect((err as ImportRejectedError).issues).toEqual([
        { message: 'symbol "MY DATA" is not valid: use up to 32 letters, digits and . _ ^ / = : - (starting with a letter, digit or ^); name one with --symbol' },
      ]);
    }
    expect(storeSnapshot(store.db)).toEqual(before);
  });
});
