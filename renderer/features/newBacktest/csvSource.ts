/**
 * The CSV data source as one text box: a single path, or one `SYMBOL=path` per line for several
 * files (the spec's `data.csv`: a path or a list of {symbol, csv}).
 */
export type CsvSpec = string | { symbol: string; csv: string }[];

export function csvToText(csv: unknown): string {
  if (typeof csv === 'string') return csv;
  if (!Array.isArray(csv)) return '';
  return csv
    .map((e: unknown) => {
      const entry = (typeof e === 'object' && e !== null ? e : {}) as { symbol?: unknown; csv?: unknown };
      return `${String(entry.symbol ?? '')}=${String(entry.csv ?? '')}`;
    })
    .join('\n');
}

/** A line without `SYMBOL=` takes its symbol from the file name, as the engine does for a single path. */
function symbolOf(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.[^.]*$/, '');
}

export function textToCsv(text: string): CsvSpec {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return '';
  if (lines.length === 1 && !lines[0].includes('=')) return lines[0];
  return lines.map((line) => {
    const eq = line.indexOf('=');
    if (eq === -1) return { symbol: symbolOf(line), csv: line };
    return { symbol: line.slice(0, eq).trim(), csv: line.slice(eq + 1).trim() };
  });
}
