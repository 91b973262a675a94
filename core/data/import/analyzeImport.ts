import type { BarSeries } from '../BarSeries';
import { barSizeOf, IRREGULAR_BAR_SIZE } from '../barStore/barSizeOf';
import { findGaps } from '../barStore/gaps';
import { isoStamp } from '../barStore/isoStamp';
import { normalizeSymbol } from '../barStore/symbol';
import { CsvError } from '../csv/CsvError';
import { readCsvHeader, scanBarsCsv } from '../csv/parseBarsCsv';
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
 * validates every row (see scanBarsCsv for the rules) and works out the bar size and the warnings.
 */
export function analyzeImport(source: ImportSource, onProgress?: (done: number, total: number) => void): ImportAnalysis {
  const { name, text } = source;
  let format: ImportFormat;
  let guessed: string;
  try {
    const header = readCsvHeader(text, name);
    const firstRow = firstLine(text, header.firstRow).split(',');
    format = resolveFormat(header.layout, firstRow, name, source.format ?? 'auto');
    guessed = guessSymbol(name, format, header.layout, firstRow);
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
  const scan = scanBarsCsv(text, { file: name, symbol: symbol ?? guessed, maxErrors: MAX_IMPORT_ERRORS, onProgress });
  errors.push(...scan.errors.map(issueOf));
  if (scan.series === null || errors.length > 0) return rejected(format, symbol, errors);

  const series = scan.series;
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

function firstLine(text: string, from: number): string {
  const nl = text.indexOf('\n', from);
  return text.slice(from, nl < 0 ? text.length : nl).replace(/\r$/, '');
}
