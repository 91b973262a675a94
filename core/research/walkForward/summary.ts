import type { FlatMetrics } from '../flatMetrics';
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
  inSampleCurve: Curve;
}

export interface WalkForwardSummary {
  windows: WindowReport[];
  stitched: Curve;
  stitchedMetrics: FlatMetrics;
  efficiency: number | null;
  stability: ParamStability[];
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
    inSampleCurve: scaleCurve(o.inSampleCurve, initialCash, levelBefore(stitched, o.window.inSampleStart, initialCash)),
  }));
  return {
    windows,
    stitched,
    stitchedMetrics: outcomes.length === 0 ? {} : stitchedMetrics(stitched, initialCash, periodsPerYear, outcomes.map((o) => o.outOfSample)),
    efficiency: walkForwardEfficiency(outcomes.map((o) => ({ inSample: o.inSample.annual_return_pct ?? null, outOfSample: o.outOfSample.annual_return_pct ?? null }))),
    stability: paramStability(paramNames, outcomes.map((o) => o.params)),
  };
}
