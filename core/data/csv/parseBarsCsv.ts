import type { BarSeries } from '../BarSeries';
import { medianStepSeconds } from '../barStep';
import { BarColumnsBuilder } from './BarColumnsBuilder';
import { CsvError, type CsvColumn } from './CsvError';
import { layoutFromHeader, withImpliedTimeColumn, type CsvLayout } from './csvLayout';
import { parseDecimal } from './parseDecimal';
import { parseDate, parseDateTime, parseTimeOfDay } from './parseTimestamp';

export interface ParseBarsCsvOptions {
  /** Names the source in errors (a path or file name). */
  file: string;
  symbol: string;
}

export interface ScanBarsCsvOptions extends ParseBarsCsvOptions {
  /** After a bad row the scan goes on to the next one until this many errors are found. Default 1. */
  maxErrors?: number;
  /** Called about every PROGRESS_ROWS rows and at the end with the characters read and the text's length. */
  onProgress?: (done: number, total: number) => void;
}

/** What a scan found: the series when no row was bad, else the first errors in file order. */
export interface BarsCsvScan {
  series: BarSeries | null;
  errors: CsvError[];
  /** Null when the header itself was rejected. */
  layout: CsvLayout | null;
}

/** The header line's layout and where the data rows start. */
export interface CsvHeader {
  layout: CsvLayout;
  /** Offset of the first data row in the text. */
  firstRow: number;
}

const COMMA = 44;
const LF = 10;
const CR = 13;
/** Shortest plausible row in bytes; sizing the buffers from it means most files never need to grow them. */
const MIN_ROW_BYTES = 32;
/** A power of two, so the progress check is a mask. */
const PROGRESS_ROWS = 65_536;

/**
 * Parses OHLCV text (Yahoo, backtesting.py, backtrader, Stooq or IB layout, LF or CRLF) into a BarSeries.
 * Any bad row rejects the whole text with a CsvError naming its line and column.
 */
export function parseBarsCsv(text: string, opts: ParseBarsCsvOptions): BarSeries {
  const scan = scanBarsCsv(text, opts);
  if (scan.series === null) throw scan.errors[0];
  return scan.series;
}

/** Reads the header line (after an optional byte-order mark); a missing or unusable header is a CsvError. */
export function readCsvHeader(text: string, file: string): CsvHeader {
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headerEnd = lineEnd(text, bodyStart);
  const header = text.slice(bodyStart, contentEnd(text, bodyStart, headerEnd));
  if (header.trim() === '') throw new CsvError(file, 1, 1, 'file is empty (no header line)');
  const firstRow = headerEnd + 1;
  return { layout: resolveLayout(layoutFromHeader(header.split(','), file), text, firstRow), firstRow };
}

/**
 * Checks every row of OHLCV text, collecting up to `maxErrors` CsvErrors (a bad header is always the only
 * one), and builds the series only when there are none. The rules per row: the right field count, a valid
 * stamp, numeric cells, positive prices, non-negative volume, high >= max(open, close, low), low <= min(open,
 * close), and stamps strictly ascending (a repeat is a duplicate), except that ticks stamped to
 * the millisecond may share a stamp.
 */
