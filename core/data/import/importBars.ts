import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { findSeries, writeSeries } from '../barStore/seriesRepo';
import type { SeriesInfo } from '../barStore/seriesInfo';
import { DataFileError } from '../csv/dataFile';
import type { ReadTextOptions } from '../csv/textChunks';
import { analyzeImport, analyzePieces, type ImportAnalysis, type ImportIssue, type ImportSource } from './analyzeImport';
import { fileSource } from './fileSource';
import type { ImportFormat } from './formats';

export interface ImportOptions {
  /** Replace a stored series of the same symbol and bar size atomically; otherwise such a file is refused. */
  replace: boolean;
  /** Characters read so far and the text's length (a file's size in bytes), while rows are checked. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  series: SeriesInfo;
  format: ImportFormat;
  warnings: string[];
  /** Whether a stored series was replaced. */
  replaced: boolean;
}

/** A file refused for what is in it; nothing of it was written. The message lists the issues, one per line. */
export class ImportRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ImportIssue[],
  ) {
    super(`${file} was not imported:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    this.name = 'ImportRejectedError';
  }
}

/**
 * Validates a whole file and, only if every row is valid, stores it as one series in one transaction.
 * Throws ImportRejectedError listing the first errors, or SeriesExistsError when the series is stored and
 * `replace` is false; in both cases the store is unchanged.
 */
export function importText(db: Database.Database, source: ImportSource, opts: ImportOptions): ImportResult {
  return store(db, source.name, analyzeImport(source, opts.onProgress), opts);
}

/**
 * importText on a file read from disk in pieces; the series records the file's base name. A path that is
 * not a regular file, or is over the size limit (TRADEDESK_MAX_FILE_BYTES, default 2 GB), is refused
 * with an ImportRejectedError before it is opened.
 */
export function importFile(
  db: Database.Database,
  path: string,
  source: Omit<ImportSource, 'name' | 'text'>,
  opts: ImportOptions & Omit<ReadTextOptions, 'onProgress'>,
): ImportResult {
  const file = fileSource(path, { maxBytes: opts.maxBytes, signal: opts.signal, chunkBytes: opts.chunkBytes });
  if (!('pieces' in file)) throw new ImportRejectedError(basename(path), [file]);
  let analysis: ImportAnalysis;
  try {
    analysis = analyzePieces({ ...source, name: file.name }, file.pieces, file.size, opts.onProgress);
  } catch (err) {
    // Found while reading: a line too long to be CSV, or a file that grew.
    if (err instanceof DataFileError) throw new ImportRejectedError(file.name, [{ message: err.message }]);
    throw err;
  }
  return store(db, file.name, analysis, opts);
}

function store(db: Database.Database, name: string, analysis: ImportAnalysis, opts: ImportOptions): ImportResult {
  const { series, format, barSize } = analysis;
  if (series === null || format === null || barSize === null || analysis.errors.length > 0) {
    throw new ImportRejectedError(name, analysis.errors);
  }
  const replaced = opts.replace && findSeries(db, series.symbol, barSize) !== null;
  const info = writeSeries(db, series, {
    barSize,
    source: format,
    fileName: name,
    onExisting: opts.replace ? 'replace' : 'refuse',
  });
  return { series: info, format, warnings: analysis.warnings, replaced };
}
