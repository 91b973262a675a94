import { openDatabase } from '../../../store/db';
import { importText } from '../../data/dataService';
import type { ImportTaskInput, ImportTaskResult } from './messages';

/** Runs the data service's import against the worker's own connection, so parsing and writing never block the engine. */
export function runImport(input: ImportTaskInput, onProgress: (done: number, total: number) => void): ImportTaskResult {
  const db = openDatabase(input.dbPath);
  try {
    return importText(db, input.input, onProgress);
  } finally {
    db.close();
  }
}
