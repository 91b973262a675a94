import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BarSeries } from '../BarSeries';
import { parseBarsCsv } from './parseBarsCsv';

export interface LoadBarsCsvOptions {
  /** Defaults to symbolFromFileName(filePath). */
  symbol?: string;
}

/** Reads and parses one OHLCV file synchronously; errors name `filePath` as given. */
export function loadBarsCsv(filePath: string, opts: LoadBarsCsvOptions = {}): BarSeries {
  const text = readFileSync(filePath, 'utf8');
  return parseBarsCsv(text, { file: filePath, symbol: opts.symbol ?? symbolFromFileName(filePath) });
}

/** The file's base name upper-cased up to its first '-' or '.': GOOG.csv -> GOOG, orcl-1995-2014.txt -> ORCL. */
export function symbolFromFileName(filePath: string): string {
  const name = basename(filePath);
  const cut = name.search(/[-.]/);
  return (cut < 0 ? name : name.slice(0, cut)).toUpperCase();
}
