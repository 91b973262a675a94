import type { BarSeries } from '../../data/BarSeries';
import { objectiveValue } from '../../research/objective';
import type { RunCurve } from '../../research/walkForward/stitch';
import type { WindowOutcome } from '../../research/walkForward/summary';
import type { WalkWindow } from '../../research/walkForward/windows';
import { evaluateAll, SweepCancelled } from './evaluateAll';
import { runSweep, type SweepSetup } from './sweep';
import type { SweepPool } from './sweepPool';
import type { SweepRow } from './worker/messages';

export interface WindowRunOptions {
  dbPath: string | null;
  /** The spec's data, already loaded and shared (see EvaluateOptions.series). */
  series?: readonly BarSeries[] | null;
  signal?: AbortSignal;
  /** Runs done in this window: the in-sample sweep's, then one more for the out-of-sample step. */
  onProgress: (done: number) => void;
}

function curveOf(row: SweepRow): RunCurve {
  if (!row.ts || !row.equity) throw new Error('a walk-forward run came back without its equity curve');
  return { ts: row.ts, equity: row.equity };
}

/**
 * Optimises on the window's in-sample (every combination cut to it: nothing after its last session exists for those
 * runs), then runs the chosen parameters out of sample, starting flat with the spec's cash, and once more in sample
 * for their curve. The choice is the sweep's (bestOf); when no combination has a defined objective in sample they
 * all tie, and the lowest index wins, as bestOf breaks ties. The in-sample sweep's overfitting statistics say how
 * far that choice can be trusted. Null when cancelled before the window finished.
 */
export async function runWindow(setup: SweepSetup, pool: SweepPool, window: WalkWindow, opts: WindowRunOptions): Promise<WindowOutcome | null> {
  const { spec, objective } = setup;
  const inWindow = { start: window.inSampleStart, end: window.inSampleEnd };
  try {
    const sweep = await runSweep(setup, pool, { dbPath: opts.dbPath, series: opts.series, window: inWindow, signal: opts.signal, onProgress: (done) => opts.onProgress(done) });
    if (sweep.state === 'cancelled') return null;
    const chosen = sweep.rows[sweep.best ?? 0];
    const one = [{ index: chosen.index, params: chosen.params }];
    const run = (w: { start: number; end: number }) => evaluateAll(pool, spec, one, { dbPath: opts.dbPath, series: opts.series, window: w, withEquity: true, signal: opts.signal });
    const [[inRun], [outRun]] = await Promise.all([run(inWindow), run({ start: window.outOfSampleStart, end: window.outOfSampleEnd })]);
    opts.onProgress(sweep.rows.length + 1);
    return {
      window,
      params: chosen.params,
      inSampleObjective: chosen.objective,
      outOfSampleObjective: objectiveValue(objective, outRun.metrics),
      inSample: chosen.metrics,
      outOfSample: outRun.metrics,
      overfitting: sweep.overfitting,
      inSampleCurve: curveOf(inRun),
      outOfSampleCurve: curveOf(outRun),
    };
  } catch (err) {
    if (err instanceof SweepCancelled) return null;
    throw err;
  }
}
