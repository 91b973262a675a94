/** An equity curve: equity at each session's close. */
export interface Curve {
  ts: number[];
  equity: number[];
}

/** A run's curve as its worker sends it. */
export interface RunCurve {
  ts: ArrayLike<number>;
  equity: ArrayLike<number>;
}

/**
 * Chains the out-of-sample runs of consecutive windows into one curve, as if one account had traded them in turn.
 * Each run started flat with `initialCash`; its equity is rescaled to start where the previous run ended:
 * level_0 = initialCash, point i of run k = level_k × equity_k[i] / initialCash, level_k+1 = level_k × (last
 * equity of run k) / initialCash. Every session's return of every run appears once, the first session's from the
 * cash it started with. The curve opens with `initialCash` at `startTs` (the close before the first out-of-sample
 * session), so its metrics count that first return too. Runs must follow each other in time.
 */
export function stitchCurves(runs: readonly RunCurve[], initialCash: number, startTs: number): Curve {
  const out: Curve = { ts: [startTs], equity: [initialCash] };
  let level = initialCash;
  for (const run of runs) {
    const n = run.ts.length;
    if (n === 0) continue;
    if (!(run.ts[0] > out.ts[out.ts.length - 1])) {
      throw new Error(`stitchCurves: a run starting at ${new Date(run.ts[0]).toISOString()} overlaps the curve before it`);
    }
    const scale = level / initialCash;
    for (let i = 0; i < n; i++) {
      out.ts.push(run.ts[i]);
      out.equity.push(scale * run.equity[i]);
    }
    level = out.equity[out.equity.length - 1];
  }
  return out;
}

/** Where `curve` stands just before `ts`: its last point before it, or `before` when it has none yet. */
export function levelBefore(curve: Curve, ts: number, before: number): number {
  let level = before;
  for (let i = 0; i < curve.ts.length && curve.ts[i] < ts; i++) level = curve.equity[i];
  return level;
}

/** A run that started with `initialCash`, rescaled to have started with `level` instead. */
export function scaleCurve(run: RunCurve, initialCash: number, level: number): Curve {
  const scale = level / initialCash;
  return { ts: Array.from(run.ts), equity: Array.from(run.equity, (e) => scale * e) };
}
