import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from './dataFile';
import { textChunks, textChunksSync } from './textChunks';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'text-chunks-'));
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const TEXT = 'Date,Note\r\n2020-01-02,café ☕ 😀\r\n2020-01-03,x\n\n\n2020-01-06,ünïcödé\n2020-01-07,last';

describe('textChunksSync', () => {
  it.each([1, 2, 3, 5, 7, 64, 4096])('gives back the whole text in pieces of whole lines (%i-byte reads)', (chunkBytes) => {
    const pieces = [...textChunksSync(file(`t${chunkBytes}.csv`, TEXT), { chunkBytes })];
    expect(pieces.join('')).toBe(TEXT);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith('\n')).toBe(true);
      // Blank lines travel with the data after them, so the reader sees them as "before more data".
      expect(piece.endsWith('\n\n')).toBe(false);
    }
  });

  it('reports progress in bytes up to the file size', () => {
    const p = file('progress.csv', TEXT);
    const seen: [number, number][] = [];
    Array.from(textChunksSync(p, { chunkBytes: 16, onProgress: (done, total) => seen.push([done, total]) }));
    const size = Buffer.byteLength(TEXT);
    expect(seen.at(-1)).toEqual([size, size]);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.length).toBe(Math.ceil(size / 16));
  });

  it('refuses a FIFO, a device and a folder from their fstat, without blocking', () => {
    expect(() => [...textChunksSync(path.join(dir, 'pipe'))]).toThrow(new DataFileError(path.join(dir, 'pipe'), `is a FIFO (named pipe), not a regular file: ${path.join(dir, 'pipe')}`));
    expect(() => [...textChunksSync('/dev/zero')]).toThrow('is a device, not a regular file: /dev/zero');
    expect(() => [...textChunksSync(dir)]).toThrow(`is a directory, not a regular file: ${dir}`);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => [...textChunksSync(file('big.csv', 'y'.repeat(3000)), { maxBytes: 2048 })]).toThrow(/^is 2\.9 KB, over the 2 KB limit for a data file \(set TRADEDESK_MAX_FILE_BYTES to change it\): /);
  });
});

describe('textChunks', () => {
  it('gives the same pieces as the sync reader', async () => {
    const p = file('async.csv', TEXT);
    const pieces: string[] = [];
    for await (const piece of textChunks(p, { chunkBytes: 5 })) pieces.push(piece);
    expect(pieces).toEqual([...textChunksSync(p, { chunkBytes: 5 })]);
  });

  it('stops with the abort reason when cancelled between chunks', async () => {
    const p = file('abort.csv', TEXT);
    const controller = new AbortController();
    const pieces: string[] = [];
    const read = async (): Promise<void> => {
      for await (const piece of textChunks(p, { chunkBytes: 8, signal: controller.signal })) {
        pieces.push(piece);
        controller.abort(new Error('import cancelled'));
      }
    };
    await expect(read()).rejects.toThrow('import cancelled');
    expect(pieces).toHaveLength(1);
  });

  it('refuses a FIFO without blocking', async () => {
    const read = async (): Promise<void> => {
      for await (const piece of textChunks(path.join(dir, 'pipe'))) expect(piece).toBe('never');
    };
    await expect(read()).rejects.toThrow('is a FIFO (named pipe), not a regular file');
  });
});
