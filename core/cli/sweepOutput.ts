import Table from 'cli-table3';
import type { FlatMetrics } from '../research/flatMetrics';
import type { OverfittingStats } from '../research/overfitting';
import type { SweepResultRow } from '../service/research/sweep';

/** An object's keys in snake_case, deeply: the CLI's JSON names everything so. */
export function snakeJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeJson);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeJson(x)]));
}

export interface SweepSummary {
  sweepId: string | null;
  status: string;
  objective: string;
  direction: 'max' | 'min';
  planned: number;
  rows: readonly SweepResultRow[];
  best: number | null;
  overfitting: OverfittingStats | null;
  elapsedMs: number;
  /** Of elapsedMs, the overfitting statistics' share. */
  statsMs: number | null;
  workers: number | null;
  db: string | null;
}

/** The documented `sweep --json` object. */
export function sweepJson(s: SweepSummary): Record<string, unknown> {
  const best = s.best === null ? null : s.rows[s.best];
  return {
    sweep_id: s.sweepId,
    status: s.status,
    objective: s.objective,
    combinations: s.rows.length,
    planned: s.planned,
    elapsed_ms: Math.round(s.elapsedMs * 1000) / 1000,
    stats_ms: s.statsMs === null ? null : Math.round(s.statsMs * 1000) / 1000,
    runs_per_second: s.elapsedMs > 0 ? Math.round((s.rows.length / s.elapsedMs) * 1000 * 10) / 10 : null,
    workers: s.workers,
    best: best ? { index: best.index, params: best.params, objective: best.objective, metrics: best.metrics } : null,
    overfitting: snakeJson(s.overfitting),
    db: s.db,
  };
}

const fmt = (v: number | null | undefined, digits = 3): string =>
  v === null || v === undefined ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** How many of the best combinations the terminal table lists. */
const TOP = 10;
const COLUMNS: [string, string, number][] = [
  ['sharpe', 'Sharpe', 3],
  ['cagr_pct', 'CAGR %', 2],
  ['max_drawdown_pct', 'max DD %', 2],
  ['closed_trades', 'trades', 0],
  ['final_equity', 'final equity', 2],
];

/** The best combinations and the overfitting readings, for a terminal. */
export function sweepTable(s: SweepSummary, paramNames: readonly string[]): string {
  const order = s.rows
    .map((_, i) => i)
    .filter((i) => s.rows[i].objective !== null)
    .sort((a, b) => {
      const d = (s.rows[b].objective ?? 0) - (s.rows[a].objective ?? 0);
      return (s.direction === 'min' ? -d : d) || s.rows[a].index - s.rows[b].index;
    })
    .slice(0, TOP);
  const columns = COLUMNS.filter(([k]) => k !== s.objective);
  const t = new Table({
    head: ['#', ...paramNames, s.objective, ...columns.map((c) => c[1])],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const i of order) {
    const r = s.rows[i];
    const m: FlatMetrics = r.metrics;
    t.push([String(r.index), ...paramNames.map((p) => String(r.params[p])), fmt(r.objective), ...columns.map(([k, , d]) => fmt(m[k], d))]);
  }
  const lines = [
    `${s.rows.length} of ${s.planned} combinations in ${(s.elapsedMs / 1000).toFixed(2)} s${s.workers ? ` on ${s.workers} workers` : ''} (${s.status}); best by ${s.objective}:`,
    t.toString(),
  ];
  if (s.overfitting?.deflatedSharpe) lines.push(s.overfitting.deflatedSharpe.reading);
  if (s.overfitting?.pbo) lines.push(s.overfitting.pbo.reading);
  return lines.join('\n');
}

