import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ResearchState } from './sweeps';

export interface NewWalkForward {
  name: string;
  strategy: string;
  objective: string;
  request: unknown;
  paramNames: readonly string[];
  total: number;
}

export interface WalkForwardRecord {
  id: string;
  name: string;
  strategy: string;
  objective: string;
  state: ResearchState;
  request: unknown;
  paramNames: string[];
  createdAt: number;
  elapsedMs: number | null;
  done: number;
  total: number;
  /** The windows, stitched curve and summary, once it ended (null before, or when it failed). */
  result: unknown;
  error: string | null;
}

interface Row {
  id: string;
  name: string;
  strategy: string;
  objective: string;
  state: ResearchState;
  request_json: string;
  param_names: string;
  created_at: number;
  elapsed_ms: number | null;
  done: number;
  total: number;
  result_json: string | null;
  error: string | null;
}

function recordOf(r: Row): WalkForwardRecord {
  return {
    id: r.id,
    name: r.name,
    strategy: r.strategy,
    objective: r.objective,
    state: r.state,
    request: JSON.parse(r.request_json),
    paramNames: JSON.parse(r.param_names) as string[],
    createdAt: r.created_at,
    elapsedMs: r.elapsed_ms,
    done: r.done,
    total: r.total,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
    error: r.error,
  };
}

/** Records a new walk-forward as running (or queued, its total not known yet); answers its id. */
export function createWalkForward(db: Database.Database, w: NewWalkForward, state: 'queued' | 'running' = 'running', now = Date.now()): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO walk_forwards (id, name, strategy, objective, state, request_json, param_names, created_at, total)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, w.name, w.strategy, w.objective, state, JSON.stringify(w.request), JSON.stringify(w.paramNames), now, w.total);
  return id;
}

/** A queued walk-forward starts: its windows are cut, so its total is known. */
export function walkForwardStarted(db: Database.Database, id: string, total: number): void {
  db.prepare(`UPDATE walk_forwards SET state = 'running', total = ? WHERE id = ?`).run(total, id);
}

export function walkForwardProgress(db: Database.Database, id: string, done: number): void {
  db.prepare('UPDATE walk_forwards SET done = ? WHERE id = ?').run(done, id);
}

export function finishWalkForward(
  db: Database.Database,
  id: string,
  end: { state: Exclude<ResearchState, 'queued' | 'running'>; elapsedMs: number | null; result: unknown; error: string | null },
): void {
  db.prepare('UPDATE walk_forwards SET state = ?, elapsed_ms = ?, result_json = ?, error = ? WHERE id = ?').run(
    end.state,
    end.elapsedMs,
    end.result === null ? null : JSON.stringify(end.result),
    end.error,
    id,
  );
}

/** Deletes a walk-forward; answers whether it existed. */
export function deleteWalkForward(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM walk_forwards WHERE id = ?').run(id).changes > 0;
}

export function listWalkForwards(db: Database.Database): WalkForwardRecord[] {
  return (db.prepare('SELECT * FROM walk_forwards ORDER BY created_at DESC, id').all() as Row[]).map(recordOf);
}

export function getWalkForward(db: Database.Database, id: string): WalkForwardRecord | null {
  const r = db.prepare('SELECT * FROM walk_forwards WHERE id = ?').get(id) as Row | undefined;
  return r ? recordOf(r) : null;
}
