import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, type CsvColumn } from './CsvError';
import { parseBarsCsv, scanBarsCsv } from './parseBarsCsv';

const HEADER = 'Date,Open,High,Low,Close,Volume';
const ROWS = ['2020-01-01,10,11,9,10.5,100', '2020-01-02,10.5,12,10,11,200', '2020-01-03,11,11.5,10.5,11.2,300'];

function parse(text: string) {
  return parseBarsCsv(text, { file: 't.csv', symbol: 'T' });
}

/** The valid sample with data row `index` (0-based; it sits on line index + 2) replaced. */
function withRow(index: number, row: string): string {
  return [HEADER, ...ROWS.map((r, i) => (i === index ? row : r))].join('\n');
}

function rejection(text: string): CsvError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError, but the text parsed');
}

describe('parseBarsCsv rejects broken input with line and column', () => {
  const cases: { name: string; text: string; line: number; column: CsvColumn; reason: string }[] = [
    { name: 'bad number', text: withRow(1, '2020-01-02,10.5,12,1o,11,200'), line: 3, column: 'Low', reason: '"1o" is not a number' },
    { name: 'NaN cell', text: withRow(1, '2020-01-02,NaN,12,10,11,200'), line: 3, column: 'Open', reason: '"NaN" is not a number' },
    { name: 'Infinity cell', text: withRow(2, '2020-01-03,11,Infinity,10.5,11.2,300'), line: 4, column: 'High', reason: '"Infinity" is not a number' },
    { name: 'empty cell', text: withRow(0, '2020-01-01,10,11,9,,100'), line: 2, column: 'Close', reason: '"" is not a number' },
    { name: 'missing field', text: withRow(1, '2020-01-02,10.5,12,10,11'), line: 3, column: 'Volume', reason: 'expected 6 fields, found 5' },
    { name: 'extra field', text: withRow(1, '2020-01-02,10.5,12,10,11,200,7'), line: 3, column: 7, reason: 'expected 6 fields, found 7' },
    { name: 'high below low', text: withRow(1, '2020-01-02,10.5,9,12,11,200'), line: 3, column: 'High', reason: 'high 9 is below low 12' },
    { name: 'high below close', text: withRow(2, '2020-01-03,99,99.5,98,101.2,300'), line: 4, column: 'High', reason: 'high 99.5 is below close 101.2' },
    { name: 'high below open', text: withRow(2, '2020-01-03,12,11.5,10.5,11.2,300'), line: 4, column: 'High', reason: 'high 11.5 is below open 12' },
    { name: 'low above open', text: withRow(0, '2020-01-01,10,11,10.2,10.5,100'), line: 2, column: 'Low', reason: 'low 10.2 is above open 10' },
    { name: 'low above close', text: withRow(0, '2020-01-01,10.6,11,10.55,10.5,100'), line: 2, column: 'Low', reason: 'low 10.55 is above close 10.5' },
    { name: 'zero price', text: withRow(1, '2020-01-02,0,12,0,11,200'), line: 3, column: 'Open', reason: 'open 0 is not positive' },
    { name: 'negative price', text: withRow(1, '2020-01-02,10.5,12,-1,11,200'), line: 3, column: 'Low', reason: 'low -1 is not positive' },
    { name: 'negative volume', text: withRow(1, '2020-01-02,10.5,12,10,11,-5'), line: 3, column: 'Volume', reason: 'volume -5 is negative' },
    {
      name: 'out-of-order row',
      text: withRow(2, '2020-01-01,11,11.5,10.5,11.2,300'),
      line: 4,
      column: 'Date',
      reason: "timestamp 2020-01-01T00:00:00.000Z is earlier than the previous row's 2020-01-02T00:00:00.000Z",
    },
    {
      name: 'duplicate timestamp',
      text: withRow(2, '2020-01-02,11,11.5,10.5,11.2,300'),
      line: 4,
      column: 'Date',
      reason: 'duplicate timestamp 2020-01-02T00:00:00.000Z (same as the previous row)',
    },
    {
      name: 'impossible date',
      text: withRow(1, '2020-02-30,10.5,12,10,11,200'),
      line: 3,
      column: 'Date',
      reason: '"2020-02-30" is not a date (expected YYYY-MM-DD[ HH:MM:SS[.fff]])',
    },
    { name: 'empty file', text: '', line: 1, column: 1, reason: 'file is empty (no header line)' },
    { name: 'header only', text: `${HEADER}\n`, line: 1, column: 1, reason: 'header has no data rows after it' },
    { name: 'unknown header', text: `${HEADER},Foo\n2020-01-01,10,11,9,10.5,100,1`, line: 1, column: 'Foo', reason: 'unknown column name "Foo" in header' },
    { name: 'header without High', text: 'Date,Open,Low,Close,Volume\n2020-01-01,10,9,10.5,100', line: 1, column: 'High', reason: 'header has no High column' },
    { name: 'repeated header column', text: 'Date,Open,High,Low,Close,Close,Volume', line: 1, column: 'Close', reason: 'column "Close" appears twice in header' },
    { name: 'blank line inside the data', text: [HEADER, ROWS[0], '', ROWS[1]].join('\n'), line: 3, column: 'Date', reason: 'empty line before more data' },
  ];

  it.each(cases)('$name', ({ text, line, column, reason }) => {
    const error = rejection(text);
    expect({ file: error.file, line: error.line, column: error.column, reason: error.reason }).toEqual({
      file: 't.csv',
      line,
      column,
      reason,
    });
  });

  it('formats the message as file:line: column "Name": reason', () => {
    expect(rejection(withRow(2, '2020-01-03,99,99.5,98,101.2,300')).message).toBe(
      't.csv:4: column "High": high 99.5 is below close 101.2',
    );
  });

  it('names a nameless column by its 1-based index', () => {
    const error = rejection(',Open,High,Low,Close,Volume\n2020-01-01,10,11,9,10.5,100\n2020-01-01,10,11,9,10.5,100');
    expect([error.line, error.column, error.message.startsWith('t.csv:3: column 1: duplicate')]).toEqual([3, 1, true]);
  });

  it('names the Time column when a time of day is bad', () => {
    const error = rejection('Date,Time,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,09:61:00,1,1,1,1,0,0');
    expect([error.line, error.column, error.reason]).toEqual([2, 'Time', '"09:61:00" is not a time of day (expected HH:MM:SS)']);
  });

  it('rejects the whole text even when only the last row is bad', () => {
    expect(() => parse(withRow(2, '2020-01-03,11,11.5,10.5,11.2,x'))).toThrow(CsvError);
  });

  it('reports the line of any single corrupted row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ROWS.length - 1 }), fc.constantFrom('abc', '', '-', '1..2', '1e'), (row, junk) => {
        const error = rejection(withRow(row, ROWS[row].replace(/,[^,]*$/, `,${junk}`)));
        expect([error.line, error.column]).toEqual([row + 2, 'Volume']);
      }),
    );
  });
});