export function scanBarsCsv(text: string, opts: ScanBarsCsvOptions): BarsCsvScan {
  const { file, symbol, onProgress } = opts;
  const maxErrors = opts.maxErrors ?? 1;
  let header: CsvHeader;
  try {
    header = readCsvHeader(text, file);
  } catch (err) {
    if (err instanceof CsvError) return { series: null, errors: [err], layout: null };
    throw err;
  }
  const { layout } = header;
  const { fieldCount, dateCol, timeCol, openCol, highCol, lowCol, closeCol, volumeCol, adjCloseCol } = layout;
  const starts = new Int32Array(fieldCount + 1);
  const ends = new Int32Array(fieldCount + 1);
  const columns = new BarColumnsBuilder(text.length / MIN_ROW_BYTES, adjCloseCol >= 0);
  const errors: CsvError[] = [];

  let line = 1;
  let rowStart = header.firstRow;
  let prevTs = -Infinity;
  const fail = (col: number, reason: string): never => {
    throw new CsvError(file, line, columnLabel(layout, col), reason);
  };
  const field = (col: number): string => text.slice(starts[col], ends[col]);
  const number = (col: number): number => {
    const value = parseDecimal(text, starts[col], ends[col]);
    return value === value ? value : fail(col, `"${field(col)}" is not a number`);
  };

  /** Reads rows from `rowStart` to the end of the text; throws at the first bad one, leaving `line` and `rowStart` on it. */
  const scanRows = (): void => {
    let pos = rowStart;
    while (pos < text.length) {
      line++;
      rowStart = pos;
      if ((line & (PROGRESS_ROWS - 1)) === 0) onProgress?.(pos, text.length);
      const nl = lineEnd(text, pos);
      const end = contentEnd(text, pos, nl);
      if (end === pos) {
        if (!onlyBlankLinesFrom(text, nl)) fail(0, 'empty line before more data');
        break;
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
      // Ticks stamped to the millisecond may share a stamp (two trades in one millisecond are both
      // real, kept in file order); bars may not.
      if (ts < prevTs || (ts === prevTs && !hasFraction(text, starts[timeCol < 0 ? dateCol : timeCol], ends[timeCol < 0 ? dateCol : timeCol]))) {
        const stamp = new Date(ts).toISOString();
        fail(
          dateCol,
          ts === prevTs
            ? `duplicate timestamp ${stamp} (same as the previous row)`
            : `timestamp ${stamp} is earlier than the previous row's ${new Date(prevTs).toISOString()}`,
        );
      }
      // Set before the values are checked, so a row after one with a bad value is still checked for order.
      prevTs = ts;

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
    rowStart = text.length;
  };

  // The try sits outside the row loop so that the loop itself stays free of exception handling.
  while (rowStart < text.length) {
    try {
      scanRows();
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      errors.push(err);
      if (errors.length >= maxErrors) break;
      rowStart = lineEnd(text, rowStart) + 1;
    }
  }
  onProgress?.(text.length, text.length);

  if (errors.length === 0 && columns.length === 0) errors.push(new CsvError(file, 1, 1, 'header has no data rows after it'));
  if (errors.length > 0) return { series: null, errors, layout };
  const bars = columns.finish();
  const series: BarSeries = {
    symbol,
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

/** The header's layout, or the one with an implied Time column when the first row has exactly that extra field. */
function resolveLayout(layout: CsvLayout, text: string, firstRow: number): CsvLayout {
  if (layout.timeCol >= 0) return layout;
  const starts = new Int32Array(layout.fieldCount + 2);
  const ends = new Int32Array(layout.fieldCount + 2);
  const end = contentEnd(text, firstRow, lineEnd(text, firstRow));
  const count = splitFields(text, firstRow, end, starts, ends);
  const next = layout.dateCol + 1;
  const impliesTime = count === layout.fieldCount + 1 && !Number.isNaN(parseTimeOfDay(text, starts[next], ends[next]));
  return impliesTime ? withImpliedTimeColumn(layout) : layout;
}

function columnLabel(layout: CsvLayout, col: number): CsvColumn {
  const name = layout.names[col];
  return name === undefined || name === '' ? col + 1 : name;
}

/**
 * Records the bounds of each comma-separated field of text[start, end) (as many as fit) and returns the
 * field count. Scanning char codes in place is what keeps parsing free of per-row allocations.
 */
function splitFields(text: string, start: number, end: number, starts: Int32Array, ends: Int32Array): number {
  const capacity = starts.length;
  let count = 0;
  let fieldStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === COMMA) {
      if (count < capacity) {
        starts[count] = fieldStart;
        ends[count] = i;
      }
      count++;
      fieldStart = i + 1;
    }
  }
  if (count < capacity) {
    starts[count] = fieldStart;
    ends[count] = end;
  }
  return count + 1;
}

/** Index of the LF ending the line that starts at `pos`, or text.length for the last line. */
function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/** End of the line's content, leaving out a CR before the LF. */
function contentEnd(text: string, pos: number, nl: number): number {
  return nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

function onlyBlankLinesFrom(text: string, pos: number): boolean {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR && c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether a stamp field carries a fraction of a second ("20:58:22.316"): the mark of tick data. */
function hasFraction(text: string, start: number, end: number): boolean {
  const dot = text.indexOf('.', start);
  return dot >= 0 && dot < end;
}
