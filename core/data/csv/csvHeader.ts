import { CsvError } from './CsvError';
import { layoutFromHeader, withImpliedTimeColumn, type CsvLayout } from './csvLayout';
import { contentEnd, lineEnd, splitFields } from './csvText';
import { parseTimeOfDay } from './parseTimestamp';

/** The header line's layout and where the data rows start. */
export interface CsvHeader {
  layout: CsvLayout;
  /** Offset of the first data row in the text. */
  firstRow: number;
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
