import { EXPORT_COLUMNS, type ExportColumn, type ExportTable } from './runExportColumns';

/** Decimals kept at most: finer than any market's tick, coarse enough to hide float noise. */
const MAX_DECIMALS = 8;
/** Prices show at least cents, as a spreadsheet user expects even on a whole-dollar grid. */
const MIN_DECIMALS = 2;
/** Money and percentages in a readable export: cents and hundredths of a percent. */
const MONEY_DECIMALS = 2;

/** The fewest decimals (2..8) that print every price exactly: the grid the instrument is quoted on. */
export function priceDecimals(prices: readonly number[]): number {
  for (let d = MIN_DECIMALS; d < MAX_DECIMALS; d++) {
    const scale = 10 ** d;
    // The tolerance allows for the float error of a decimal read from text, as tickSize's grid check does.
    if (prices.every((p) => Math.abs(p * scale - Math.round(p * scale)) < 1e-6)) return d;
  }
  return MAX_DECIMALS;
}

/** A daily bar's stamp (midnight UTC) as its date, any other time as ISO UTC to the second. */
export function isoTime(ts: number): string {
  const iso = new Date(ts).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** Fixed decimals with float dust removed and no "-0.00". */
function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

function cell(c: ExportColumn, v: unknown, decimalsFor: (instrument: string) => number, instrument: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  switch (c.kind) {
    case 'time':
      return isoTime(v);
    case 'price':
      return fixed(v, decimalsFor(instrument));
    case 'money':
    case 'pct':
      return fixed(v, MONEY_DECIMALS);
    case 'qty':
      // Fractional units stay, float dust from summing them does not.
      return String(Number(v.toFixed(MAX_DECIMALS)));
    case 'text':
      return String(v);
  }
}

/** A CSV field, quoted when it holds a delimiter, quote or line break. */
export function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * How an export writes a table's rows: `raw` keeps the stored field names, epoch milliseconds and full
 * floats (for programs); otherwise readable headers, ISO dates, prices at the instrument's precision and
 * money in cents (for spreadsheets).
 */
export interface RowFormat {
  header(): string;
  line(row: Record<string, unknown>): string;
}

export function rowFormat(table: ExportTable, raw: boolean, decimalsFor: (instrument: string) => number): RowFormat {
  const columns = EXPORT_COLUMNS[table];
  if (raw) {
    return {
      header: () => columns.map((c) => c.field).join(','),
      line: (row) => columns.map((c) => (row[c.field] === null || row[c.field] === undefined ? '' : csvCell(String(row[c.field])))).join(','),
    };
  }
  return {
    header: () => columns.map((c) => csvCell(c.header)).join(','),
    line: (row) => {
      const instrument = typeof row.instrument === 'string' ? row.instrument : '';
      return columns.map((c) => csvCell(cell(c, row[c.field], decimalsFor, instrument))).join(',');
    },
  };
}
