import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { barAt, type Bar } from '../BarSeries';
import { findSeries } from '../barStore/seriesRepo';
import type { SeriesInfo } from '../barStore/seriesInfo';
import { analyzeImport, analyzePieces, type ImportAnalysis, type ImportIssue, type ImportSource } from './analyzeImport';
import { fileSource } from './fileSource';
import { DataFileError } from '../csv/dataFile';
import type { ImportFormat } from './formats';

/** Lines of the raw text and bars of the parsed file a preview shows. */
const HEAD_LINES = 6;
const SAMPLE_BARS = 5;

/** What importing a file would do, worked out without writing anything. */
export interface ImportPreview {
  name: string;
  format: ImportFormat | null;
  symbol: string | null;
  barSize: string | null;
  bars: number;
  firstTs: number | null;
  lastTs: number | null;
  /** The file's first lines as written, header included. */
  head: string[];
  /** The first bars as parsed, when the file is valid. */
  sample: Bar[];
  valid: boolean;
  errors: ImportIssue[];
  warnings: string[];
  /** The stored series an import would replace (or be refused by), when a store was given. */
  existing: SeriesInfo | null;
}

/** Previews file content (as the UI uploads it); with `db`, also says what it would replace. */
export function previewImport(source: ImportSource, db?: Database.Database): ImportPreview {
  return previewOf(source.name, analyzeImport(source), headLines(source.text), db);
}

/** previewImport of a file on disk, named by its base name; a file the import would refuse unread is an invalid preview. */
export function previewFile(path: string, source: Omit<ImportSource, 'name' | 'text'> = {}, db?: Database.Database): ImportPreview {
  const refused = (name: string, message: string, head: string[]): ImportPreview =>
    previewOf(name, { format: null, symbol: null, series: null, barSize: null, errors: [{ message }], warnings: [] }, head, db);
  const file = fileSource(path);
  if (!('pieces' in file)) return refused(basename(path), file.message, []);
  let head: string[] = [];
  const pieces = (function* (): Generator<string> {
    for (const piece of file.pieces) {
      if (head.length === 0) head = headLines(piece);
      yield piece;
    }
  })();
  try {
    return previewOf(file.name, analyzePieces({ ...source, name: file.name }, pieces, file.size), head, db);
  } catch (err) {
    if (err instanceof DataFileError) return refused(file.name, err.message, head);
    throw err;
  }
}

function previewOf(name: string, a: ImportAnalysis, head: string[], db: Database.Database | undefined): ImportPreview {
  const s = a.series;
  const existing = db !== undefined && s !== null && a.barSize !== null ? findSeries(db, s.symbol, a.barSize) : null;
  return {
    name,
    format: a.format,
    symbol: a.symbol,
    barSize: a.barSize,
    bars: s?.length ?? 0,
    firstTs: s === null ? null : s.ts[0],
    lastTs: s === null ? null : s.ts[s.length - 1],
    head,
    sample: s === null ? [] : Array.from({ length: Math.min(SAMPLE_BARS, s.length) }, (_, i) => barAt(s, i)),
    valid: a.errors.length === 0,
    errors: a.errors,
    warnings: a.warnings,
    existing,
  };
}

function headLines(text: string): string[] {
  const lines: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lines.length < HEAD_LINES && pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    lines.push(text.slice(pos, end).replace(/\r$/, ''));
    pos = end + 1;
  }
  return lines;
}
