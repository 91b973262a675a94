import type Database from 'better-sqlite3';
import type { SweepRequest } from '../../ipc/contract/research';
import { METRIC_NAMES } from '../../research/metricNames';
import { objectiveOf } from '../../research/objective';
import { overfittingOf } from '../../research/overfitting';
import { createSweep } from '../../store/sweeps';
import { bestOf, type SweepOutcome } from './sweep';
import { endSweepRecord } from './sweepRecord';
import { mergeShards, readShardFile } from './shardFile';

export interface MergedSweep {
  request: SweepRequest;
  paramNames: string[];
  run: SweepOutcome;
  /** Records the merged sweep in `db`; answers its id. */
  record(db: Database.Database): string;
}

/** Reads and joins a sweep's shard files, then finds the best and the overfitting statistics over all of them. */
export function mergeShardFiles(files: readonly string[]): MergedSweep {
  const merged = mergeShards(files.map((file) => ({ file, shard: readShardFile(file) })));
  const request = merged.request;
  const objective = objectiveOf(request.objective, METRIC_NAMES);
  const rows = merged.rows.map(({ trial: _trial, ...row }) => row);
  const best = bestOf(objective, rows);
  const run: SweepOutcome = {
    state: 'completed',
    rows,
    best,
    overfitting: best === null ? null : overfittingOf(merged.rows.map((r) => r.trial), best, merged.periodsPerYear),
    elapsedMs: merged.elapsedMs,
  };
  const paramNames = request.axes.map((a) => a.name);
  const spec = request.spec;
  const strategy = typeof spec.strategy === 'object' && spec.strategy !== null ? (spec.strategy as Record<string, unknown>) : {};
  return {
    request,
    paramNames,
    run,
    record(db) {
      const id = createSweep(db, {
        name: typeof spec.name === 'string' ? spec.name : 'sweep',
        strategy: String(strategy.name ?? strategy.module ?? 'strategy'),
        objective: objective.name,
        request,
        paramNames,
        combinations: rows.length,
      });
      endSweepRecord(db, id, run);
      return id;
    },
  };
}
