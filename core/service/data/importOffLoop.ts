import type Database from 'better-sqlite3';
import type { ImportResult } from '../../data/import/importBars';
import type { ImportTaskResult } from '../backtests/worker/messages';
import { runTask } from '../backtests/worker/runTask';
import { importText } from './dataService';
import type { ImportTextInput } from './schemas';

/**
 * Uploads up to this many characters import on the engine thread: a file this small parses and
 * stores in tens of milliseconds, less than starting a worker would take.
 */
export const INLINE_IMPORT_MAX_CHARS = 1_000_000;

/**
 * The data screen's import, with a large upload parsed and stored in a worker thread (on its own
 * connection) so the engine's event loop keeps answering; errors keep their ApiError codes.
 */
export async function importTextOffLoop(
  db: Database.Database,
  input: ImportTextInput,
  onProgress?: (done: number, total: number) => void,
  inlineMaxChars: number = INLINE_IMPORT_MAX_CHARS,
): Promise<ImportResult> {
  const small = typeof input.text !== 'string' || input.text.length <= inlineMaxChars;
  // Another thread cannot open an in-memory database.
  if (small || db.memory) return importText(db, input, onProgress);
  return runTask<ImportTaskResult>({ task: 'import', input, dbPath: db.name }, onProgress);
}
