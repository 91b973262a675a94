import path from 'node:path';
import type { LogLevel } from './log';
import { setLogSink } from './log';

/** The rotated files' folder inside the data directory, and their name stem: logs/tradedesk.<date>.<n>.log. */
export const LOG_DIR_NAME = 'logs';
export const LOG_STEM = 'tradedesk';

export interface LogFileOptions {
  /** The app's data directory; lines go to <dataDir>/logs/. */
  dataDir: string;
  /** Lines below this level are dropped (default info). */
  level?: LogLevel;
  /** A file is rotated once it reaches this size (pino-roll syntax: '10m', '512k'); and every day. */
  size?: string;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

export interface LogFile {
  /** The folder the files are in. */
  dir: string;
  /** Why the log could not be opened (lines then go nowhere), or null when it is being written. */
  error: string | null;
  /** Writes out what is buffered, then stops writing to the file (lines go back to the previous sink). */
  close(): Promise<void>;
}

/** Defaults: at most (1 + 5) x 10 MB of logs. */
const DEFAULT_SIZE = '10m';
const DEFAULT_KEEP = 5;

/**
 * Sends this process's log lines to rotated JSON-lines files in the data directory (pino + pino-roll).
 * Each line is one JSON object with at least `level` (its name), `time` (epoch ms), `component` and `msg`.
 * The libraries are loaded here, on first use, so processes that never open a log do not pay for them.
 * A log that cannot be opened (a read-only folder, a file named `logs`) never stops the engine: the
 * reason is printed once on stderr and kept in `error`.
 */
export async function openLogFile(opts: LogFileOptions): Promise<LogFile> {
  const dir = path.join(opts.dataDir, LOG_DIR_NAME);
  try {
    return await openRolling(dir, opts);
  } catch (err) {
    const error = `the log in ${dir} could not be opened: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`warning: ${error}\n`);
    return { dir, error, close: () => Promise.resolve() };
  }
}

async function openRolling(dir: string, opts: LogFileOptions): Promise<LogFile> {
  const [{ pino }, { default: pinoRoll }] = await Promise.all([import('pino'), import('pino-roll')]);
  const stream = await pinoRoll({
    file: path.join(dir, LOG_STEM),
    extension: '.log',
    size: opts.size ?? DEFAULT_SIZE,
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    // Counts files left by earlier runs too, so restarts do not pile files up.
    limit: { count: opts.keep ?? DEFAULT_KEEP, removeOtherLogFiles: true },
    mkdir: true,
  });
  // The file opens asynchronously: a folder that cannot be made or written fails here, not later.
  if (stream.fd < 0) {
    await new Promise<void>((resolve, reject) => {
      stream.once('ready', () => resolve());
      stream.once('error', reject);
    });
  }
  const logger = pino(
    {
      level: opts.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.epochTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const restore = setLogSink((level, component, msg, fields) => logger[level]({ ...fields, component }, msg));
  // A write that fails later (disk full, folder removed) stops the log, never the engine.
  stream.on('error', (err: Error) => {
    restore();
    process.stderr.write(`warning: the log in ${dir} stopped: ${err.message}\n`);
  });
  let closed: Promise<void> | null = null;
  return {
    dir,
    error: null,
    close() {
      closed ??= new Promise<void>((resolve) => {
        restore();
        stream.once('close', () => resolve());
        stream.end();
      });
      return closed;
    },
  };
}
