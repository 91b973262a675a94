import type { BarSeries } from '../BarSeries';
import { barSizeOf, IRREGULAR_BAR_SIZE } from '../barStore/barSizeOf';
import { findGaps } from '../barStore/gaps';
import { isoStamp } from '../barStore/isoStamp';
import { normalizeSymbol } from '../barStore/symbol';
import { CsvError } from '../csv/CsvError';
import { BarsCsvScanner } from '../csv/barsCsvScanner';
import { resolveFormat, type ImportFormat } from './formats';
import { guessSymbol } from './guessSymbol';

/** A file handed to the importer: its name (for errors and the symbol guess) and its whole text. */
export interface ImportSource {
  name: string;
  text: string;
  /** Stored under this symbol instead of the guessed one. */
  symbol?: string;
  format?: ImportFormat | 'auto';
}

/** One reason a file is refused. `line` is 1-based with the header as line 1; absent for the symbol. */
export interface ImportIssue {
  message: string;
  line?: number;
  column?: string | number;
}

export interface ImportAnalysis {
  /** Null when the header could not be read. */
  format: ImportFormat | null;
  symbol: string | null;
  /** Null unless the whole file is valid. */
  series: BarSeries | null;
  barSize: string | null;
  /** The first errors in file order (at most MAX_IMPORT_ERRORS); empty means the file can be stored. */
  errors: ImportIssue[];
  /** Worth knowing but no reason to refuse: gaps, zero volume, irregular stamps. */
  warnings: string[];
}

/** How many errors a rejected file lists; the rest are not looked for. */
export const MAX_IMPORT_ERRORS = 10;

/**
 * Checks a file completely without writing anything: detects (or checks) its format, guesses the symbol,
 * validates every row (see BarsCsvScanner for the rules) and works out the bar size and the warnings.
 */
export function analyzeImport(source: ImportSource, onProgress?: (done: number, total: number) => void): ImportAnalysis {
  return analyzePieces(source, [source.text], source.text.length, onProgress);
}

/**
 * analyzeImport on text given in pieces of whole lines (see textChunksSync), so a file is never one
 * string; `total` is the length progress is reported against (the file size).
 */
export function analyzePieces(
  source: Omit<ImportSource, 'text'>,
  pieces: Iterable<string>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): ImportAnalysis {
  const { name } = source;
  const scanner = new BarsCsvScanner({ file: name, symbol: '', maxErrors: MAX_IMPORT_ERRORS, sizeHint: total });
  const iterator = pieces[Symbol.iterator]();
  let done = 0;
  const push = (piece: string): void => {
    const base = done;
    scanner.push(piece, onProgress && ((pos) => onProgress(Math.min(total, base + pos), total)));
    done += piece.length;
  };
  const first = iterator.next();
  if (!first.done) push(first.value);
  const { layout, firstRow } = scanner;
  if (layout === null || firstRow === null) return rejected(null, null, scanner.finish().errors.map(issueOf));
  let format: ImportFormat;
  let guessed: string;
  try {
    format = resolveFormat(layout, firstRow, name, source.format ?? 'auto');
    guessed = guessSymbol(name, format, layout, firstRow);
  } catch (err) {
    if (err instanceof CsvError) return rejected(null, null, [issueOf(err)]);
    throw err;
  }

  let symbol: string | null = null;
  const errors: ImportIssue[] = [];
  try {
    symbol = normalizeSymbol(source.symbol ?? guessed);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    errors.push({ message: `${err.message}; name one with --symbol` });
  }
  for (let next = iterator.next(); !next.done && !scanner.full; next = iterator.next()) push(next.value);
  onProgress?.(total, total);
  const scan = scanner.finish();
  errors.push(...scan.errors.map(issueOf));
  if (scan.series === null || errors.length > 0) return rejected(format, symbol, errors);

  const series = { ...scan.series, symbol: symbol ?? guessed };
  const barSize = barSizeOf(series);
  return { format, symbol, series, barSize, errors, warnings: warningsFor(series, barSize) };
}

function warningsFor(series: BarSeries, barSize: string): string[] {
  const warnings: string[] = [];
  const gaps = findGaps(series, barSize);
  if (gaps.largest !== null) {
    const unit = barSize === '1d' ? 'business days' : 'bars within sessions';
    const l = gaps.largest;
    warnings.push(
      `${gaps.missing} missing ${unit} in ${gaps.holes} gap${gaps.holes === 1 ? '' : 's'}; ` +
        `the largest: ${l.missing} between ${isoStamp(l.after)} and ${isoStamp(l.before)}`,
    );
  }
  if (barSize === IRREGULAR_BAR_SIZE) {
    warnings.push("the bars have no regular step (ticks?): stored with bar size 'tick'; gaps are not counted");
    let shared = 0;
    for (let i = 1; i < series.length; i++) if (series.ts[i] === series.ts[i - 1]) shared++;
    if (shared > 0) warnings.push(`${shared} tick${shared === 1 ? ' shares its' : 's share their'} millisecond stamp with the previous one; kept in file order`);
  }
  if (series.volume.every((v) => v === 0)) {
    warnings.push('volume is 0 on every bar: a backtest with use_volume_constraints fills nothing on it');
  }
  return warnings;
}

function rejected(format: ImportFormat | null, symbol: string | null, errors: ImportIssue[]): ImportAnalysis {
  return { format, symbol, series: null, barSize: null, errors, warnings: [] };
}

function issueOf(err: CsvError): ImportIssue {
  return { message: err.message, line: err.line, column: err.column };
}
