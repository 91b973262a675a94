import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { findSeries, writeSeries } from '../barStore/seriesRepo';
import type { SeriesInfo } from '../barStore/seriesInfo';
import { analyzeImport, type ImportIssue, type ImportSource } from './analyzeImport';
import type { ImportFormat } from './formats';

export interface ImportOptions {
  /** Replace a stored series of the same symbol and bar size atomically; otherwise such a file is refused. */
  replace: boolean;
  /** Characters read so far and the text's length, while rows are checked. */
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
  const analysis = analyzeImport(source, opts.onProgress);
  const { series, format, barSize } = analysis;
  if (series === null || format === null || barSize === null || analysis.errors.length > 0) {
    throw new ImportRejectedError(source.name, analysis.errors);
  }
  const replaced = opts.replace && findSeries(db, series.symbol, barSize) !== null;
  const info = writeSeries(db, series, {
    barSize,
    source: format,
    fileName: source.name,
    onExisting: opts.replace ? 'replace' : 'refuse',
  });
  return { series: info, format, warnings: analysis.warnings, replaced };
}

/** importText on a file read from disk; the series records the file's base name. */
export function importFile(
  db: Database.Database,
  path: string,
  source: Omit<ImportSource, 'name' | 'text'>,
  opts: ImportOptions,
): ImportResult {
  return importText(db, { ...source, name: basename(path), text: readFileSync(path, 'utf8') }, opts);
}