describe('parseBarsCsv reads the supported layouts', () => {
  it('reads the Yahoo order and keeps Adj Close', () => {
    const s = parse('Date,Open,High,Low,Close,Adj Close,Volume\n1995-01-03,2.17,2.19,2.11,2.11,1.88,36301200\n');
    expect([s.close[0], s.adjClose?.[0], s.volume[0]]).toEqual([2.11, 1.88, 36301200]);
  });

  it('reads the legacy Yahoo order with Adj Close last', () => {
    const s = parse('Date,Open,High,Low,Close,Volume,Adj Close\n1995-01-03,44.12,44.38,42.87,42.87,36301200,2.00');
    expect([s.close[0], s.volume[0], s.adjClose?.[0]]).toEqual([42.87, 36301200, 2]);
  });

  it('matches header names case-insensitively and ignores OpenInterest', () => {
    const s = parse('DATE,open,HIGH,Low,close,VOLUME,openinterest\n2006-01-02,3,4,2,3.5,7,99');
    expect([s.ts[0], s.open[0], s.high[0], s.low[0], s.close[0], s.volume[0]]).toEqual([Date.UTC(2006, 0, 2), 3, 4, 2, 3.5, 7]);
    expect(s.adjClose).toBeUndefined();
  });

  it('reads a nameless date-time first column', () => {
    const s = parse(',Open,High,Low,Close,Volume\n2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413\n2017-04-19 10:00:00,1.07214,1.07296,1.07214,1.0726,1241');
    expect([s.ts[0], s.ts[1], s.barSeconds]).toEqual([Date.UTC(2017, 3, 19, 9), Date.UTC(2017, 3, 19, 10), 3600]);
  });

  it('reads separate Date and Time columns', () => {
    const s = parse('Date,Time,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,09:05:00,3,4,2,3,0,0\n2006-01-02,09:10:00,3,4,2,3,0,0');
    expect([s.ts[0], s.barSeconds]).toEqual([Date.UTC(2006, 0, 2, 9, 5), 300]);
  });

  it('infers the Time column when every row has one field more than the header', () => {
    const s = parse('Date,Open,High,Low,Close,Volume,OpenInterest\r\n2006-01-02,09:01:00,3602.00,3603.00,3597.00,3599.00,5699,0\r\n');
    expect([s.ts[0], s.open[0], s.close[0], s.volume[0]]).toEqual([Date.UTC(2006, 0, 2, 9, 1), 3602, 3599, 5699]);
  });

  it('reads ISO T stamps with milliseconds', () => {
    const s = parse('Datetime,Open,High,Low,Close,Volume,OpenInterest\n2015-09-23T20:57:42.146,3067.00,3067.00,3067.00,3067.00,180,0');
    expect(s.ts[0]).toBe(Date.UTC(2015, 8, 23, 20, 57, 42, 146));
  });

  it('accepts CRLF, a byte-order mark and trailing blank lines', () => {
    const s = parse(`\ufeff${[HEADER, ...ROWS].join('\r\n')}\r\n\r\n\n`);
    expect([s.length, s.close[2], s.volume[2]]).toEqual([3, 11.2, 300]);
  });

  it('sets barSeconds to 0 for a single row', () => {
    expect(parse(`${HEADER}\n${ROWS[0]}`).barSeconds).toBe(0);
  });

  it('round-trips any valid bars written as CSV', () => {
    const bar = fc
      .record({
        low: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        spread: fc.double({ min: 0, max: 1e3, noNaN: true }),
        a: fc.double({ min: 0, max: 1, noNaN: true }),
        b: fc.double({ min: 0, max: 1, noNaN: true }),
        volume: fc.double({ min: 0, max: 1e12, noNaN: true }),
        gapSeconds: fc.integer({ min: 1, max: 86_400 * 5 }),
      })
      .map(({ low, spread, a, b, volume, gapSeconds }) => {
        const high = low + spread;
        return { low, high, open: low + a * spread, close: low + b * spread, volume, gapSeconds };
      })
      .filter(({ low, high, open, close }) => open <= high && close <= high && open >= low && close >= low);
    fc.assert(
      fc.property(fc.array(bar, { minLength: 1, maxLength: 30 }), (bars) => {
        let ts = Date.UTC(2001, 0, 1);
        const stamps: number[] = [];
        const lines = bars.map((b) => {
          ts += b.gapSeconds * 1000;
          stamps.push(ts);
          return `${new Date(ts).toISOString().slice(0, 19).replace('T', ' ')},${b.open},${b.high},${b.low},${b.close},${b.volume}`;
        });
        const s = parse([HEADER, ...lines].join('\n'));
        expect(Array.from(s.ts)).toEqual(stamps);
        expect(Array.from(s.open)).toEqual(bars.map((b) => b.open));
        expect(Array.from(s.high)).toEqual(bars.map((b) => b.high));
        expect(Array.from(s.low)).toEqual(bars.map((b) => b.low));
        expect(Array.from(s.close)).toEqual(bars.map((b) => b.close));
        expect(Array.from(s.volume)).toEqual(bars.map((b) => b.volume));
      }),
    );
  });
});

