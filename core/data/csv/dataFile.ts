import { accessSync, constants, statSync, type Stats } from 'node:fs';

/** Default largest data file read: far above any daily or minute file, below what a desktop can hold parsed. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

/** Environment variable that sets the largest data file, in bytes, for specs and imports. */
export const MAX_FILE_BYTES_ENV = 'TRADEDESK_MAX_FILE_BYTES';

/** The size limit for data files: TRADEDESK_MAX_FILE_BYTES when set, else 2 GB. A bad value is an error, not ignored. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[MAX_FILE_BYTES_ENV];
  if (text === undefined || text.trim() === '') return DEFAULT_MAX_FILE_BYTES;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${MAX_FILE_BYTES_ENV} must be a positive whole number of bytes, got "${text}"`);
  }
  return value;
}

/** A data file that cannot be read; `reason` reads after a key path or a file name ("no such file: /a/b.csv"). */
export class DataFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DataFileError';
  }
}

/**
 * Why `path` cannot be used as a data file, or null when it can: it must exist, be readable, be a regular
 * file (a FIFO would block the reader forever, a device never ends) and be at most `maxBytes` long.
 * Decided from stat alone, so nothing is opened.
 */
export function dataFileProblem(path: string, maxBytes: number = maxFileBytes()): string | null {
  try {
    dataFileSize(path, maxBytes);
    return null;
  } catch (err) {
    if (err instanceof DataFileError) return err.reason;
    throw err;
  }
}

/** The size of a usable data file; a DataFileError saying why when it is not one (see dataFileProblem). */
export function dataFileSize(path: string, maxBytes: number = maxFileBytes()): number {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (err) {
    throw new DataFileError(path, statFailure(err, path));
  }
  const kind = notRegular(stats);
  if (kind !== null) throw new DataFileError(path, `${kind}, not a regular file: ${path}`);
  if (stats.size > maxBytes) throw new DataFileError(path, tooBig(stats.size, maxBytes, path));
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new DataFileError(path, `cannot read (permission denied): ${path}`);
  }
  return stats.size;
}

export function tooBig(size: number, maxBytes: number, path: string): string {
  return `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for a data file (set ${MAX_FILE_BYTES_ENV} to change it): ${path}`;
}

/** What a non-regular file is, or null for a regular file. */
export function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device';
  if (stats.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

function statFailure(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such file: ${path}`;
  if (code === 'ENOTDIR') return `no such file (a parent is not a folder): ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read (permission denied): ${path}`;
  return `cannot read: ${(err as Error).message}`;
}

/** Sizes as a user reads them: 2 GB, 512 MB, 1.5 KB, 300 bytes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
