import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log';
import { LOG_STEM } from './logFile';

export interface LogEntry {
  /** Epoch ms. */
  time: number;
  level: LogLevel;
  component: string | null;
  msg: string;
  /** The line's other fields as compact JSON (ids, codes, error text), or null when it has none. */
  detail: string | null;
}

export interface LogQuery {
  /** At most this many entries, the newest ones. */
  limit: number;
  /** Only entries at this level or above. */
  level?: LogLevel;
  /** Only entries at or after this time (epoch ms). */
  since?: number;
}

/** How much of a file's end is read: far more than any limit the log view asks for, never the whole of a big file. */
const TAIL_BYTES = 2 * 2 ** 20;
const FILE_NAME = new RegExp(`^${LOG_STEM}\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log$`);

const lineSchema = z.looseObject({
  time: z.number(),
  level: z.enum(LOG_LEVELS),
  msg: z.string().default(''),
  component: z.string().optional(),
});

/** The log files of `dir`, newest first (by date in the name, then by number). */
export function logFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    // No log yet, or no folder where it should be (openLogFile said why): nothing to show.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
  return names
    .map((name) => ({ name, m: FILE_NAME.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .sort((a, b) => (a.m[1] === b.m[1] ? Number(b.m[2]) - Number(a.m[2]) : a.m[1] < b.m[1] ? 1 : -1))
    .map((f) => path.join(dir, f.name));
}

/** The last TAIL_BYTES of a file as lines; a line cut by the window's start is dropped. */
function tailLines(file: string): string[] {
  const size = statSync(file).size;
  const start = Math.max(0, size - TAIL_BYTES);
  const buf = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, start);
  } finally {
    closeSync(fd);
  }
  const lines = buf.toString('utf8').split('\n');
  return start > 0 ? lines.slice(1) : lines;
}

function entryOf(line: string): LogEntry | null {
  if (line.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { time, level, msg, component, ...rest } = parsed.data;
  // The process id tells the app's processes apart in the file; it is noise in the view.
  delete rest.pid;
  return { time, level, msg, component: component ?? null, detail: Object.keys(rest).length > 0 ? JSON.stringify(rest) : null };
}

/**
 * The newest entries of the log in `dir` that pass the query, oldest first. Reads the current file's end,
 * then earlier files while it still needs entries; lines that are not log entries are skipped.
 */
export function readLogTail(dir: string, query: LogQuery): LogEntry[] {
  const minRank = LOG_LEVELS.indexOf(query.level ?? 'debug');
  const since = query.since ?? -Infinity;
  const picked: LogEntry[] = [];
  for (const file of logFiles(dir)) {
    const lines = tailLines(file);
    for (let i = lines.length - 1; i >= 0 && picked.length < query.limit; i--) {
      const e = entryOf(lines[i]);
      if (e && e.time >= since && LOG_LEVELS.indexOf(e.level) >= minRank) picked.push(e);
    }
    if (picked.length >= query.limit) break;
  }
  return picked.reverse();
}
