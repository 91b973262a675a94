import type { LogEntryDto } from '../../../core/ipc/contract/trading';

export type LogLevel = LogEntryDto['level'];
/** '' shows everything; a level shows that level and the more serious ones. */
export type LevelFilter = '' | 'warning' | 'error';

const RANK: Record<LogLevel, number> = { info: 0, warning: 1, error: 2 };

/**
 * The IB message log as shown: newest first, only entries at or above the chosen level whose code
 * or text contains the query (case-insensitive).
 */
export function visibleLog(entries: readonly LogEntryDto[], query: string, level: LevelFilter): LogEntryDto[] {
  const q = query.trim().toLowerCase();
  const min = level === '' ? 0 : RANK[level];
  const out: LogEntryDto[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (RANK[e.level] < min) continue;
    if (q !== '' && !e.message.toLowerCase().includes(q) && !(e.code !== null && String(e.code).includes(q))) continue;
    out.push(e);
  }
  return out;
}
