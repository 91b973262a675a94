import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { DataFileError, maxFileBytes, notRegular, tooBig } from './dataFile';

export interface ReadTextOptions {
  /** Largest file read, in bytes; default maxFileBytes() (TRADEDESK_MAX_FILE_BYTES or 2 GB). */
  maxBytes?: number;
  /** Called after each chunk with the bytes read so far and the file's size. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Checked between chunks; an aborted read throws the signal's reason. */
  signal?: AbortSignal;
  /** Bytes per read; tests make it small to cut lines across chunks. */
  chunkBytes?: number;
}

/** Well under V8's longest string (about 512 M characters), and few enough reads that the cost is the parse. */
const CHUNK_BYTES = 64 * 1024 * 1024;

/**
 * The file's text as UTF-8 pieces that each end at a line end (the last may not), so a file of any size
 * within the limit is read without holding it as one string. Blank lines at a piece's end are carried to
 * the next piece, so the reader sees them before the data that follows them. The file must be regular:
 * it is opened non-blocking (a FIFO cannot stall the open) and refused from its fstat before any read.
 */
export function* textChunksSync(path: string, opts: ReadTextOptions = {}): Generator<string> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const size = checkOpened(path, fstatSync(fd), opts.maxBytes ?? maxFileBytes());
    const chunk = opts.chunkBytes ?? CHUNK_BYTES;
    const lines = new LineCarry(path);
    let done = 0;
    // The validated size is what is read; a file that grows meanwhile is refused below.
    while (done < size) {
      opts.signal?.throwIfAborted();
      const bytes = readBytes(fd, Math.min(chunk, size - done));
      if (bytes.length === 0) break;
      done += bytes.length;
      const piece = lines.take(bytes);
      opts.onProgress?.(done, size);
      if (piece !== '') yield piece;
    }
    if (readBytes(fd, 1).length > 0) throw new DataFileError(path, `grew while being read: ${path}`);
    const rest = lines.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

/** textChunksSync, reading without blocking the event loop, so an abort from elsewhere takes effect between chunks. */
export async function* textChunks(path: string, opts: ReadTextOptions = {}): AsyncGenerator<string> {
  opts.signal?.throwIfAborted();
  const handle = await openAsync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const size = checkOpened(path, await handle.stat(), opts.maxBytes ?? maxFileBytes());
    const chunk = opts.chunkBytes ?? CHUNK_BYTES;
    const lines = new LineCarry(path);
    const read = async (length: number): Promise<Buffer> => {
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, null);
      return buffer.subarray(0, bytesRead);
    };
    let done = 0;
    while (done < size) {
      opts.signal?.throwIfAborted();
      const bytes = await read(Math.min(chunk, size - done));
      if (bytes.length === 0) break;
      done += bytes.length;
      const piece = lines.take(bytes);
      opts.onProgress?.(done, size);
      if (piece !== '') yield piece;
    }
    if ((await read(1)).length > 0) throw new DataFileError(path, `grew while being read: ${path}`);
    const rest = lines.end();
    if (rest !== '') yield rest;
  } finally {
    await handle.close();
  }
}

function readBytes(fd: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  return buffer.subarray(0, readSync(fd, buffer, 0, length, null));
}

/** Checked on the open descriptor, so a path swapped after validation is still refused. Returns the size. */
function checkOpened(path: string, stats: Stats, maxBytes: number): number {
  const kind = notRegular(stats);
  if (kind !== null) throw new DataFileError(path, `${kind}, not a regular file: ${path}`);
  if (stats.size > maxBytes) throw new DataFileError(path, tooBig(stats.size, maxBytes, path));
  return stats.size;
}

/** Longest line read: a CSV row is a few hundred bytes; a file without line breaks is not a CSV file. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
const LF = 0x0a;

/**
 * Hands back whole lines of the bytes read so far as text, keeping a partial last line (and the blank
 * lines before it) for later. Lines are cut on bytes: a LF is never part of a multi-byte UTF-8 character,
 * and Buffer decoding makes the same flat string readFileSync would, which the parser reads fastest.
 */
class LineCarry {
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly path: string) {}

  take(bytes: Buffer): string {
    const all = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    const cut = cutPoint(all);
    this.carry = Buffer.from(all.subarray(cut));
    if (this.carry.length > MAX_LINE_BYTES) {
      throw new DataFileError(this.path, `has a line of more than 16 MB (no line breaks?), so it is not a CSV file: ${this.path}`);
    }
    return all.toString('utf8', 0, cut);
  }

  end(): string {
    const rest = this.carry.toString('utf8');
    this.carry = Buffer.alloc(0);
    return rest;
  }
}

/**
 * Where a piece ends: just after the line end that follows the last non-blank byte of the complete
 * lines, so a partial last line and any blank lines before it wait for the next piece; 0 when there is none.
 */
function cutPoint(bytes: Buffer): number {
  let i = bytes.lastIndexOf(LF);
  while (i >= 0 && isBlank(bytes[i])) i--;
  return i < 0 ? 0 : bytes.indexOf(LF, i) + 1;
}

function isBlank(byte: number): boolean {
  return byte === 10 || byte === 13 || byte === 32 || byte === 9;
}
