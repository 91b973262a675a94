import { CsvError } from '../csv/CsvError';
import { normalizedColumnName, type CsvLayout } from '../csv/csvLayout';

export const IMPORT_FORMATS = ['yahoo', 'stooq', 'backtrader', 'generic', 'ib'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a file's header and first row show, which is all that tells the formats apart. */
interface FormatSignals {
  /** Stooq writes every column name in angle brackets: <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,... */
  bracketed: boolean;
  hasAdjClose: boolean;
  hasOpenInterest: boolean;
  /** A separate time-of-day column, named or implied by rows one field longer than the header. */
  hasTimeColumn: boolean;
  /** IB's extra bar fields: WAP (average) and trade count (barCount). */
  hasIbColumns: boolean;
  /** The first row's date is IB's compact YYYYMMDD (or epoch seconds) rather than ISO. */
  compactDate: boolean;
}

interface FormatRule {
  format: ImportFormat;
  /** Why a file is not this format, said so a trader can check the file; null when it is. */
  mismatch: (s: FormatSignals) => string | null;
}

/** In detection order: the first rule a file satisfies is its format; 'generic' takes any valid layout. */
const RULES: readonly FormatRule[] = [
  { format: 'stooq', mismatch: (s) => (s.bracketed ? null : 'Stooq headers name columns in angle brackets (<DATE>,<OPEN>,...)') },
  {
    format: 'ib',
    mismatch: (s) =>
      s.hasIbColumns || (s.compactDate && !s.bracketed)
        ? null
        : 'IB exports have WAP/average or barCount columns, or dates written YYYYMMDD[ HH:MM:SS]',
  },
  { format: 'yahoo', mismatch: (s) => (s.hasAdjClose ? null : 'Yahoo files have an Adj Close column') },
  {
    format: 'backtrader',
    mismatch: (s) => (s.hasOpenInterest || s.hasTimeColumn ? null : 'backtrader files have an OpenInterest column or Date and Time columns'),
  },
  { format: 'generic', mismatch: () => null },
];

/**
 * The file's format: detected when `wanted` is 'auto' or omitted, else `wanted` checked against the file.
 * A file that is not the wanted format is a CsvError on line 1 saying what that format looks like.
 */
export function resolveFormat(layout: CsvLayout, firstRow: readonly string[], file: string, wanted: ImportFormat | 'auto' = 'auto'): ImportFormat {
  const signals = signalsOf(layout, firstRow);
  if (wanted === 'auto') return RULES.find((r) => r.mismatch(signals) === null)?.format ?? 'generic';
  const why = RULES.find((r) => r.format === wanted)?.mismatch(signals) ?? null;
  if (why !== null) throw new CsvError(file, 1, 1, `not a ${wanted} file: ${why}`);
  return wanted;
}

function signalsOf(layout: CsvLayout, firstRow: readonly string[]): FormatSignals {
  const names = layout.names.map(normalizedColumnName);
  const has = (...wanted: string[]): boolean => names.some((n) => wanted.includes(n));
  const date = (firstRow[layout.dateCol] ?? '').trim();
  return {
    bracketed: layout.names.some((n) => n.startsWith('<') && n.endsWith('>')),
    hasAdjClose: layout.adjCloseCol >= 0,
    hasOpenInterest: has('openinterest', 'openint'),
    hasTimeColumn: layout.timeCol >= 0,
    hasIbColumns: has('average', 'wap', 'barcount', 'count'),
    compactDate: /^\d{8}(\s|$)|^\d{10}$/.test(date),
  };
}
