import type Database from 'better-sqlite3';
import type { WalkForwardRequest } from '../../ipc/contract/research';
import { createWalkForward, finishWalkForward, walkForwardProgress } from '../../store/walkForwards';
import type { WalkForwardDefinition, WalkForwardResult, WalkForwardStart } from './walkForward';
import { strategyLabel, sweepRequestOf } from './sweepRecord';

/** A walk-forward as recorded: the sweep's request (the spec in the form's shape) and the window plan. */
export function walkForwardRequestOf(start: WalkForwardStart, def: WalkForwardDefinition): WalkForwardRequest {
  return { ...sweepRequestOf(start.setup.spec, start.symbols, def, def.objective), windows: def.windows };
}

/** Records a checked walk-forward as running before its first run; answers its id. */
export function startWalkForwardRecord(db: Database.Database, start: WalkForwardStart, def: WalkForwardDefinition): string {
  const { spec, objective, plan } = start.setup;
  return createWalkForward(db, {
    name: spec.name,
    strategy: strategyLabel(spec),
    objective: objective.name,
    request: walkForwardRequestOf(start, def),
    paramNames: plan.paramNames,
    total: start.total,
  });
}

/** Ends a recorded walk-forward with its result document: the contract's detail fields that are not bookkeeping. */
export function endWalkForwardRecord(db: Database.Database, id: string, r: WalkForwardResult): void {
  walkForwardProgress(db, id, r.done);
  finishWalkForward(db, id, {
    state: r.state,
    elapsedMs: r.elapsedMs,
    result: { windows: r.windows, stitched: r.stitched, stitchedMetrics: r.stitchedMetrics, efficiency: r.efficiency, stability: r.stability, overfitting: r.overfitting },
    error: null,
  });
}

/** Ends a recorded walk-forward that failed, keeping no result. */
export function failWalkForwardRecord(db: Database.Database, id: string, err: unknown): void {
  finishWalkForward(db, id, { state: 'failed', elapsedMs: null, result: null, error: err instanceof Error ? err.message : String(err) });
}
