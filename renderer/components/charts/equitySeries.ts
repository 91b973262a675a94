import type { LineData, UTCTimestamp } from 'lightweight-charts';
import { lineSeries, toUtc } from './lwSeries';

export interface EquityCurveInput {
  ts: readonly number[];
  equity: readonly number[];
  benchmark: readonly (number | null)[];
  drawdownPct: readonly number[];
}

export interface EquitySeries {
  equity: LineData<UTCTimestamp>[];
  benchmark: LineData<UTCTimestamp>[];
  /** Drawdown stays linear: it is a percentage at or below zero. */
  drawdown: LineData<UTCTimestamp>[];
  /** Points of equity or benchmark at or below zero left out of a log scale. */
  hidden: number;
  /** Chart seconds back to the engine's exact stamp, so a clicked session is one the engine sent. */
  stampOf: Map<number, number>;
}

/** The run's curve as the equity, benchmark and drawdown series of one time axis. */
export function equitySeries(curve: EquityCurveInput, log: boolean): EquitySeries {
  const equity = lineSeries(curve.ts, curve.equity, log);
  const benchmark = lineSeries(curve.ts, curve.benchmark, log);
  const drawdown = lineSeries(curve.ts, curve.drawdownPct, false);
  const stampOf = new Map<number, number>();
  for (const t of curve.ts) stampOf.set(toUtc(t), t);
  return { equity: equity.line, benchmark: benchmark.line, drawdown: drawdown.line, hidden: equity.hidden + benchmark.hidden, stampOf };
}

/** The logical (bar index) range a brush drag from x0 to x1 selects, at least `minBars` wide; null for a click. */
export function brushLogicalRange(
  l0: number | null,
  l1: number | null,
  minBars = 2,
): { from: number; to: number } | null {
  if (l0 === null || l1 === null) return null;
  const from = Math.min(l0, l1);
  const to = Math.max(l0, l1);
  return to - from >= minBars ? { from, to } : null;
}
