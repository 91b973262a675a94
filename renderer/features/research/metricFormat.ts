import { fmtInt, fmtNumber, fmtPct, fmtRatio, fmtSignedPct } from '../../components/common/format';
import { humanize } from '../newBacktest/fieldModel';

/** A sweep's flat metrics (snake_case, as the backtest CLI's `--json` names them). */
export type FlatMetrics = Record<string, number | null>;

export interface MetricDef {
  name: string;
  /** Column header: short, a table has many. */
  label: string;
  format: (v: number | null | undefined) => string;
}

/** The metrics a results table shows beside the objective, in reading order. */
export const KEY_METRICS: MetricDef[] = [
  { name: 'total_return_pct', label: 'Return', format: fmtSignedPct },
  { name: 'cagr_pct', label: 'CAGR', format: fmtSignedPct },
  { name: 'sharpe', label: 'Sharpe', format: fmtRatio },
  { name: 'sortino', label: 'Sortino', format: fmtRatio },
  { name: 'calmar', label: 'Calmar', format: fmtRatio },
  { name: 'max_drawdown_pct', label: 'Max DD', format: fmtPct },
  { name: 'win_rate_pct', label: 'Win rate', format: fmtPct },
  { name: 'closed_trades', label: 'Trades', format: fmtInt },
  { name: 'final_equity', label: 'Final equity', format: fmtNumber },
];

/** Any metric by name: a known one as the table shows it, a `_pct` one as a percent, else a ratio. */
export function formatMetric(name: string, v: number | null | undefined): string {
  const known = KEY_METRICS.find((m) => m.name === name);
  if (known) return known.format(v);
  return name.endsWith('_pct') ? fmtPct(v) : fmtRatio(v);
}

export interface ObjectiveInfo {
  name: string;
  label: string;
  direction: 'max' | 'min';
}

/** The objective as `research.objectives` describes it; an unknown name reads as its words, maximised. */
export function objectiveInfo(name: string, objectives: readonly ObjectiveInfo[] | undefined): ObjectiveInfo {
  return objectives?.find((o) => o.name === name) ?? { name, label: humanize(name), direction: 'max' };
}

/** A parameter value as a cell shows it. */
export function fmtParam(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(8)));
  return String(v);
}

/** `fast=10, slow=30`, for tooltips and labels. */
export function paramsText(params: Record<string, unknown>, names: readonly string[]): string {
  return names.map((n) => `${n}=${fmtParam(params[n])}`).join(', ');
}
