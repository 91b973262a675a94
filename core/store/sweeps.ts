import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export type ResearchState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface NewSweep {
  name: string;
  strategy: string;
  objective: string;
  request: unknown;
  paramNames: readonly string[];
  combinations: number;
}

export interface SweepRecord {
  id: string;
  name: string;
  strategy: string;
  objective: string;
  state: ResearchState;
  request: unknown;
  paramNames: string[];
  combinations: number;
  done: number;
  createdAt: number;
  elapsedMs: number | null;
  bestIndex: number | null;
  bestObjective: number | null;
  overfitting: unknown;
  error: string | null;
}

export interface StoredSweepResult {
  index: number;
  params: Record<string, number | string | boolean>;
  objective: number | null;
  metrics: Record<string, number | null>;
  runId: string | null;
}

export interface SweepEnd {
  state: Exclude<ResearchState, 'queued' | 'running'>;
  elapsedMs: number | null;
  results: readonly StoredSweepResult[];
  /** The combination index of the best result. */
  bestIndex: number | null;
  bestObjective: number | null;
  overfitting: unknown;
  error: string | null;
}

interface SweepRow {
  id: string;
  name: string;
  strategy: string;
  objective: string;
  state: ResearchState;
  request_json: string;
  param_names: string;
  combinations: number;
  done: number;
  created_at: number;
  elapsed_ms: number | null;
  best_idx: number | null;
  best_objective: number | null;
  overfitting_json: string | null;
  error: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function recordOf(r: SweepRow): SweepRecord {
  return {
    id: r.id,
    name: r.name,
    strategy: r.strategy,
    objective: r.objective,
    state: r.state,
    request: parse(r.request_json),
    paramNames: JSON.parse(r.param_names) as string[],
    combinations: r.combinations,
    done: r.done,
    createdAt: r.created_at,
    elapsedMs: r.elapsed_ms,
    bestIndex: r.best_idx,
    bestObjective: r.best_objective,
    overfitting: parse(r.overfitting_json),
    error: r.error,
  };
}

/** Records a new sweep as running (or queued); answers its id. */
export function createSweep(db: Database.Database, s: NewSweep, state: 'queued' | 'running' = 'running', now = Date.now()): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO sweeps (id, name, strategy, objective, state, request_json, param_names, combinations, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, s.name, s.strategy, s.objective, state, JSON.stringify(s.request), JSON.stringify(s.paramNames), s.combinations, now);
  return id;
}

export function sweepProgress(db: Database.Database, id: string, done: number): void {
  db.prepare(`UPDATE sweeps SET state = 'running', done = ? WHERE id = ?`).run(done, id);
}

/** Ends a sweep with its results, all in one transaction: a sweep is never left with half its rows. */
export function finishSweep(db: Database.Database, id: string, end: SweepEnd): void {
  const insert = db.prepare('INSERT INTO sweep_results (sweep_id, idx, params_json, objective, metrics_json, run_id) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of end.results) insert.run(id, r.index, JSON.stringify(r.params), r.objective, JSON.stringify(r.metrics), r.runId);
    db.prepare(
      `UPDATE sweeps SET state = ?, done = ?, elapsed_ms = ?, best_idx = ?, best_objective = ?, overfitting_json = ?, error = ? WHERE id = ?`,
    ).run(end.state, end.results.length, end.elapsedMs, end.bestIndex, end.bestObjective, end.overfitting === null ? null : JSON.stringify(end.overfitting), end.error, id);
  })();
}

export function listSweeps(db: Database.Database): SweepRecord[] {
  return (db.prepare('SELECT * FROM sweeps ORDER BY created_at DESC, id').all() as SweepRow[]).map(recordOf);
}

export function getSweep(db: Database.Database, id: string): SweepRecord | null {
  const r = db.prepare('SELECT * FROM sweeps WHERE id = ?').get(id) as SweepRow | undefined;
  return r ? recordOf(r) : null;
}

export function sweepResults(db: Database.Database, id: string): StoredSweepResult[] {
  const rows = db.prepare('SELECT idx, params_json, objective, metrics_json, run_id FROM sweep_results WHERE sweep_id = ? ORDER BY idx').all(id) as {
    idx: number;
    params_json: string;
    objective: number | null;
    metrics_json: string;
    run_id: string | null;
  }[];
  return rows.map((r) => ({
    index: r.idx,
    params: JSON.parse(r.params_json) as StoredSweepResult['params'],
    objective: r.objective,
    metrics: JSON.parse(r.metrics_json) as StoredSweepResult['metrics'],
    runId: r.run_id,
  }));
}

/** Deletes a sweep and its combinations' rows; answers whether it existed. */
export function deleteSweep(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM sweeps WHERE id = ?').run(id).changes > 0;
}

/** Links a combination to its recorded full run. */
export function setSweepRun(db: Database.Database, id: string, index: number, runId: string): void {
  db.prepare('UPDATE sweep_results SET run_id = ? WHERE sweep_id = ? AND idx = ?').run(runId, id, index);
}

/** Sweeps and walk-forwards a stopped app left unfinished are marked failed, saying so. */
export function recoverResearch(db: Database.Database): void {
  const why = 'the app stopped before it finished';
  db.prepare(`UPDATE sweeps SET state = 'failed', error = ? WHERE state IN ('queued', 'running')`).run(why);
  db.prepare(`UPDATE walk_forwards SET state = 'failed', error = ? WHERE state IN ('queued', 'running')`).run(why);
}
