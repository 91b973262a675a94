import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from './runMain';

const before = process.exitCode;
afterEach(() => {
  process.exitCode = before;
  vi.restoreAllMocks();
});

const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runMain', () => {
  it('passes the arguments after the script and exits with the code main answers, at once or later', async () => {
    let seen: string[] = [];
    runMain((argv) => ((seen = argv), 2));
    expect(seen).toEqual(process.argv.slice(2));
    expect(process.exitCode).toBe(2);
    runMain(async () => 3);
    await settled();
    expect(process.exitCode).toBe(3);
  });

  it('prints an unhandled error as one line and exits 1, thrown or rejected', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    runMain(() => {
      throw new Error('no such file');
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    runMain(() => Promise.reject(new Error('socket closed')));
    await settled();
    expect(process.exitCode).toBe(1);
    expect(err.mock.calls.map(([line]) => line)).toEqual(['error: no such file\n', 'error: socket closed\n']);
  });
});
