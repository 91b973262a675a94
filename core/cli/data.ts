import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type Database from 'better-sqlite3';
import { canonicalBarSize } from '../data/barStore/barSizeOf';
import { SeriesExistsError, SeriesNotFoundError } from '../data/barStore/errors';
import { isoStamp } from '../data/barStore/isoStamp';
import { deleteSeries, listSeries } from '../data/barStore/seriesRepo';
import { parseDateTime } from '../data/csv/parseTimestamp';
import { IMPORT_FORMATS, type ImportFormat } from '../data/import/formats';
import { ImportRejectedError, importFile } from '../data/import/importBars';
import { ApiError } from '../ipc/errors';
import { barsView } from '../service/data/barsView';
import { defaultDbPath, openDatabase } from '../store/db';
import { barsText, seriesJson, seriesTable } from './dataTables';

const USAGE = `usage: tradedesk data <command> [options]

  import <file> [--symbol X] [--format auto|${IMPORT_FORMATS.join('|')}] [--replace] [--json]
                  validate a whole OHLCV file and store it; a file with any error is refused whole
  list [--json]   the stored series with their coverage (first, last, bars, gaps)
  show <symbol> [--bar-size <size>] [--from <ts>] [--to <ts>] [--json]
                  print bars (resampled when a coarser size is asked for; --json: one array of
                  {ts, open, high, low, close, volume}, ts in epoch ms UTC)
  delete <symbol> [--bar-size <size>]
                  delete the symbol's series (all bar sizes unless one is given)

  --db FILE       the store's SQLite file (default: the app's database in its data directory)
  timestamps      YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]; a --to date includes its whole day`;

/** A mistake in how the command was called: exit code 2 and the usage. */
class UsageError extends Error {}

/** Text files at least this long get a progress line while they are checked. */
const PROGRESS_MIN_CHARS = 4 * 2 ** 20;
const DAY_MS = 86_400_000;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  symbol: { type: 'string' },
  format: { type: 'string', default: 'auto' },
  replace: { type: 'boolean', default: false },
  'bar-size': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} satisfies ParseArgsConfig['options'];
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Options each command accepts besides --db and --help. */
const ALLOWED: Record<string, readonly (keyof Values)[]> = {
  import: ['symbol', 'format', 'replace', 'json'],
  list: ['json'],
  show: ['bar-size', 'from', 'to', 'json'],
  delete: ['bar-size'],
};

/** `tradedesk data`: imports, lists, shows and deletes bar-store series; answers the exit code. */
export function dataCommand(argv: string[]): number {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  const allowed = command === undefined ? undefined : ALLOWED[command];
  if (allowed === undefined) return usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  const stray = argv
    .filter((a) => a.startsWith('--'))
    .map((a) => a.slice(2).split('=')[0])
    .find((o) => o !== 'db' && o !== 'help' && !allowed.includes(o as keyof Values));
  if (stray !== undefined) return usageError(`${command} does not take --${stray}`);
  const expected = command === 'list' ? 0 : 1;
  if (args.length !== expected) return usageError(`${command} expects ${expected === 0 ? 'no arguments' : 'one argument'}, got ${args.length}`);

  const dbPath = path.resolve(values.db ?? defaultDbPath());
  let db: Database.Database | undefined;
  try {
    const run = COMMANDS[command];
    db = openDatabase(dbPath);
    return run(db, args[0] ?? '', values, dbPath);
  } catch (err) {
    if (err instanceof UsageError) return usageError(err.message);
    if (isDataError(err)) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db?.close();
  }
}

/** `arg` is the command's one argument ('' for list). */
type Command = (db: Database.Database, arg: string, values: Values, dbPath: string) => number;

