import { describe, expect, it } from 'vitest';
import { csvToText, textToCsv } from './csvSource';

describe('csv source text', () => {
  it('keeps a single path a path', () => {
    expect(textToCsv('  fixtures/data/GOOG.csv \n')).toBe('fixtures/data/GOOG.csv');
    expect(csvToText('fixtures/data/GOOG.csv')).toBe('fixtures/data/GOOG.csv');
    expect(textToCsv('\n ')).toBe('');
  });

  it('reads one SYMBOL=path per line, naming bare paths by their file', () => {
    expect(textToCsv('GOOG=/d/GOOG.csv\n/d/spy_daily.csv\nMSFT = C:\\d\\m.csv')).toEqual([
      { symbol: 'GOOG', csv: '/d/GOOG.csv' },
      { symbol: 'spy_daily', csv: '/d/spy_daily.csv' },
      { symbol: 'MSFT', csv: 'C:\\d\\m.csv' },
    ]);
  });

  it('round-trips a list', () => {
    const list = [
      { symbol: 'A', csv: '/a.csv' },
      { symbol: 'B', csv: '/b.csv' },
    ];
    expect(textToCsv(csvToText(list))).toEqual(list);
    expect(csvToText(undefined)).toBe('');
  });
});
