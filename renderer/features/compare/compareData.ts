import type { RunMetrics } from '../../../core/ipc/contract/backtests';
import { fmtDuration, fmtInt, fmtNumber, fmtPct, fmtRatio, fmtSignedPct } from '../../components/common/format';

export interface CompareCurve {
  runId: string;
  ts: readonly number[];
  value: readonly number[];
}

/** One row per timestamp any run has, with each run's return in percent under its id (absent where it has no point). */
export type OverlayRow = { t: number } & Record<string, number>;

/** Normalised curves (equity / initial cash) on their own time axes → rows on the union axis, as % return. */
export function overlayRows(curves: readonly CompareCurve[]): OverlayRow[] {
  const byTs = new Map<number, OverlayRow>();
  for (const c of curves) {
    for (let i = 0; i < c.ts.length; i++) {
      let row = byTs.get(c.ts[i]);
      if (!row) {
        row = { t: c.ts[i] } as OverlayRow;
        byTs.set(c.ts[i], row);
      }
      row[c.runId] = (c.value[i] - 1) * 100;
    }
  }
  return [...byTs.values()].sort((a, b) => a.t - b.t);
}

type Better = 'higher' | 'lower';

export interface MetricRow {
  key: keyof RunMetrics & string;
  label: string;
  format: (v: number | null | undefined) => string;
  /** Which way is better; absent: shown but not ranked. */
  better?: Better;
}

const days = (v: number | null | undefined): string => (v === null || v === undefined ? fmtDuration(v) : `${fmtInt(v)} d`);

export const COMPARE_METRICS: MetricRow[] = [
  { key: 'totalReturnPct', label: 'Total return', format: fmtSignedPct, better: 'higher' },
  { key: 'cagrPct', label: 'CAGR', format: fmtSignedPct, better: 'higher' },
  { key: 'annualVolatilityPct', label: 'Annual volatility', format: fmtPct, better: 'lower' },
  { key: 'sharpe', label: 'Sharpe', format: fmtRatio, better: 'higher' },
  { key: 'sortino', label: 'Sortino', format: fmtRatio, better: 'higher' },
  { key: 'calmar', label: 'Calmar', format: fmtRatio, better: 'higher' },
  // Drawdowns are negative percents: the one closest to zero is best.
  { key: 'maxDrawdownPct', label: 'Max drawdown', format: fmtPct, better: 'higher' },
  { key: 'maxDrawdownDurationDays', label: 'Max drawdown duration', format: days, better: 'lower' },
  { key: 'exposureTimePct', label: 'Exposure time', format: fmtPct },
  { key: 'turnover', label: 'Turnover (annual)', format: (v) => (v === null || v === undefined ? fmtNumber(v) : `${fmtNumber(v)}×`) },
  { key: 'closedTrades', label: 'Closed trades', format: fmtInt },
  { key: 'winRatePct', label: 'Win rate', format: fmtPct, better: 'higher' },
  { key: 'profitFactor', label: 'Profit factor', format: fmtRatio, better: 'higher' },
  { key: 'expectancy', label: 'Expectancy', format: fmtNumber, better: 'higher' },
  { key: 'sqn', label: 'SQN', format: fmtNumber, better: 'higher' },
  { key: 'commissions', label: 'Commissions', format: fmtNumber, better: 'lower' },
  { key: 'slippage', label: 'Slippage', format: fmtNumber, better: 'lower' },
  { key: 'finalEquity', label: 'Final equity', format: fmtNumber, better: 'higher' },
];

/** Indexes of the best values (ties all win); none when fewer than two runs have a value or all are equal. */
export function bestIndexes(values: readonly (number | null | undefined)[], better: Better | undefined): number[] {
  if (!better) return [];
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length < 2) return [];
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return [];
  return values.flatMap((v, i) => (v === best ? [i] : []));
}

/** A number from the metrics record, which may also hold strings for metrics the form does not know. */
export function metricValue(metrics: RunMetrics | null, key: string): number | null {
  const v = metrics?.[key];
  return typeof v === 'number' ? v : null;
}
