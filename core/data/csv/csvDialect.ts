import { parse } from 'csv-parse/sync';
import { CsvError } from './CsvError';
import { isStampColumn } from './csvLayout';

/** How a file writes its fields and numbers, decided from its first lines. */
export interface CsvDialect {
  delimiter: ',' | ';' | '\t';
  /** `1,5` means one and a half (and `.` groups thousands: `1.234,5`). */
  decimalComma: boolean;
  /** Columns holding the date or time, left as written; every other column is a number. */
  stampColumns: ReadonlySet<number>;
}

/** Where a number was seen, for the message when two disagree. */
interface Sighting {
  line: number;
  column: number;
  value: string;
}

/** Rows looked at to tell a decimal comma from a thousands separator. */
const SAMPLE_ROWS = 200;
const DECIMAL_COMMA = /^[-+]?\d+,\d{1,2}$|^[-+]?\d+,\d{4,}$|^[-+]?\d{1,3}(\.\d{3})+,\d*$/;
const DECIMAL_POINT = /^[-+]?\d+\.\d{1,2}$|^[-+]?\d+\.\d{4,}$|^[-+]?\d{1,3}(,\d{3})+\.\d*$/;
const NUMERIC = /^[-+]?[\d.,]+$/;
const GROUPED_POINT = /^([-+]?\d{1,3})((?:\.\d{3})+)(,\d*)?$/;
const GROUPED_COMMA = /^([-+]?\d{1,3})((?:,\d{3})+)(\.\d*)?$/;

/**
 * The dialect of a file from its first piece of text: the delimiter the header uses most (`;` and tab
 * beside `,`) and the decimal mark its numbers show. With `;` or tab and no telling sign, `,` is the
 * decimal mark, as in the spreadsheets that write such files.
 */
export function detectDialect(text: string, file: string): CsvDialect {
  const nl = text.indexOf('\n');
  const headerLine = (nl < 0 ? text : text.slice(0, nl)).replace(/^\uFEFF/, '');
  const delimiter = mostUsed(headerLine);
  const sampleEnd = nthLineEnd(text, SAMPLE_ROWS + 1);
  const rows = records(text.slice(0, sampleEnd), { delimiter, decimalComma: false, stampColumns: new Set() }, file, 1, sampleEnd < text.length);
  const header = rows[0]?.fields ?? [];
  const stampColumns = new Set(header.flatMap((name, i) => (isStampColumn(name.trim(), i) ? [i] : [])));
  /** The first number seen written with each decimal mark. */
  const seen: { comma?: Sighting; point?: Sighting } = {};
  for (const { line, fields } of rows.slice(1)) {
    fields.forEach((field, i) => {
      if (stampColumns.has(i)) return;
      const value = field.trim();
      if (DECIMAL_COMMA.test(value)) seen.comma ??= { line, column: i + 1, value };
      else if (DECIMAL_POINT.test(value)) seen.point ??= { line, column: i + 1, value };
    });
  }
  const { comma, point } = seen;
  if (comma !== undefined && point !== undefined) {
    const [first, later] = comma.line < point.line || (comma.line === point.line && comma.column < point.column) ? [comma, point] : [point, comma];
    throw new CsvError(
      file,
      later.line,
      later.column,
      `"${later.value}" and "${first.value}" (line ${first.line}) use different decimal marks; save the file with one number format`,
    );
  }
  return { delimiter, decimalComma: comma !== undefined || (point === undefined && delimiter !== ','), stampColumns };
}

/** Whether a piece can go straight to the fast comma reader. */
export function isPlain(text: string, dialect: CsvDialect): boolean {
  return dialect.delimiter === ',' && !dialect.decimalComma && text.indexOf('"') < 0;
}

/**
 * Rewrites a piece of quoted, `;`- or tab-separated text as the plain comma text the fast reader takes:
 * quotes removed, numbers with `.` as the decimal mark and no thousands separators, one line per row so
 * line numbers stay the file's. `firstLine` is the file line the piece starts on. A malformed quote, a
 * field spanning lines or a number in the wrong format is a CsvError naming its line and column.
 */
export function toPlainCsv(text: string, dialect: CsvDialect, file: string, firstLine: number): string {
  const out: string[] = [];
  for (const { line, fields } of records(text, dialect, file, firstLine, false)) {
    out.push(fields.map((field, i) => plainField(field, i, dialect, file, line)).join(','));
  }
  const joined = out.join('\n');
  return text.endsWith('\n') ? `${joined}\n` : joined;
}

function plainField(field: string, col: number, dialect: CsvDialect, file: string, line: number): string {
  if (dialect.stampColumns.has(col) || !NUMERIC.test(field.trim())) {
    // A comma left inside a text field would split it in the comma reader; such fields are never values.
    return field.includes(',') ? field.replaceAll(',', ' ') : field;
  }
  const value = field.trim();
  const [grouped, mark, other] = dialect.decimalComma ? [GROUPED_POINT, ',', '.'] : [GROUPED_COMMA, '.', ','];
  let digits = value;
  if (value.includes(other)) {
    const m = grouped.exec(value);
    if (m === null) {
      throw new CsvError(file, line, col + 1, `"${value}" is not a number in this file's format (decimal mark "${mark}", thousands "${other}")`);
    }
    digits = m[1] + m[2].replaceAll(other, '') + (m[3] ?? '');
  }
  return dialect.decimalComma ? digits.replace(',', '.') : digits;
}

interface CsvRecord {
  /** File line the record starts on. */
  line: number;
  fields: string[];
}

/** csv-parse's records with their line numbers; `partial`: the text may end mid-record (a sample). */
function records(text: string, dialect: CsvDialect, file: string, firstLine: number, partial: boolean): CsvRecord[] {
  const rows = parsed(text, dialect, file, firstLine, partial, false) as string[][];
  // One record per line is the rule; only when it is broken is the slower parse with positions needed.
  if (rows.length !== lineCount(text) && !partial) {
    let next = firstLine;
    for (const { info } of parsed(text, dialect, file, firstLine, partial, true) as { info: { lines: number } }[]) {
      if (firstLine - 1 + info.lines !== next) {
        throw new CsvError(file, next, 1, 'a quoted field runs over more than one line; market data fields never hold line breaks');
      }
      next++;
    }
  }
  return rows.map((fields, i) => ({ line: firstLine + i, fields: fields.length === 1 && fields[0] === '' ? [] : fields }));
}

function parsed(text: string, dialect: CsvDialect, file: string, firstLine: number, partial: boolean, info: boolean): unknown[] {
  try {
    return parse(text, { delimiter: dialect.delimiter, bom: true, info, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    if (partial) return [];
    const e = err as { lines?: number; column?: number | string; message: string };
    const line = firstLine - 1 + (e.lines ?? 1);
    throw new CsvError(file, line, typeof e.column === 'number' ? e.column + 1 : 1, `malformed CSV: ${e.message.replace(/ at line \d+/, '')}`);
  }
}

/** Lines in the text, a last line without its line end included. */
function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return text.length === 0 || text.endsWith('\n') ? count : count + 1;
}

function mostUsed(line: string): ',' | ';' | '\t' {
  const count = (c: string): number => line.split(c).length - 1;
  const commas = count(',');
  const semicolons = count(';');
  const tabs = count('\t');
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

/** Offset just past the n-th line end, or text.length. */
function nthLineEnd(text: string, n: number): number {
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length;
    pos = nl + 1;
  }
  return pos;
}
