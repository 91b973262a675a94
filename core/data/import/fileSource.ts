import { basename } from 'node:path';
import { DataFileError, dataFileSize } from '../csv/dataFile';
import { textChunksSync, type ReadTextOptions } from '../csv/textChunks';
import type { ImportIssue } from './analyzeImport';

/** A file to import, checked and ready to be read in pieces. */
export interface FileSource {
  name: string;
  size: number;
  pieces: Iterable<string>;
}

/**
 * Checks that `path` is a regular, readable file within the size limit (before opening it, so a FIFO or
 * a device cannot hang the import) and returns its pieces; otherwise the issue that refuses it.
 */
export function fileSource(path: string, opts: ReadTextOptions = {}): FileSource | ImportIssue {
  try {
    const size = dataFileSize(path, opts.maxBytes);
    return { name: basename(path), size, pieces: textChunksSync(path, opts) };
  } catch (err) {
    if (err instanceof DataFileError) return { message: err.message };
    throw err;
  }
}
