import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp directory for a test's database files, and its cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tradedesk-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
