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

const COMMA = 44;
const LF = 10;
const CR = 13;
/** Shortest plausible row in bytes; sizing the buffers from it means most files never need to grow them. */
const MIN_ROW_BYTES = 32;

/**
 * Parses OHLCV text (Yahoo, backtesting.py or backtrader layout, LF or CRLF) into a BarSeries.
 * Any bad row rejects the whole text with a CsvError naming its line and column.
 */
export function parseBarsCsv(text: string, opts: ParseBarsCsvOptions): BarSeries {
  const { file, symbol } = opts;
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headerEnd = lineEnd(text, bodyStart);
  const header = text.slice(bodyStart, contentEnd(text, bodyStart, headerEnd));
  if (header.trim() === '') throw new CsvError(file, 1, 1, 'file is empty (no header line)');
  const firstRow = headerEnd + 1;

  const layout = resolveLayout(layoutFromHeader(header.split(','), file), text, firstRow);
  const { fieldCount, dateCol, timeCol, openCol, highCol, lowCol, closeCol, volumeCol, adjCloseCol } = layout;
  const starts = new Int32Array(fieldCount + 1);
  const ends = new Int32Array(fieldCount + 1);
  const columns = new BarColumnsBuilder(text.length / MIN_ROW_BYTES, adjCloseCol >= 0);

  let line = 1;
  let prevTs = -Infinity;
  const fail = (col: number, reason: string): never => {
    throw new CsvError(file, line, columnLabel(layout, col), reason);
  };
  const field = (col: number): string => text.slice(starts[col], ends[col]);
  const number = (col: number): number => {
    const value = parseDecimal(text, starts[col], ends[col]);
    return value === value ? value : fail(col, `"${field(col)}" is not a number`);
  };

  let pos = firstRow;
  while (pos < text.length) {
    line++;
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
    if (ts <= prevTs) {
      const stamp = new Date(ts).toISOString();
      fail(
        dateCol,
        ts === prevTs
          ? `duplicate timestamp ${stamp} (same as the previous row)`
          : `timestamp ${stamp} is earlier than the previous row's ${new Date(prevTs).toISOString()}`,
      );
    }
    prevTs = ts;
    columns.push(ts, open, high, low, close, volume, adjClose);
    pos = nl + 1;
  }

  if (columns.length === 0) throw new CsvError(file, 1, 1, 'header has no data rows after it');
  const bars = columns.finish();
  return {
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
