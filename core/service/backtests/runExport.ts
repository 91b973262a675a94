import type Database from 'better-sqlite3';
import { getRunFills, getRunOrders, getRunTrades } from '../../store/queries';
import { equityCurve, runDetail, runPeriodReturns } from './runReads';

const PAGE = 10_000;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every row of a run's table as CSV, read page by page so memory stays flat. */
function toCsv<R extends object>(fetch: (offset: number) => R[]): string {
  const lines: string[] = [];
  let header: string[] | null = null;
  for (let offset = 0; ; offset += PAGE) {
    const rows = fetch(offset);
    for (const r of rows) {
      const rec = r as Record<string, unknown>;
      if (!header) {
        header = Object.keys(rec);
        lines.push(header.join(','));
      }
      lines.push(header.map((k) => csvCell(rec[k])).join(','));
    }
    if (rows.length < PAGE) break;
  }
  return `${lines.join('\n')}\n`;
}

export function exportRun(db: Database.Database, runId: string, what: 'trades' | 'orders' | 'fills' | 'report') {
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
  const fetchers = {
    trades: (offset: number) => getRunTrades(db, runId, { offset, limit: PAGE }),
    orders: (offset: number) => getRunOrders(db, runId, { offset, limit: PAGE }),
    fills: (offset: number) => getRunFills(db, runId, { offset, limit: PAGE }),
  } as const;
  return { filename: `${base}-${what}.csv`, mime: 'text/csv', content: toCsv<object>(fetchers[what]) };
}
