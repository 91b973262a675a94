/** One problem found in a config file, located by its dotted key path ("" for the whole document). */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * A config file that cannot be used. `message` lists every issue, one per line, as
 * `file: key.path: what is wrong`, so a user can fix them all in one pass.
 */
export class ConfigError extends Error {
  readonly file: string;
  /** Key path of the first issue. */
  readonly path: string;
  readonly issues: readonly ConfigIssue[];

  constructor(file: string, issues: readonly ConfigIssue[]) {
    if (issues.length === 0) throw new Error('ConfigError needs at least one issue');
    super(issues.map((issue) => formatIssue(file, issue)).join('\n'));
    this.name = 'ConfigError';
    this.file = file;
    this.path = issues[0].path;
    this.issues = issues;
  }
}

function formatIssue(file: string, issue: ConfigIssue): string {
  return issue.path === '' ? `${file}: ${issue.message}` : `${file}: ${issue.path}: ${issue.message}`;
}
