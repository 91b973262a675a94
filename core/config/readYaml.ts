import { readFileSync } from 'node:fs';
import { DataFileError, dataFileSize, formatBytes } from '../data/csv/dataFile';
import { parseDocument } from 'yaml';
import { ConfigError } from './ConfigError';

/** Far more than any hand-written config; a bigger "config" is some other file given by mistake. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads and parses a YAML file; syntax errors become a ConfigError with line and column. The file must be
 * a regular file of at most 1 MB, checked before it is opened (reading a FIFO would block for ever).
 */
export function readYamlFile(file: string): unknown {
  let size: number;
  try {
    size = dataFileSize(file, Number.POSITIVE_INFINITY);
  } catch (err) {
    if (!(err instanceof DataFileError)) throw err;
    throw new ConfigError(file, [{ path: '', message: `cannot read file: ${err.reason}` }]);
  }
  if (size > MAX_CONFIG_BYTES) throw new ConfigError(file, [{ path: '', message: `is ${formatBytes(size)}: a config file is at most 1 MB` }]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [{ path: '', message: `cannot read file: ${(err as Error).message}` }]);
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        const where = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
        return { path: '', message: `YAML syntax error at ${where}${firstLine(err.message)}` };
      }),
    );
  }
  return doc.toJS();
}

/** The yaml package appends the position and a source excerpt; the prefix already says where. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
