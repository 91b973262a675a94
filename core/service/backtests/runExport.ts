import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { FIRST_KEY, getRunRowsAfter, type KeyedPage } from '../../store/queries';
import { equityCurve, runDetail, runPeriodReturns } from './runReads';

/** Rows read and formatted per turn of the event loop: about 10 ms of work for orders. */
const PAGE = 2_000;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every row of a run's table as CSV, read in key-ordered pages with a turn of the event loop between
 * them: a large run's fills take seconds to read and format, and the engine must keep answering
 * meanwhile. Pages are joined with `+`, which V8 keeps as a rope instead of copying a growing string.
 */
async function toCsv(fetch: (after: number) => KeyedPage<object>): Promise<string> {
  let csv = '';
  let header: string[] | null = null;
  for (let after = FIRST_KEY; ; ) {
    const { rows, last } = fetch(after);
    if (last === null) break;
    const lines: string[] = [];
    for (const r of rows) {
      const rec = r as Record<string, unknown>;
      if (!header) {
        header = Object.keys(rec);
        lines.push(header.join(','));
      }
      lines.push(header.map((k) => csvCell(rec[k])).join(','));
    }
    csv += `${lines.join('\n')}\n`;
    after = last;
    await nextTurn();
  }
  return csv === '' ? '\n' : csv;
}

export async function exportRun(db: Database.Database, runId: string, what: 'trades' | 'orders' | 'fills' | 'report') {
  const detail = runDetail(db, runId);
  const base = `${detail.name.replace(/[^\w.-]+/g, '_')}-${runId.slice(0, 8)}`;
  if (what === 'report') {
    const report = {
      run: detail,
      returns: runPeriodReturns(db, runId),
      equity: equityCurve(db, runId, 20_000),
    };
    return { filename: `${base}-report.json`, mime: 'application/json', content: JSON.stringify(report, null, 2) };
  }
  return {
    filename: `${base}-${what}.csv`,
    mime: 'text/csv',
    content: await toCsv((after) => getRunRowsAfter(db, runId, what, after, PAGE)),
  };
}
