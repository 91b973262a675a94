import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportRejectedError, importFile } from './importBars';
import { previewFile } from './previewImport';
import { storeSnapshot, tempStore } from './testStore';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'import-files-'));
  execFileSync('mkfifo', [path.join(dir, 'PIPE.csv')]);
  mkdirSync(path.join(dir, 'FOLDER.csv'));
  writeFileSync(path.join(dir, 'SPARSE.csv'), '');
  truncateSync(path.join(dir, 'SPARSE.csv'), 10_000);
});
let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.close());

function refusal(file: string, maxBytes?: number): string[] {
  const before = storeSnapshot(store.db);
  try {
    importFile(store.db, file, {}, { replace: false, maxBytes });
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(storeSnapshot(store.db)).toEqual(before);
    return (err as Error).message.split('\n');
  }
  throw new Error('expected the import to be refused');
}

describe('an import reads only regular files within the size limit', () => {
  it('refuses a FIFO, a device and a folder without opening them', () => {
    expect(refusal(path.join(dir, 'PIPE.csv'))).toEqual(['PIPE.csv was not imported:', `  is a FIFO (named pipe), not a regular file: ${path.join(dir, 'PIPE.csv')}`]);
    expect(refusal('/dev/zero')).toEqual(['zero was not imported:', '  is a device, not a regular file: /dev/zero']);
    expect(refusal(path.join(dir, 'FOLDER.csv'))).toEqual(['FOLDER.csv was not imported:', `  is a directory, not a regular file: ${path.join(dir, 'FOLDER.csv')}`]);
  });

  it('refuses a file over the limit, naming the limit and how to change it', () => {
    expect(refusal(path.join(dir, 'SPARSE.csv'), 4096)).toEqual([
      'SPARSE.csv was not imported:',
      `  is 9.8 KB, over the 4 KB limit for a data file (set TRADEDESK_MAX_FILE_BYTES to change it): ${path.join(dir, 'SPARSE.csv')}`,
    ]);
  });

  it('refuses a file without line breaks, found while reading it', () => {
    const file = path.join(dir, 'ONELINE.csv');
    writeFileSync(file, `Date,Open,High,Low,Close,Volume\n${'7'.repeat(17 * 1024 * 1024)}`);
    expect(refusal(file)).toEqual(['ONELINE.csv was not imported:', `  has a line of more than 16 MB (no line breaks?), so it is not a CSV file: ${file}`]);
  });

  it('a preview of such a file is invalid with the same reason', () => {
    const p = previewFile(path.join(dir, 'PIPE.csv'));
    expect([p.valid, p.head, p.errors]).toEqual([false, [], [{ message: `is a FIFO (named pipe), not a regular file: ${path.join(dir, 'PIPE.csv')}` }]]);
    const oneLine = path.join(dir, 'ONELINE-PREVIEW.csv');
    writeFileSync(oneLine, `Date,Open,High,Low,Close,Volume\n${'7'.repeat(17 * 1024 * 1024)}`);
    expect(previewFile(oneLine).errors).toEqual([{ message: `has a line of more than 16 MB (no line breaks?), so it is not a CSV file: ${oneLine}` }]);
  });

  it('the data CLI says so and exits 1, with TRADEDESK_MAX_FILE_BYTES as the limit', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const cli = (file: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'core/cli/tradedesk.ts'), 'data', 'import', file, '--db', path.join(store.dir, 'cli.db')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const pipe = cli(path.join(dir, 'PIPE.csv'));
    expect([pipe.status, pipe.stderr]).toEqual([1, `error: PIPE.csv was not imported:\n  is a FIFO (named pipe), not a regular file: ${path.join(dir, 'PIPE.csv')}\n`]);
    const big = cli(path.join(dir, 'SPARSE.csv'), { TRADEDESK_MAX_FILE_BYTES: '5000' });
    expect(big.status).toBe(1);
    expect(big.stderr).toContain('is 9.8 KB, over the 4.9 KB limit for a data file (set TRADEDESK_MAX_FILE_BYTES to change it)');
  });
});
