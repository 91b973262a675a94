import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temp directory for a test's database files, and its cleanup. The cleanup retries: a run left
 * unfinished keeps its lease, whose keeper thread may touch the database's -wal/-shm files while they go.
 */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tradedesk-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }) };
}

/** What createRun needs, for tests that only need some run to write into. */
export function testRunInput(sessionsTotal = 1) {
  return {
    name: 'r',
    strategy: 's',
    config: {},
    seed: 1,
    dataFingerprint: 'f',
    appVersion: '0',
    periodStart: 0,
    periodEnd: 1,
    sessionsTotal,
  };
}
