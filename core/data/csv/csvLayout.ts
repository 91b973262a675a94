import { CsvError } from './CsvError';

/** Where each bar field sits in a row (0-based field index; -1 when the file has no such column). */
export interface CsvLayout {
  readonly fieldCount: number;
  /** Header names as written (trimmed); '' for a nameless column. Used to name columns in errors. */
  readonly names: readonly string[];
  readonly dateCol: number;
  /** Separate time-of-day column (backtrader intraday); -1 when the date column holds the whole stamp. */
  readonly timeCol: number;
  readonly openCol: number;
  readonly highCol: number;
  readonly lowCol: number;
  readonly closeCol: number;
  readonly volumeCol: number;
  readonly adjCloseCol: number;
}

type Role = 'date' | 'time' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'adjClose' | 'ignored';

// Keys are lower-cased with spaces, underscores and Stooq's angle brackets removed, so "Adj Close",
// "adj_close" and "AdjClose" agree, and "<VOL>" is "vol".
const ROLE_BY_NAME: Readonly<Record<string, Role>> = {
  date: 'date',
  datetime: 'date',
  timestamp: 'date',
  time: 'time',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  vol: 'volume',
  adjclose: 'adjClose',
  openinterest: 'ignored',
  openint: 'ignored',
  // Stooq's symbol and period columns; the importer reads the symbol itself.
  ticker: 'ignored',
  per: 'ignored',
  // IB's bar fields beyond OHLCV: volume-weighted average price and trade count.
  average: 'ignored',
  wap: 'ignored',
  barcount: 'ignored',
  count: 'ignored',
};

/** A header name as looked up in ROLE_BY_NAME. */
export function normalizedColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_<>]/g, '');
}

/** Whether a header column holds the date or the time of day (backtesting.py's nameless first column is the date). */
export function isStampColumn(name: string, index: number): boolean {
  const role = name === '' && index === 0 ? 'date' : ROLE_BY_NAME[normalizedColumnName(name)];
  return role === 'date' || role === 'time';
}

const REQUIRED: readonly { role: Role; name: string }[] = [
  { role: 'date', name: 'Date' },
  { role: 'open', name: 'Open' },
  { role: 'high', name: 'High' },
  { role: 'low', name: 'Low' },
  { role: 'close', name: 'Close' },
  { role: 'volume', name: 'Volume' },
];

/** Maps a header line's fields to a layout; an unknown, repeated or missing column is a CsvError on line 1. */
export function layoutFromHeader(headerFields: readonly string[], file: string): CsvLayout {
  const names = headerFields.map((field) => field.trim());
  const cols = new Map<Role, number>();
  names.forEach((name, index) => {
    const label = name === '' ? index + 1 : name;
    // backtesting.py writes the pandas index as a nameless first column: that is the date.
    const role = name === '' && index === 0 ? 'date' : ROLE_BY_NAME[normalizedColumnName(name)];
    if (role === undefined) {
      throw new CsvError(file, 1, label, `unknown column name "${name}" in header`);
    }
    if (role === 'ignored') return;
    if (cols.has(role)) throw new CsvError(file, 1, label, `column "${name}" appears twice in header`);
    cols.set(role, index);
  });
  for (const { role, name } of REQUIRED) {
    if (!cols.has(role)) throw new CsvError(file, 1, name, `header has no ${name} column`);
  }
  const col = (role: Role): number => cols.get(role) ?? -1;
  return {
    fieldCount: names.length,
    names,
    dateCol: col('date'),
    timeCol: col('time'),
    openCol: col('open'),
    highCol: col('high'),
    lowCol: col('low'),
    closeCol: col('close'),
    volumeCol: col('volume'),
    adjCloseCol: col('adjClose'),
  };
}

/**
 * The layout for a file whose rows carry a time-of-day field right after the date that its header
 * forgot to name (backtrader's 2006-01-02-volume-min-001.txt): every later column moves one right.
 */
export function withImpliedTimeColumn(layout: CsvLayout): CsvLayout {
  const at = layout.dateCol + 1;
  const shift = (index: number): number => (index >= at ? index + 1 : index);
  return {
    fieldCount: layout.fieldCount + 1,
    names: [...layout.names.slice(0, at), 'Time', ...layout.names.slice(at)],
    dateCol: layout.dateCol,
    timeCol: at,
    openCol: shift(layout.openCol),
    highCol: shift(layout.highCol),
    lowCol: shift(layout.lowCol),
    closeCol: shift(layout.closeCol),
    volumeCol: shift(layout.volumeCol),
    adjCloseCol: layout.adjCloseCol < 0 ? -1 : shift(layout.adjCloseCol),
  };
}
