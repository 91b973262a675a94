import type { BarSeries } from '../BarSeries';
import { medianStepSeconds } from '../barStep';
import { BarColumnsBuilder } from './BarColumnsBuilder';
import { CsvError, type CsvColumn } from './CsvError';
import { detectDialect, isPlain, toPlainCsv, type CsvDialect } from './csvDialect';
import { readCsvHeader } from './csvHeader';
import type { CsvLayout } from './csvLayout';
import { contentEnd, hasFraction, lineEnd, onlyBlankLinesFrom, splitFields } from './csvText';
import { parseDecimal } from './parseDecimal';
import { parseDate, parseDateTime, parseTimeOfDay } from './parseTimestamp';

/** What a scan found: the series when no row was bad, else the first errors in file order. */
export interface BarsCsvScan {
  series: BarSeries | null;
  errors: CsvError[];
  /** Null when the header itself was rejected. */
  layout: CsvLayout | null;
}

export interface BarsCsvScannerOptions {
  /** Names the source in errors (a path or file name). */
  file: string;
  symbol: string;
  /** After a bad row the scan goes on to the next one until this many errors are found. Default 1. */
  maxErrors?: number;
  /** Expected text length in characters (the file size will do): sizes the bar buffers once. */
  sizeHint: number;
}

/** Shortest plausible row in bytes; sizing the buffers from it means most files never need to grow them. */
const MIN_ROW_BYTES = 32;
/** A power of two, so the progress check is a mask. */
const PROGRESS_ROWS = 65_536;

/**
 * Checks OHLCV text fed in pieces of whole lines (the first piece starts with the header), so a file
 * larger than the longest string V8 allows is read without ever being one string. The rules per row: the
 * right field count, a valid stamp, numeric cells, positive prices, non-negative volume, high >= max(open,
 * close, low), low <= min(open, close), and stamps strictly ascending (a repeat is a duplicate), except
 * that ticks stamped to the millisecond may share a stamp.
 */
export class BarsCsvScanner {
  readonly errors: CsvError[] = [];
  layout: CsvLayout | null = null;
  /** The first data row's fields as read (after any dialect rewrite); null before it is seen. */
  firstRow: string[] | null = null;
  private readonly maxErrors: number;
  private columns: BarColumnsBuilder | null = null;
  /** Line number of the last line read; the header is line 1. */
  private line = 0;
  private prevTs = Number.NEGATIVE_INFINITY;
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  /** Set when nothing more can be read: a bad header or malformed quoting. */
  private stopped = false;
  private dialect: CsvDialect | null = null;
  /** Start of the row being read, so that after a bad row the scan resumes at the next line. */
  private rowStart = 0;

  constructor(private readonly opts: BarsCsvScannerOptions) {
    this.maxErrors = opts.maxErrors ?? 1;
  }

