import { basename } from 'node:path';
import type { BarSeries } from '../BarSeries';
import { BarsCsvScanner } from './barsCsvScanner';
import { dataFileSize } from './dataFile';
import { textChunks, textChunksSync, type ReadTextOptions } from './textChunks';

export interface LoadBarsCsvOptions extends ReadTextOptions {
  /** Defaults to symbolFromFileName(filePath). */
  symbol?: string;
}

/**
 * Reads and parses one OHLCV file synchronously, in pieces (see textChunksSync); errors name `filePath`
 * as given. A file that is not a regular file or is over the size limit is a DataFileError.
 */
export function loadBarsCsv(filePath: string, opts: LoadBarsCsvOptions = {}): BarSeries {
  const scanner = barsScanner(filePath, opts);
  for (const piece of textChunksSync(filePath, opts)) {
    scanner.push(piece);
    if (scanner.full) break;
  }
  return seriesOf(scanner);
}

/** loadBarsCsv without blocking the event loop between pieces; `opts.signal` cancels it. */
export async function loadBarsCsvAsync(filePath: string, opts: LoadBarsCsvOptions = {}): Promise<BarSeries> {
  const scanner = barsScanner(filePath, opts);
  for await (const piece of textChunks(filePath, opts)) {
    scanner.push(piece);
    if (scanner.full) break;
  }
  return seriesOf(scanner);
}

function barsScanner(filePath: string, opts: LoadBarsCsvOptions): BarsCsvScanner {
  const sizeHint = dataFileSize(filePath, opts.maxBytes);
  return new BarsCsvScanner({ file: filePath, symbol: opts.symbol ?? symbolFromFileName(filePath), sizeHint });
}

function seriesOf(scanner: BarsCsvScanner): BarSeries {
  const scan = scanner.finish();
  if (scan.series === null) throw scan.errors[0];
  return scan.series;
}

/** The file's base name upper-cased up to its first '-' or '.': GOOG.csv -> GOOG, orcl-1995-2014.txt -> ORCL. */
export function symbolFromFileName(filePath: string): string {
  const name = basename(filePath);
  const cut = name.search(/[-.]/);
  return (cut < 0 ? name : name.slice(0, cut)).toUpperCase();
}
