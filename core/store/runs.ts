import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Timestamp } from '../domain/order';
import { drainActiveWriters } from './activeWriters';
import { RUN_COLUMNS, selectList } from './columns';
import type { RunRow } from './rows';

export interface NewRun {
  name: string;
  strategy: string;
  /** Stored as JSON; must be JSON-serialisable. */
  config: unknown;
  seed: number;
  dataFingerprint: string;
  appVersion: string;
  periodStart: Timestamp;
  periodEnd: Timestamp;
  sessionsTotal: number;
}

export interface RunOutcome {
  status: 'completed' | 'failed' | 'cancelled';
  metrics?: unknown;
  error?: string;
}

const SELECT_RUN = `SELECT ${selectList(RUN_COLUMNS)} FROM backtest_runs`;

function toJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new Error(`${what} is not JSON-serialisable: ${(err as Error).message}`, { cause: err });
  }
  if (json === undefined) throw new Error(`${what} is not JSON-serialisable (got ${typeof value})`);
  return json;
}

/** Records a new run as 'running' by this process and returns its id. */
export function createRun(db: Database.Database, input: NewRun): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO backtest_runs (id, name, strategy, config_json, seed, data_fingerprint, app_version, status,
       created_at, period_start, period_end, sessions_total, sessions_done, pid, host)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, 0, ?, ?)`,
  ).run(
    id,
    input.name,
    input.strategy,
    toJson(input.config, `config of run "${input.name}"`),
    input.seed,
    input.dataFingerprint,
    input.appVersion,
    Date.now(),
    input.periodStart,
    input.periodEnd,
    input.sessionsTotal,
    process.pid,
    hostname(),
  );
  return id;
}

export function updateRunProgress(db: Database.Database, runId: string, sessionsDone: number): void {
  const { changes } = db
    .prepare("UPDATE backtest_runs SET sessions_done = ? WHERE id = ? AND status = 'running'")
    .run(sessionsDone, runId);
  if (changes === 0) throw new Error(`updateRunProgress: ${describeMissing(db, runId)}`);
}

/** The run's INTEGER row, which its records reference; throws naming `caller` if there is no such run. */
export function runRowOf(db: Database.Database, runId: string, caller: string): number {
  const found = db.prepare('SELECT row FROM backtest_runs WHERE id = ?').get(runId) as { row: number } | undefined;
  if (!found) throw new Error(`${caller}: no run with id ${runId}`);
  return found.row;
}

/**
 * Records the run's outcome once its writers on other threads have committed everything. If one of
 * them failed, the run is recorded failed with that error (whatever `outcome` said) and the error is thrown.
 */
export function finishRun(db: Database.Database, runId: string, outcome: RunOutcome): void {
  try {
    drainActiveWriters(runId);
  } catch (err) {
    const cause = `writing the run's records failed: ${(err as Error).message}`;
    recordOutcome(db, runId, { status: 'failed', error: outcome.error ? `${outcome.error}; ${cause}` : cause });
    throw err;
  }
  recordOutcome(db, runId, outcome);
}

function recordOutcome(db: Database.Database, runId: string, outcome: RunOutcome): void {
  const metricsJson = outcome.metrics === undefined ? null : toJson(outcome.metrics, `metrics of run ${runId}`);
  const { changes } = db
    .prepare(
      `UPDATE backtest_runs SET status = ?, finished_at = ?, metrics_json = ?, error = ?
       WHERE id = ? AND status = 'running'`,
    )
    .run(outcome.status, Date.now(), metricsJson, outcome.error ?? null, runId);
  if (changes === 0) throw new Error(`finishRun: ${describeMissing(db, runId)}`);
}

function describeMissing(db: Database.Database, runId: string): string {
  const row = db.prepare('SELECT status FROM backtest_runs WHERE id = ?').get(runId) as { status: string } | undefined;
  return row ? `run ${runId} is already ${row.status}` : `no run with id ${runId}`;
}

/** True unless the OS says no such process exists; EPERM means it exists but belongs to someone else. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks 'running' runs of this host whose process has ended as failed, so a crash never leaves a run
 * that looks in progress forever. Runs of other hosts are left alone: their pids mean nothing here.
 * Returns how many runs were marked.
 */
export function recoverInterruptedRuns(db: Database.Database): number {
  const running = db
    .prepare("SELECT id, pid FROM backtest_runs WHERE status = 'running' AND host = ? AND pid IS NOT NULL")
    .all(hostname()) as { id: string; pid: number }[];
  const fail = db.prepare(
    "UPDATE backtest_runs SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status = 'running'",
  );
  let marked = 0;
  db.transaction(() => {
    for (const run of running) {
      if (run.pid === process.pid || isAlive(run.pid)) continue;
      marked += fail.run(`interrupted: process ${run.pid} ended before the run finished`, Date.now(), run.id).changes;
    }
  })();
  return marked;
}

export function getRun(db: Database.Database, id: string): RunRow | undefined {
  return db.prepare(`${SELECT_RUN} WHERE id = ?`).get(id) as RunRow | undefined;
}

/** All runs, newest first. */
export function listRuns(db: Database.Database): RunRow[] {
  return db.prepare(`${SELECT_RUN} ORDER BY created_at DESC, row DESC`).all() as RunRow[];
}

/** Deletes a run and, by cascade, everything recorded for it. Returns false if there was no such run. */
export function deleteRun(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM backtest_runs WHERE id = ?').run(id).changes > 0;
}