const COMMANDS: Record<string, Command> = {
  import(db, file, values) {
    const format = values.format ?? 'auto';
    if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be auto or one of ${IMPORT_FORMATS.join(', ')}, got "${format}"`);
    }
    if (!existsSync(file)) throw new Error(`no such file: ${file}`);
    const progress = progressLine(path.basename(file));
    const result = importFile(
      db,
      file,
      { symbol: values.symbol, format: format as ImportFormat | 'auto' },
      { replace: values.replace ?? false, onProgress: progress.update },
    );
    progress.end();
    const s = result.series;
    for (const w of result.warnings) process.stderr.write(`warning: ${s.symbol} ${s.barSize}: ${w}\n`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...seriesJson(s), format: result.format, replaced: result.replaced, warnings: result.warnings })}\n`);
    } else {
      process.stdout.write(
        `${result.replaced ? 'replaced' : 'imported'} ${s.symbol} ${s.barSize} from ${s.fileName} (${result.format}): ` +
          `${s.bars.toLocaleString('en-US')} bars, ${isoStamp(s.firstTs)} to ${isoStamp(s.lastTs)}\n`,
      );
    }
    return 0;
  },

  list(db, _arg, values, dbPath) {
    const series = listSeries(db);
    if (values.json) process.stdout.write(`${JSON.stringify(series.map(seriesJson))}\n`);
    else if (series.length === 0) process.stdout.write(`the bar store in ${dbPath} is empty; add data with: tradedesk data import <file>\n`);
    else process.stdout.write(`${seriesTable(series)}\n`);
    return 0;
  },

  show(db, symbol, values) {
    const from = values.from === undefined ? undefined : stampOption('from', values.from, false);
    const to = values.to === undefined ? undefined : stampOption('to', values.to, true);
    if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
    const view = barsView(db, { symbol, barSize: barSizeOption(values['bar-size']), from, to });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(view.bars)}\n`);
    } else {
      const origin = view.resampled ? `, resampled from ${view.source.barSize}` : '';
      process.stdout.write(`# ${view.symbol} ${view.barSize}${origin}: ${view.bars.length} bars\n${barsText(view.bars)}\n`);
    }
    return 0;
  },

  delete(db, symbol, values) {
    const barSize = barSizeOption(values['bar-size']);
    const deleted = deleteSeries(db, symbol, barSize);
    if (deleted.length === 0) throw new SeriesNotFoundError([symbol.toUpperCase()], barSize ?? null);
    for (const s of deleted) process.stdout.write(`deleted ${s.symbol} ${s.barSize} (${s.bars.toLocaleString('en-US')} bars)\n`);
    return 0;
  },
};

/** Problems with the data or the store rather than with the call: exit code 1. */
function isDataError(err: unknown): err is Error {
  return (
    err instanceof ImportRejectedError ||
    err instanceof SeriesExistsError ||
    err instanceof SeriesNotFoundError ||
    err instanceof ApiError ||
    err instanceof RangeError
  );
}

/** A --bar-size value in its canonical text ('60m' is '1h'), or undefined when not given. */
function barSizeOption(text: string | undefined): string | undefined {
  if (text === undefined) return text;
  try {
    return canonicalBarSize(text);
  } catch (err) {
    throw new UsageError(`--bar-size: ${(err as Error).message}`);
  }
}

/** A --from/--to value as epoch ms; a bare date as --to means the end of that day. */
function stampOption(name: string, text: string, endOfDay: boolean): number {
  const ts = parseDateTime(text, 0, text.length);
  if (Number.isNaN(ts)) throw new UsageError(`--${name}: "${text}" is not a timestamp (expected YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS])`);
  return endOfDay && text.trim().length === 10 ? ts + DAY_MS - 1 : ts;
}

/** Percent of a big file checked so far, on stderr: redrawn in place on a terminal, every quarter otherwise. */
function progressLine(label: string): { update: (done: number, total: number) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  let active = false;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_CHARS) return;
      const pct = Math.floor((done / total) * 100);
      const step = tty ? pct : pct - (pct % 25);
      if (step === shown) return;
      shown = step;
      active = true;
      process.stderr.write(tty ? `\rimporting ${label}: ${String(step).padStart(3)}%` : `importing ${label}: ${step}%\n`);
    },
    end() {
      if (active && tty) process.stderr.write('\n');
    },
  };
}

function usageError(message: string): number {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  return 2;
}
