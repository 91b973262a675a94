import { describe, expect, it } from 'vitest';
import { safeFilename } from './download';

describe('safeFilename', () => {
  it('keeps a well-formed engine name as is', () => {
    expect(safeFilename('goog-sma-250adf35-trades.csv', 'text/csv')).toBe('goog-sma-250adf35-trades.csv');
    expect(safeFilename('goog-sma-250adf35-report.json', 'application/json')).toBe('goog-sma-250adf35-report.json');
  });

  it('drops folders and reserved characters', () => {
    expect(safeFilename('../../etc/passwd', 'text/csv')).toBe('passwd.csv');
    expect(safeFilename('C:\\runs\\a:b*c?.csv', 'text/csv')).toBe('a_b_c_.csv');
    expect(safeFilename('tab\there\n.csv', 'text/csv')).toBe('tab_here_.csv');
  });

  it('adds the extension the type calls for', () => {
    expect(safeFilename('fills', 'text/csv; charset=utf-8')).toBe('fills.csv');
    expect(safeFilename('report.txt', 'application/json')).toBe('report.txt.json');
  });

  it('never yields an empty or hidden name', () => {
    expect(safeFilename('', 'text/csv')).toBe('export.csv');
    expect(safeFilename('...', 'application/octet-stream')).toBe('export');
    expect(safeFilename('.hidden.csv', 'text/csv')).toBe('hidden.csv');
  });

  it('caps a long name but keeps its extension', () => {
    const name = safeFilename(`${'x'.repeat(300)}.csv`, 'text/csv');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.csv')).toBe(true);
  });
});
