import { normalizedColumnName, type CsvLayout } from '../csv/csvLayout';
import { symbolFromFileName } from '../csv/loadBarsCsv';
import type { ImportFormat } from './formats';

/**
 * The symbol a file's bars are stored under when the trader names none: Stooq's <TICKER> column of the first
 * row (without Stooq's '.US' market suffix), else the file name up to its first '-' or '.' (GOOG.csv -> GOOG,
 * orcl-1995-2014.txt -> ORCL).
 */
export function guessSymbol(name: string, format: ImportFormat, layout: CsvLayout, firstRow: readonly string[]): string {
  if (format === 'stooq') {
    const col = layout.names.findIndex((n) => normalizedColumnName(n) === 'ticker');
    const ticker = (firstRow[col] ?? '').trim().toUpperCase().replace(/\.US$/, '');
    if (ticker !== '') return ticker;
  }
  return symbolFromFileName(name);
}
