import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ConfigError } from './ConfigError';

/** Reads and parses a YAML file; syntax errors become a ConfigError with line and column. */
export function readYamlFile(file: string): unknown {
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
