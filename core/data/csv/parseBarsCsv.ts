import type { BarSeries } from '../BarSeries';
import { BarsCsvScanner, type BarsCsvScan } from './barsCsvScanner';

export type { BarsCsvScan } from './barsCsvScanner';
export { readCsvHeader, type CsvHeader } from './csvHeader';

export interface ParseBarsCsvOptions {
  /** Names the source in errors (a path or file name). */
  file: string;
  symbol: string;
}

export interface ScanBarsCsvOptions extends ParseBarsCsvOptions {
  /** After a bad row the scan goes on to the next one until this many errors are found. Default 1. */
  maxErrors?: number;
  /** Called about every 65,536 rows and at the end with the characters read and the text's length. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Parses OHLCV text (Yahoo, backtesting.py, backtrader, Stooq or IB layout, LF or CRLF) into a BarSeries.
 * Any bad row rejects the whole text with a CsvError naming its line and column.
 */
export function parseBarsCsv(text: string, opts: ParseBarsCsvOptions): BarSeries {
  const scan = scanBarsCsv(text, opts);
  if (scan.series === null) throw scan.errors[0];
  return scan.series;
}

/**
 * Checks every row of OHLCV text, collecting up to `maxErrors` CsvErrors (a bad header is always the only
 * one), and builds the series only when there are none (rules: BarsCsvScanner).
 */
export function scanBarsCsv(text: string, opts: ScanBarsCsvOptions): BarsCsvScan {
  const { onProgress } = opts;
  const scanner = new BarsCsvScanner({ file: opts.file, symbol: opts.symbol, maxErrors: opts.maxErrors, sizeHint: text.length });
  scanner.push(text, onProgress && ((done) => onProgress(done, text.length)));
  onProgress?.(text.length, text.length);
  return scanner.finish();
}
