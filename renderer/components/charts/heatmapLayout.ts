import { withMinus } from '../common/format';

/** The monthly returns heatmap as a grid: one row per year, twelve month cells and the year's total. */

export interface MonthlyReturn {
  year: number;
  month: number;
  returnPct: number;
}
export interface YearlyReturn {
  year: number;
  returnPct: number;
}

export interface HeatmapRow {
  year: number;
  /** Index 0 = January; null where the run has no data for that month. */
  months: (number | null)[];
  total: number | null;
}

export interface HeatmapLayout {
  rows: HeatmapRow[];
  /** The |return| that gets full colour; larger values saturate. */
  scale: number;
}

/** Years ascending, as the run ran; months placed by their calendar month. */
export function heatmapLayout(monthly: readonly MonthlyReturn[], yearly: readonly YearlyReturn[]): HeatmapLayout {
  const byYear = new Map<number, HeatmapRow>();
  const row = (year: number): HeatmapRow => {
    let r = byYear.get(year);
    if (!r) {
      r = { year, months: Array.from({ length: 12 }, () => null), total: null };
      byYear.set(year, r);
    }
    return r;
  };
  for (const m of monthly) {
    if (m.month >= 1 && m.month <= 12) row(m.year).months[m.month - 1] = m.returnPct;
  }
  for (const y of yearly) row(y.year).total = y.returnPct;
  const rows = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { rows, scale: colourScale(monthly.map((m) => m.returnPct)) };
}

/**
 * The 90th percentile of |monthly return|, at least 1 %: one freak month must not wash out the
 * rest, and a quiet strategy must not look dramatic.
 */
export function colourScale(values: readonly number[]): number {
  const abs = values.filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
  if (abs.length === 0) return 1;
  const p90 = abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.9))];
  return Math.max(1, p90);
}

const POS = [8, 153, 129] as const;
const NEG = [242, 54, 69] as const;

/** Green for gains, red for losses, more opaque the larger the move; transparent for zero or no data. */
export function heatColour(value: number | null, scale: number): string {
  if (value === null || !Number.isFinite(value) || value === 0) return 'transparent';
  const strength = Math.min(1, Math.abs(value) / scale);
  const alpha = Math.round((0.12 + 0.73 * strength) * 100) / 100;
  const [r, g, b] = value > 0 ? POS : NEG;
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A cell's text: one decimal, the minus sign on losses, and a tiny loss shows as 0.0 rather than −0.0. */
export function heatCellText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 10) / 10;
  return withMinus((rounded === 0 ? 0 : rounded).toFixed(1));
}
