import type { Timestamp } from '../../domain/order';

/** The targets of one date: the whole portfolio from that date on. */
export interface DatedTargets {
  ts: Timestamp;
  values: Map<string, number>;
}

export class TargetsCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'TargetsCsvError';
  }
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A date (00:00 UTC, how daily bars are stamped) or ISO timestamp (UTC when no zone is given); NaN when invalid. */
function parseDate(text: string): Timestamp {
  const d = DATE_ONLY.exec(text);
  if (d) {
    const ts = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    // Date.UTC rolls 2021-02-30 over to March; a round trip catches such dates.
    return new Date(ts).toISOString().startsWith(text) ? ts : NaN;
  }
  if (!ISO_TIMESTAMP.test(text)) return NaN;
  return Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
}

/**
 * Parses `date,symbol,target` CSV text (header required, no quoting, blank lines ignored) into
 * per-date portfolios in date order. `file` only labels errors; `symbols`, when given, is the allowed universe.
 */
export function parseTargetsCsv(text: string, file: string, symbols?: readonly string[]): DatedTargets[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase();
  if (header !== 'date,symbol,target') {
    throw new TargetsCsvError(file, 1, `expected header "date,symbol,target", got "${lines[0] ?? ''}"`);
  }
  const universe = symbols && new Set(symbols);
  const byDate = new Map<Timestamp, Map<string, number>>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const fail = (reason: string): never => {
      throw new TargetsCsvError(file, i + 1, reason);
    };
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== 3) fail(`expected 3 columns (date,symbol,target), got ${cells.length}`);
    const [dateText, symbol, targetText] = cells;
    const ts = parseDate(dateText);
    if (Number.isNaN(ts)) fail(`invalid date "${dateText}" (want YYYY-MM-DD or an ISO timestamp)`);
    if (!symbol) fail('empty symbol');
    if (universe && !universe.has(symbol)) fail(`symbol "${symbol}" is not in the run's universe`);
    if (!NUMBER.test(targetText)) fail(`target "${targetText}" is not a number`);
    const values = byDate.get(ts) ?? new Map<string, number>();
    if (values.has(symbol)) fail(`duplicate target for ${symbol} on ${dateText}`);
    values.set(symbol, Number(targetText));
    byDate.set(ts, values);
  }
  if (!byDate.size) throw new TargetsCsvError(file, 1, 'no targets after the header');
  return [...byDate].sort((a, b) => a[0] - b[0]).map(([ts, values]) => ({ ts, values }));
}
