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

/** A sweep as lists show it: the record without what only its detail needs. */
function summaryOf({ request: _request, paramNames: _paramNames, bestIndex: _bestIndex, overfitting: _overfitting, ...summary }: SweepRecord): SweepSummary {
  return summary;
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

/** A walk-forward as lists show it: the record without what only its detail needs, with its efficiency. */
function wfSummaryOf({ request: _request, paramNames: _paramNames, result, ...summary }: WalkForwardRecord): WalkForwardSummary {
  return { ...summary, efficiency: (result as WalkForwardResult | null)?.efficiency ?? null };
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
