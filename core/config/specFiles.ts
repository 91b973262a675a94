import { dataFileProblem, maxFileBytes } from '../data/csv/dataFile';
import { BUILTIN_STRATEGIES } from '../strategy/registry';
import type { ConfigIssue } from './ConfigError';
import type { ResolvedSpec } from './loadSpec';

/** Builtin strategy params that name a file the strategy reads: `file` or ending in `_file`. */
const FILE_PARAM = /(^|_)file$/;

/**
 * What a spec refers to outside itself, checked from stat alone before anything runs: each data file
 * exists and is a regular file within the size limit, the strategy is a known built-in or an existing
 * module. Each issue carries its key path; `raw` is the spec as written, which says whether data.csv is a
 * list (paths data.csv.N.csv) or one path (data.csv).
 */
export function specFileIssues(spec: ResolvedSpec, raw: unknown): ConfigIssue[] {
  const { data, strategy } = spec;
  const csvIsList = Array.isArray((raw as { data?: { csv?: unknown } } | null)?.data?.csv);
  const issues: ConfigIssue[] = [];
  const limit = maxFileBytes();
  const check = (path: string, file: string, maxBytes = limit): void => {
    const problem = dataFileProblem(file, maxBytes);
    if (problem !== null) issues.push({ path, message: problem });
  };
  if (data.kind === 'csv') {
    data.files.forEach((f, i) => check(csvIsList ? `data.csv.${i}.csv` : 'data.csv', f.path));
  }
  // A database is read by SQLite a page at a time, so the size limit for text files does not apply.
  if (data.kind === 'store' && data.db !== null) check('data.store.db', data.db, Number.POSITIVE_INFINITY);
  if (strategy.kind === 'module') {
    check('strategy.module', strategy.module);
    return issues;
  }
  if (!BUILTIN_STRATEGIES.some((s) => s.name === strategy.name)) {
    const known = BUILTIN_STRATEGIES.map((s) => s.name).join(', ');
    issues.push({ path: 'strategy.name', message: `unknown strategy "${strategy.name}"; known: ${known}` });
    return issues;
  }
  for (const [key, value] of Object.entries(strategy.params)) {
    if (typeof value === 'string' && FILE_PARAM.test(key)) check(`strategy.params.${key}`, value);
  }
  return issues;
}