describe('scanBarsCsv', () => {
  const scan = (text: string, maxErrors: number) => scanBarsCsv(text, { file: 't.csv', symbol: 'T', maxErrors });
  const where = (errors: readonly CsvError[]) => errors.map((e) => [e.line, e.column]);

  it('goes on after a bad row and lists the errors in file order, up to maxErrors', () => {
    const text = [HEADER, '2020-01-01,10,11,9,x,100', '2020-01-02,10,11,9,10,-1', '2020-01-03,10,11,9,10', ROWS[2]].join('\n');
    const all = scan(text, 10);
    expect(all.series).toBeNull();
    expect(where(all.errors)).toEqual([
      [2, 'Close'],
      [3, 'Volume'],
      [4, 'Volume'],
    ]);
    expect(where(scan(text, 2).errors)).toEqual([
      [2, 'Close'],
      [3, 'Volume'],
    ]);
  });

  it('checks order against the last good stamp, also after a row with a bad value', () => {
    const text = [HEADER, '2020-01-02,10,11,9,10,1', '2020-01-05,10,11,9,10,-1', '2020-01-05,10,11,9,10,1', '2020-01-03,10,11,9,10,1', '2020-01-06,10,11,9,10,1'].join('\n');
    const errors = scan(text, 10).errors;
    expect(errors.map((e) => [e.line, e.reason.split(' (')[0].split(' is ')[0]])).toEqual([
      [3, 'volume -1'],
      [4, 'duplicate timestamp 2020-01-05T00:00:00.000Z'],
      [5, 'timestamp 2020-01-03T00:00:00.000Z'],
    ]);
  });

  it('reports a bad header alone, with no layout', () => {
    const r = scan('Date,Open,High,Low,Close,Volume,Foo\n2020-01-01,1,1,1,1,1,1\n', 10);
    expect([r.layout, where(r.errors)]).toEqual([null, [[1, 'Foo']]]);
  });

  it('reads Stooq and IB headers', () => {
    const stooq = scan('<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nX.US,D,20200102,000000,1,2,0.5,1.5,10,0\n', 1);
    expect([stooq.series?.ts[0], stooq.series?.volume[0]]).toEqual([Date.UTC(2020, 0, 2), 10]);
    const ib = scan('date,open,high,low,close,volume,average,barCount\n20200102 09:30:00,1,2,0.5,1.5,10,1.2,3\n', 1);
    expect([ib.series?.ts[0], ib.series?.close[0]]).toEqual([Date.UTC(2020, 0, 2, 9, 30), 1.5]);
  });
});
