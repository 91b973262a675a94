import type Database from 'better-sqlite3';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { SweepRequest } from '../../ipc/contract/research';
import type { SweepDefinition } from '../../research/combinations';
import { createSweep, finishSweep, type StoredSweepResult } from '../../store/sweeps';
import { recordedConfig } from '../runSpec';
import { specInputOf } from '../backtests/specInputOf';
import type { SweepRun, SweepSetup } from './sweep';

/** The strategy as lists show it: a built-in's name or the module's path. */
export function strategyLabel(spec: ResolvedSpec): string {
  return spec.strategy.kind === 'builtin' ? spec.strategy.name : spec.strategy.module;
}

/**
 * A sweep as recorded: its definition with the spec in the form's shape (paths resolved), so that opening a
 * combination's run, or sweeping again from the app, needs nothing but the record.
 */
export function sweepRequestOf(spec: ResolvedSpec, symbols: readonly string[], def: SweepDefinition, objective: string): SweepRequest {
  return {
    spec: specInputOf(recordedConfig(spec, symbols), spec.name),
    axes: [...def.axes],
    search: def.search,
    where: def.where,
    objective,
  };
}

/** Records a sweep as running (or queued) before its first run; answers its id. */
export function startSweepRecord(db: Database.Database, setup: SweepSetup, request: SweepRequest, state: 'queued' | 'running' = 'running'): string {
  return createSweep(db, {
    name: setup.spec.name,
    strategy: strategyLabel(setup.spec),
    objective: setup.objective.name,
    request,
    paramNames: setup.plan.paramNames,
    combinations: setup.plan.combinations.length,
  }, state);
}

export function storedResults(run: Pick<SweepRun, 'rows'>): StoredSweepResult[] {
  return run.rows.map((r) => ({ index: r.index, params: { ...r.params }, objective: r.objective, metrics: r.metrics, runId: null }));
}

/** Ends a recorded sweep with its rows, best and statistics. */
export function endSweepRecord(db: Database.Database, id: string, run: Pick<SweepRun, 'state' | 'rows' | 'best' | 'overfitting' | 'elapsedMs'>): void {
  const best = run.best === null ? null : run.rows[run.best];
  finishSweep(db, id, {
    state: run.state,
    elapsedMs: run.elapsedMs,
    results: storedResults(run),
    bestIndex: best?.index ?? null,
    bestObjective: best?.objective ?? null,
    overfitting: run.overfitting,
    error: null,
  });
}

/** Ends a recorded sweep that failed, keeping no rows. */
export function failSweepRecord(db: Database.Database, id: string, err: unknown): void {
  finishSweep(db, id, { state: 'failed', elapsedMs: null, results: [], bestIndex: null, bestObjective: null, overfitting: null, error: err instanceof Error ? err.message : String(err) });
}
