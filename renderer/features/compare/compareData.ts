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

/** Which way a metric is better; 'neutral' for what is not a merit in itself (costs, activity, size). */
export type Better = 'higher' | 'lower' | 'neutral';

export interface MetricRow {
  key: keyof RunMetrics & string;
  label: string;
  format: (v: number | null | undefined) => string;
  better: Better;
}

const days = (v: number | null | undefined): string => (v === null || v === undefined ? fmtDuration(v) : `${fmtInt(v)} d`);

/**
 * The compared metrics and, the one place it is defined, which way each is better. Costs are neutral:
 * lower commissions come with fewer or smaller trades, which is no merit; final equity depends on the
 * initial cash, so the returns rank the runs instead.
 */
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
  { key: 'exposureTimePct', label: 'Exposure time', format: fmtPct, better: 'neutral' },
  { key: 'turnover', label: 'Turnover (annual)', format: (v) => (v === null || v === undefined ? fmtNumber(v) : `${fmtNumber(v)}×`), better: 'neutral' },
  { key: 'closedTrades', label: 'Closed trades', format: fmtInt, better: 'neutral' },
  { key: 'winRatePct', label: 'Win rate', format: fmtPct, better: 'higher' },
  { key: 'profitFactor', label: 'Profit factor', format: fmtRatio, better: 'higher' },
  { key: 'expectancy', label: 'Expectancy', format: fmtNumber, better: 'higher' },
  { key: 'sqn', label: 'SQN', format: fmtNumber, better: 'higher' },
  { key: 'commissions', label: 'Commissions', format: fmtNumber, better: 'neutral' },
  { key: 'slippage', label: 'Slippage', format: fmtNumber, better: 'neutral' },
  { key: 'finalEquity', label: 'Final equity', format: fmtNumber, better: 'neutral' },
];

/** Indexes of the best values (ties all win); none for a neutral metric, when fewer than two runs have a value, or when all are equal. */
export function bestIndexes(values: readonly (number | null | undefined)[], better: Better): number[] {
  if (better === 'neutral') return [];
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length < 2) return [];
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return [];
  return values.flatMap((v, i) => (v === best ? [i] : []));
}

/**
 * The value axis for the overlaid curves: the lowest and highest return any run reaches, with a
 * twentieth of the range as margin, so no run is squeezed against an edge or the plot padded with
 * empty space. A flat set gets ±1 point.
 */
export function valueDomain(rows: readonly OverlayRow[], runIds: readonly string[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const id of runIds) {
      const v = row[id];
      if (typeof v === 'number' && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (lo === Infinity) return [-1, 1];
  const pad = hi > lo ? (hi - lo) / 20 : 1;
  return [lo - pad, hi + pad];
}

/** A number from the metrics record, which may also hold strings for metrics the form does not know. */
export function metricValue(metrics: RunMetrics | null, key: string): number | null {
  const v = metrics?.[key];
  return typeof v === 'number' ? v : null;
}

/** Round-number ticks inside a domain: the largest step of 1, 2 or 5 × a power of ten that still gives about `count` of them. */
export function valueTicks([lo, hi]: readonly [number, number], count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const most = span / (count - 1);
  const mag = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].map((m) => m * mag).find((s) => s <= most) ?? mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  return ticks;
}
