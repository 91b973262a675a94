import type { SpecIssue } from '../../../core/ipc/contract/backtests';

export interface PlacedIssues {
  /** Messages per field or section path. */
  byPath: Map<string, string[]>;
  /** Issues no field or section claims: listed by the Launch button so none goes unseen. */
  unplaced: SpecIssue[];
}

/**
 * Puts each issue next to the input it is about: the longest known path that equals the issue's
 * path or is a dotted prefix of it (`data.csv.0.symbol` → `data.csv`; `strategy` → the section).
 */
export function placeIssues(issues: readonly SpecIssue[], knownPaths: readonly string[]): PlacedIssues {
  const byLength = [...knownPaths].sort((a, b) => b.length - a.length);
  const byPath = new Map<string, string[]>();
  const unplaced: SpecIssue[] = [];
  for (const issue of issues) {
    const home = byLength.find((p) => issue.path === p || issue.path.startsWith(`${p}.`));
    if (home === undefined) {
      unplaced.push(issue);
      continue;
    }
    const list = byPath.get(home) ?? [];
    list.push(issue.message);
    byPath.set(home, list);
  }
  return { byPath, unplaced };
}

/** The issues of several checks as one list, each message once per path (two checks may both find a file missing). */
export function mergeIssues(...lists: (readonly SpecIssue[])[]): SpecIssue[] {
  const seen = new Set<string>();
  return lists.flat().filter((i) => {
    const key = `${i.path}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
