/** Where a CSV problem is: a header name, or a 1-based column index when the header gives no usable name. */
export type CsvColumn = string | number;

/** A rejected market-data file. The whole file is refused; `line` is 1-based with the header as line 1. */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: CsvColumn,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${describeColumn(column)}: ${reason}`);
    this.name = 'CsvError';
  }
}

function describeColumn(column: CsvColumn): string {
  return typeof column === 'number' ? `column ${column}` : `column "${column}"`;
}
