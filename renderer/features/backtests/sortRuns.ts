import type { RunSummary } from '../../../core/ipc/contract/backtests';
import type { SortDir } from '../../components/table/pageWindow';

export type { SortDir };

/** The list's sortable columns and the value each sorts by (null: no value, always listed last). */
export const SORT_VALUES = {
  name: (r: RunSummary) => r.name.toLowerCase(),
  strategy: (r: RunSummary) => r.strategy.toLowerCase(),
  period: (r: RunSummary) => r.periodStart,
  totalReturn: (r: RunSummary) => r.metrics?.totalReturnPct ?? null,
  cagr: (r: RunSummary) => r.metrics?.cagrPct ?? null,
  sharpe: (r: RunSummary) => r.metrics?.sharpe ?? null,
  maxDrawdown: (r: RunSummary) => r.metrics?.maxDrawdownPct ?? null,
  trades: (r: RunSummary) => (r.metrics ? (r.metrics.closedTrades ?? 0) + (r.metrics.openTrades ?? 0) : null),
  status: (r: RunSummary) => r.status,
  createdAt: (r: RunSummary) => r.createdAt,
} satisfies Record<string, (r: RunSummary) => string | number | null>;

export type SortKey = keyof typeof SORT_VALUES;

export function isSortKey(key: string): key is SortKey {
  return Object.hasOwn(SORT_VALUES, key);
}

/** A sorted copy; ties keep the newest first so the order is stable across refreshes. */
export function sortRuns(runs: readonly RunSummary[], key: SortKey, dir: SortDir): RunSummary[] {
  const value = SORT_VALUES[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return (va < vb ? -1 : 1) * sign;
    }
    return b.createdAt - a.createdAt || a.id.localeCompare(b.id);
  });
}