  /** Whether enough errors were found that reading on is pointless. */
  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }

  /**
   * Scans `text`, which must end at a line end unless it is the last piece. Quoted fields, `;` or tab
   * separators and decimal commas (see detectDialect) are rewritten to plain comma text first.
   * `onProgress` gets the offset reached in `text` about every 65,536 rows.
   */
  push(text: string, onProgress?: (done: number) => void): void {
    if (this.full || this.stopped) return;
    let rowStart = 0;
    try {
      this.dialect ??= detectDialect(text, this.opts.file);
      if (!isPlain(text, this.dialect)) text = toPlainCsv(text, this.dialect, this.opts.file, this.line + 1);
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      // Past a malformed quote the rows cannot be told apart any more: nothing after it is read.
      this.errors.push(err);
      this.stopped = true;
      return;
    }
    if (this.layout === null) {
      try {
        const header = readCsvHeader(text, this.opts.file);
        this.layout = header.layout;
        rowStart = header.firstRow;
        this.firstRow = text.slice(rowStart, contentEnd(text, rowStart, lineEnd(text, rowStart))).split(',');
      } catch (err) {
        if (!(err instanceof CsvError)) throw err;
        // A bad header is the only error worth reporting: no row can be read without it.
        this.errors.push(err);
        this.stopped = true;
        return;
      }
      this.line = 1;
      this.starts = new Int32Array(this.layout.fieldCount + 1);
      this.ends = new Int32Array(this.layout.fieldCount + 1);
      this.columns = new BarColumnsBuilder(this.opts.sizeHint / MIN_ROW_BYTES, this.layout.adjCloseCol >= 0);
    }
    // The try sits outside the row loop so that the loop itself stays free of exception handling.
    while (rowStart < text.length) {
      try {
        rowStart = this.scanRows(text, rowStart, onProgress);
      } catch (err) {
        if (!(err instanceof CsvError)) throw err;
        this.errors.push(err);
        if (this.full) return;
        rowStart = lineEnd(text, this.rowStart) + 1;
      }
    }
  }

  /** The series when every row was good; call once, after the last piece. */
  finish(): BarsCsvScan {
    const { errors, layout, columns } = this;
    if (errors.length === 0 && (columns === null || columns.length === 0)) {
      errors.push(new CsvError(this.opts.file, 1, 1, layout === null ? 'file is empty (no header line)' : 'header has no data rows after it'));
    }
    if (errors.length > 0 || columns === null) return { series: null, errors, layout };
    const bars = columns.finish();
    const series: BarSeries = {
      symbol: this.opts.symbol,
      barSeconds: medianStepSeconds(bars.ts),
      length: columns.length,
      ts: bars.ts,
      open: bars.open,
      high: bars.high,
      low: bars.low,
      close: bars.close,
      volume: bars.volume,
      ...(bars.adjClose === undefined ? {} : { adjClose: bars.adjClose }),
    };
    return { series, errors, layout };
  }

  /** Reads rows from `from` to the end of the text and returns text.length; throws at the first bad one. */
  private scanRows(text: string, from: number, onProgress: ((done: number) => void) | undefined): number {
    const layout = this.layout as CsvLayout;
    const columns = this.columns as BarColumnsBuilder;
    const { starts, ends } = this;
    const { fieldCount, dateCol, timeCol, openCol, highCol, lowCol, closeCol, volumeCol, adjCloseCol } = layout;
    const file = this.opts.file;
    const fail = (col: number, reason: string): never => {
      throw new CsvError(file, this.line, columnLabel(layout, col), reason);
    };
    const field = (col: number): string => text.slice(starts[col], ends[col]);
    const number = (col: number): number => {
      const value = parseDecimal(text, starts[col], ends[col]);
      return value === value ? value : fail(col, `"${field(col)}" is not a number`);
    };
    let pos = from;
    while (pos < text.length) {
      this.line++;
      this.rowStart = pos;
      if ((this.line & (PROGRESS_ROWS - 1)) === 0) onProgress?.(pos);
      const nl = lineEnd(text, pos);
      const end = contentEnd(text, pos, nl);
      if (end === pos) {
        if (!onlyBlankLinesFrom(text, nl)) fail(0, 'empty line before more data');
        return text.length;
      }
      const count = splitFields(text, pos, end, starts, ends);
      if (count !== fieldCount) {
        fail(Math.min(count, fieldCount), `expected ${fieldCount} fields, found ${count}`);
      }

      let ts: number;
      if (timeCol < 0) {
        ts = parseDateTime(text, starts[dateCol], ends[dateCol]);
        if (ts !== ts) fail(dateCol, `"${field(dateCol)}" is not a date (expected YYYY-MM-DD[ HH:MM:SS[.fff]])`);
      } else {
        const day = parseDate(text, starts[dateCol], ends[dateCol]);
        if (day !== day) fail(dateCol, `"${field(dateCol)}" is not a date (expected YYYY-MM-DD)`);
        const time = parseTimeOfDay(text, starts[timeCol], ends[timeCol]);
        if (time !== time) fail(timeCol, `"${field(timeCol)}" is not a time of day (expected HH:MM:SS)`);
        ts = day + time;
      }
      const prevTs = this.prevTs;
      // Ticks stamped to the millisecond may share a stamp (two trades in one millisecond are both
      // real, kept in file order); bars may not.
      const stampCol = timeCol < 0 ? dateCol : timeCol;
      if (ts < prevTs || (ts === prevTs && !hasFraction(text, starts[stampCol], ends[stampCol]))) {
        const stamp = new Date(ts).toISOString();
        fail(
          dateCol,
          ts === prevTs
            ? `duplicate timestamp ${stamp} (same as the previous row)`
            : `timestamp ${stamp} is earlier than the previous row's ${new Date(prevTs).toISOString()}`,
        );
      }
      // Set before the values are checked, so a row after one with a bad value is still checked for order.
      this.prevTs = ts;

      const open = number(openCol);
      const high = number(highCol);
      const low = number(lowCol);
      const close = number(closeCol);
      const volume = number(volumeCol);
      const adjClose = adjCloseCol >= 0 ? number(adjCloseCol) : NaN;

      if (!(open > 0)) fail(openCol, `open ${open} is not positive`);
      if (!(high > 0)) fail(highCol, `high ${high} is not positive`);
      if (!(low > 0)) fail(lowCol, `low ${low} is not positive`);
      if (!(close > 0)) fail(closeCol, `close ${close} is not positive`);
      if (volume < 0) fail(volumeCol, `volume ${volume} is negative`);
      if (high < low) fail(highCol, `high ${high} is below low ${low}`);
      if (high < open) fail(highCol, `high ${high} is below open ${open}`);
      if (high < close) fail(highCol, `high ${high} is below close ${close}`);
      if (low > open) fail(lowCol, `low ${low} is above open ${open}`);
      if (low > close) fail(lowCol, `low ${low} is above close ${close}`);
      if (adjCloseCol >= 0 && !(adjClose > 0)) fail(adjCloseCol, `adjusted close ${adjClose} is not positive`);
      columns.push(ts, open, high, low, close, volume, adjClose);
      pos = nl + 1;
    }
    return text.length;
  }
}

function columnLabel(layout: CsvLayout, col: number): CsvColumn {
  const name = layout.names[col];
  return name === undefined || name === '' ? col + 1 : name;
}
