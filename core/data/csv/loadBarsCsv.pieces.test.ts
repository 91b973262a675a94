import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from './dataFile';
import { FIXTURE_DATA_DIR } from './fixtureDataProfile';
import { loadBarsCsv, loadBarsCsvAsync } from './loadBarsCsv';
import { parseBarsCsv } from './parseBarsCsv';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bars-pieces-'));
});

const HEADER = 'Date,Open,High,Low,Close,Volume';
/** `n` valid daily rows from 2001-01-01 on. */
function rows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},10,11,9,10.5,${100 + i}`);
}
function write(name: string, lines: string[]): { file: string; text: string } {
  const file = path.join(dir, name);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return { file, text };
}
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

const PIECE_SIZES = [40, 97, 1000, 65_536];

describe('loadBarsCsv reads a file in pieces', () => {
  const dataFiles = readdirSync(FIXTURE_DATA_DIR).filter((f) => /\.(csv|txt)$/.test(f));
  it.each(dataFiles)('%s gives the same series in 4 KB pieces as in one', (name) => {
    const file = path.join(FIXTURE_DATA_DIR, name);
    expect(loadBarsCsv(file, { chunkBytes: 4096 })).toEqual(loadBarsCsv(file));
  });

  const broken: { name: string; lines: string[] }[] = [
    { name: 'a bad value late in the file', lines: [HEADER, ...rows(300), '2002-01-01,10,11,9,abc,1', ...rows(5).map((r) => r.replace('2001', '2003'))] },
    { name: 'a row earlier than the one before', lines: [HEADER, ...rows(200), '2001-03-01,10,11,9,10,1'] },
    { name: 'a blank line before more data', lines: [HEADER, ...rows(150), '', '', '2005-01-01,10,11,9,10,1'] },
    { name: 'a short row', lines: [HEADER, ...rows(250), '2005-01-01,10,11,9'] },
  ];
  it.each(broken)('names the same line and column whatever the pieces: $name', ({ name, lines }) => {
    const { file, text } = write(`${name.replace(/ /g, '-')}.csv`, lines);
    const whole = errorOf(() => parseBarsCsv(text, { file, symbol: 'X' }));
    expect(whole).toMatch(/^.*:\d+: column/);
    for (const chunkBytes of PIECE_SIZES) expect(errorOf(() => loadBarsCsv(file, { chunkBytes })), `${chunkBytes}-byte pieces`).toBe(whole);
  });

  it('says what is wrong with a path that is not a usable file', () => {
    expect(() => loadBarsCsv(path.join(dir, 'missing.csv'))).toThrow(new DataFileError(path.join(dir, 'missing.csv'), `no such file: ${path.join(dir, 'missing.csv')}`));
    expect(() => loadBarsCsv(dir)).toThrow(`is a directory, not a regular file: ${dir}`);
    const { file } = write('limit.csv', [HEADER, ...rows(100)]);
    expect(() => loadBarsCsv(file, { maxBytes: 1024 })).toThrow(/^is 2\.8 KB, over the 1 KB limit for a data file \(set TRADEDESK_MAX_FILE_BYTES to change it\): /);
  });

  it('refuses a file without line breaks instead of building one huge line', () => {
    const file = path.join(dir, 'one-line.csv');
    writeFileSync(file, `${HEADER}\n${'9'.repeat(17 * 1024 * 1024)}`);
    expect(() => loadBarsCsv(file)).toThrow(`has a line of more than 16 MB (no line breaks?), so it is not a CSV file: ${file}`);
  });
});

describe('loadBarsCsvAsync', () => {
  it('gives the same series as loadBarsCsv, with progress up to the file size', async () => {
    const { file, text } = write('async.csv', [HEADER, ...rows(400)]);
    const progress: number[] = [];
    const series = await loadBarsCsvAsync(file, { chunkBytes: 2048, onProgress: (done) => progress.push(done) });
    expect(series).toEqual(loadBarsCsv(file));
    expect(progress.at(-1)).toBe(Buffer.byteLength(text));
    expect(progress.length).toBeGreaterThan(5);
  });

  it('is cancelled by its AbortSignal', async () => {
    const { file } = write('cancel.csv', [HEADER, ...rows(400)]);
    const controller = new AbortController();
    const load = loadBarsCsvAsync(file, { chunkBytes: 1024, signal: controller.signal, onProgress: () => controller.abort(new Error('cancelled by the user')) });
    await expect(load).rejects.toThrow('cancelled by the user');
  });
});
