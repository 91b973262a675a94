import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logFor } from './log';
import { openLogFile } from './logFile';
import { logFiles, readLogTail } from './readLog';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-log-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the log file', () => {
  it('writes each line as JSON with level, time, component and msg into <data dir>/logs', async () => {
    const file = await openLogFile({ dataDir });
    const before = Date.now();
    logFor('host').info('host started', { dbPath: '/x/tradedesk.db' });
    logFor('ib').debug('below the level: dropped');
    logFor('ib').error('connection lost', { code: 1100 });
    await file.close();
    const files = logFiles(path.join(dataDir, 'logs'));
    expect(files).toHaveLength(1);
    expect(path.basename(files[0])).toMatch(/^tradedesk\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    const lines = readFileSync(files[0], 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { level: 'info', time: expect.any(Number), pid: process.pid, component: 'host', dbPath: '/x/tradedesk.db', msg: 'host started' },
      { level: 'error', time: expect.any(Number), pid: process.pid, component: 'ib', code: 1100, msg: 'connection lost' },
    ]);
    expect(lines[0].time).toBeGreaterThanOrEqual(before);
  });

  it('stops writing once closed: later lines go nowhere', async () => {
    const file = await openLogFile({ dataDir });
    logFor('host').warn('kept');
    await file.close();
    logFor('host').warn('after close');
    expect(readLogTail(file.dir, { limit: 10 }).map((e) => e.msg)).toEqual(['kept']);
  });

  it('rotates at the size limit and keeps the configured number of files', async () => {
    const file = await openLogFile({ dataDir, size: '1k', keep: 2 });
    const log = logFor('jobs');
    for (let i = 0; i < 60; i++) {
      log.info(`job ${i} ended`, { padding: 'x'.repeat(100) });
      // Rotation happens when a write completes: give each batch time to land.
      if (i % 5 === 4) await settle(20);
    }
    await settle(100);
    await file.close();
    // Old files are deleted after a roll, asynchronously: wait until the folder stops changing.
    let files = logFiles(file.dir);
    for (let tries = 0; tries < 50; tries++) {
      await settle(20);
      const now = logFiles(file.dir);
      if (now.join() === files.join()) break;
      files = now;
    }
    // ~8 kB written in 1 kB files: it rolled, at most the current file and `keep` older ones remain
    // (fewer when a loaded machine batched the writes into fewer rolls), and the oldest lines are gone.
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files.map((f) => readFileSync(f, 'utf8')).join('')).not.toContain('"job 0 ended"');
    // The current file may have just been started empty: the tail reads on into the older ones.
    expect(readLogTail(file.dir, { limit: 2 }).map((e) => e.msg)).toEqual(['job 58 ended', 'job 59 ended']);
  });
});

describe('a log that cannot be opened', () => {
  it('does not stop the caller: it says why once on stderr, and lines go nowhere', async () => {
    writeFileSync(path.join(dataDir, 'logs'), 'a file where the folder should be');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const file = await openLogFile({ dataDir });
      expect(file.error).toMatch(/^the log in .*logs could not be opened: /);
      expect(stderr.mock.calls.map(([line]) => String(line))).toEqual([`warning: ${file.error}\n`]);
      logFor('host').error('nowhere to go');
      await file.close();
      expect(readLogTail(file.dir, { limit: 10 })).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('readLogTail', () => {
  it('answers the last N entries at or above a level and since a time, oldest first, skipping junk lines', () => {
    const dir = path.join(dataDir, 'logs');
    const line = (time: number, level: string, msg: string, extra: Record<string, unknown> = {}): string =>
      JSON.stringify({ level, time, pid: 1, component: 'ib', ...extra, msg });
    mkdirLogs(dir, {
      'tradedesk.2026-12-06.1.log': [line(1, 'info', 'yesterday'), line(2, 'error', 'yesterday error')],
      'tradedesk.2026-12-07.1.log': [line(3, 'info', 'a'), 'not json', line(4, 'warn', 'b', { code: 2110 })],
      'tradedesk.2026-12-07.2.log': [line(5, 'debug', 'c'), '{"half":', line(6, 'error', 'd')],
      'other.log': [line(7, 'fatal', 'not ours')],
    });
    expect(readLogTail(dir, { limit: 3 }).map((e) => e.msg)).toEqual(['b', 'c', 'd']);
    expect(readLogTail(dir, { limit: 100, level: 'error' }).map((e) => e.msg)).toEqual(['yesterday error', 'd']);
    expect(readLogTail(dir, { limit: 100, since: 4, level: 'info' })).toEqual([
      { time: 4, level: 'warn', component: 'ib', msg: 'b', detail: '{"code":2110}' },
      { time: 6, level: 'error', component: 'ib', msg: 'd', detail: null },
    ]);
    expect(readLogTail(path.join(dataDir, 'none'), { limit: 5 })).toEqual([]);
  });
});

function mkdirLogs(dir: string, files: Record<string, string[]>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(files)) writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
}
