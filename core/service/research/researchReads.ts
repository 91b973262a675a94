import type Database from 'better-sqlite3';
import { ApiError } from '../../ipc/errors';
import {
  sweepRequestSchema,
  walkForwardRequestSchema,
  type SweepDetail,
  type SweepSummary,
  type WalkForwardDetail,
  type WalkForwardSummary,
} from '../../ipc/contract/research';
import { getSweep, listSweeps, sweepResults, type SweepRecord } from '../../store/sweeps';
import { getWalkForward, listWalkForwards, type WalkForwardRecord } from '../../store/walkForwards';
import type { WalkForwardResult } from './walkForward';

function summaryOf(r: SweepRecord): SweepSummary {
  return {
    id: r.id,
    name: r.name,
    strategy: r.strategy,
    objective: r.objective,
    state: r.state,
    combinations: r.combinations,
    done: r.done,
    createdAt: r.createdAt,
    elapsedMs: r.elapsedMs,
    bestObjective: r.bestObjective,
    error: r.error,
  };
}

export function sweepSummaries(db: Database.Database): SweepSummary[] {
  return listSweeps(db).map(summaryOf);
}

export function sweepDetail(db: Database.Database, id: string): SweepDetail {
  const r = getSweep(db, id);
  if (!r) throw new ApiError('NOT_FOUND', `no sweep ${id}`);
  const results = sweepResults(db, id);
  const best = r.bestIndex === null ? -1 : results.findIndex((x) => x.index === r.bestIndex);
  return {
    ...summaryOf(r),
    request: sweepRequestSchema.parse(r.request),
    paramNames: r.paramNames,
    best: best === -1 ? null : best,
    results,
    overfitting: (r.overfitting as SweepDetail['overfitting']) ?? null,
  };
}

function wfSummaryOf(r: WalkForwardRecord): WalkForwardSummary {
  const result = r.result as WalkForwardResult | null;
  return {
    id: r.id,
    name: r.name,
    strategy: r.strategy,
    objective: r.objective,
    state: r.state,
    createdAt: r.createdAt,
    elapsedMs: r.elapsedMs,
    error: r.error,
    done: r.done,
    total: r.total,
    efficiency: result?.efficiency ?? null,
  };
}

export function walkForwardSummaries(db: Database.Database): WalkForwardSummary[] {
  return listWalkForwards(db).map(wfSummaryOf);
}

export function walkForwardDetail(db: Database.Database, id: string): WalkForwardDetail {
  const r = getWalkForward(db, id);
  if (!r) throw new ApiError('NOT_FOUND', `no walk-forward ${id}`);
  const result = r.result as WalkForwardResult | null;
  return {
    ...wfSummaryOf(r),
    request: walkForwardRequestSchema.parse(r.request),
    paramNames: r.paramNames,
    windows: result?.windows ?? [],
    stitched: result?.stitched ?? { ts: [], equity: [] },
    stitchedMetrics: result?.stitchedMetrics ?? {},
    stability: result?.stability ?? [],
    overfitting: result?.overfitting ?? { meanPbo: null, meanDsr: null, reading: 'Not computed yet.' },
  };
}
