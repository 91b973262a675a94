import type { FlatMetrics } from '../flatMetrics';
import type { OverfittingStats } from '../overfitting';
import { pboReading } from '../stats/reading';
import type { Combination } from '../where';
import { walkForwardEfficiency } from './efficiency';
import { paramStability, type ParamStability } from './stability';
import { levelBefore, scaleCurve, stitchCurves, type Curve, type RunCurve } from './stitch';
import { stitchedMetrics } from './stitchedMetrics';
import type { WalkWindow } from './windows';

/** One window's outcome as the runs answered it, before it is stitched to the others. */
export interface WindowOutcome {
  window: WalkWindow;
  params: Combination;
  inSampleObjective: number | null;
  outOfSampleObjective: number | null;
  inSample: FlatMetrics;
  outOfSample: FlatMetrics;
  /** The deflated Sharpe of the choice and the PBO of the in-sample sweep it was chosen from. */
  overfitting: OverfittingStats | null;
  /** The chosen parameters' in-sample run, started with the initial cash. */
  inSampleCurve: RunCurve;
  outOfSampleCurve: RunCurve;
}

/** A window as a walk-forward reports it (the contract's walkWindowSchema). */
export interface WindowReport extends WalkWindow {
  params: Combination;
  inSampleObjective: number | null;
  outOfSampleObjective: number | null;
  inSample: FlatMetrics;
  outOfSample: FlatMetrics;
  overfitting: OverfittingStats | null;
  inSampleCurve: Curve;
}

/** The windows' in-sample choices taken together: how overfitted a choice typically was. */
export interface WindowsOverfitting {
  /** Mean over windows of their in-sample sweep's PBO; null when no window has one. */
  meanPbo: number | null;
  /** Mean over windows of their choice's deflated Sharpe ratio; null when no window has one. */
  meanDsr: number | null;
  reading: string;
}

export interface WalkForwardSummary {
  windows: WindowReport[];
  stitched: Curve;
  stitchedMetrics: FlatMetrics;
  efficiency: number | null;
  stability: ParamStability[];
  overfitting: WindowsOverfitting;
}

function meanOf(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return xs.length === 0 ? null : xs.reduce((s, v) => s + v, 0) / xs.length;
}

function windowsOverfitting(outcomes: readonly WindowOutcome[]): WindowsOverfitting {
  const meanPbo = meanOf(outcomes.map((o) => o.overfitting?.pbo?.pbo));
  const meanDsr = meanOf(outcomes.map((o) => o.overfitting?.deflatedSharpe?.dsr));
  return { meanPbo, meanDsr, reading: meanPbo === null ? 'No window has enough combinations and sessions for a PBO.' : `Mean over windows: ${pboReading(meanPbo)}.` };
}

/**
 * The windows' outcomes, in time order, stitched and summed up. Each in-sample curve is rescaled to start where
 * the stitched curve stands just before that in-sample begins (the initial cash while the stitched curve has not
 * started), so it can be drawn over it. Without windows (cancelled before the first finished) the curve is empty.
 */
export function summarise(outcomes: readonly WindowOutcome[], paramNames: readonly string[], initialCash: number, periodsPerYear: number): WalkForwardSummary {
  const stitched = outcomes.length === 0 ? { ts: [], equity: [] } : stitchCurves(outcomes.map((o) => o.outOfSampleCurve), initialCash, outcomes[0].window.inSampleEnd);
  const windows = outcomes.map((o): WindowReport => ({
    ...o.window,
    params: o.params,
    inSampleObjective: o.inSampleObjective,
    outOfSampleObjective: o.outOfSampleObjective,
    inSample: o.inSample,
    outOfSample: o.outOfSample,
    overfitting: o.overfitting,
    inSampleCurve: scaleCurve(o.inSampleCurve, initialCash, levelBefore(stitched, o.window.inSampleStart, initialCash)),
  }));
  return {
    windows,
    stitched,
    stitchedMetrics: outcomes.length === 0 ? {} : stitchedMetrics(stitched, initialCash, periodsPerYear, outcomes.map((o) => o.outOfSample)),
    efficiency: walkForwardEfficiency(outcomes.map((o) => ({ inSample: o.inSample.annual_return_pct ?? null, outOfSample: o.outOfSample.annual_return_pct ?? null }))),
    stability: paramStability(paramNames, outcomes.map((o) => o.params)),
    overfitting: windowsOverfitting(outcomes),
  };
}
