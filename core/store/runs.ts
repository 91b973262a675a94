import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Timestamp } from '../domain/order';
import { drainActiveWriters } from './activeWriters';
import { RUN_COLUMNS, selectList } from './columns';
import { dropLapsedLeases, holdLease, lapsedOwnerSql, leaseOwner, leaseParams } from './leases';
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

/** Lease releases of the runs this thread is computing, by run id (see leases). */
const runLeases = new Map<string, () => void>();

/**
 * Records a new run as 'running' under this thread's lease, which a keeper thread renews until the
 * run is finished: if the process dies, the lease lapses and the next open marks the run interrupted.
 */
export function createRun(db: Database.Database, input: NewRun, now: number = Date.now()): string {
  const id = randomUUID();
  const config = toJson(input.config, `config of run "${input.name}"`);
  const release = db.transaction((): (() => void) => {
    db.prepare(
      `INSERT INTO backtest_runs (id, name, strategy, config_json, seed, data_fingerprint, app_version, status,
         created_at, period_start, period_end, sessions_total, sessions_done, lease_owner)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, 0, ?)`,
    ).run(
      id,
      input.name,
      input.strategy,
      config,
      input.seed,
      input.dataFingerprint,
      input.appVersion,
      now,
      input.periodStart,
      input.periodEnd,
      input.sessionsTotal,
      leaseOwner(),
    );
    return holdLease(db, now);
  }).immediate();
  runLeases.set(id, release);
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
    try {
      recordOutcome(db, runId, { status: 'failed', error: outcome.error ? `${outcome.error}; ${cause}` : cause });
    } finally {
      releaseRunLease(runId);
    }
    throw err;
  }
  try {
    recordOutcome(db, runId, outcome);
  } finally {
    releaseRunLease(runId);
  }
}

function releaseRunLease(runId: string): void {
  runLeases.get(runId)?.();
  runLeases.delete(runId);
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

export const INTERRUPTED_ERROR = 'interrupted: the process computing it stopped before the run finished (its lease lapsed)';

/**
 * Marks 'running' runs whose owner's lease has lapsed (see leases) as failed, so a crash never leaves
 * a run that looks in progress forever; a run whose owner still renews its lease, in this process or
 * another, is left alone. `now` is the clock the leases are judged by. Returns how many runs were marked.
 */
export function recoverInterruptedRuns(db: Database.Database, now: number = Date.now()): number {
  const where = `status = 'running' AND ${lapsedOwnerSql('lease_owner')}`;
  // Most opens find nothing to do; only then is the write lock worth waiting for.
  const found = db.prepare(`SELECT count(*) FROM backtest_runs WHERE ${where}`).pluck().get(leaseParams(db, now)) as number;
  if (found === 0) return 0;
  return db.transaction((): number => {
    const { changes } = db
      .prepare(`UPDATE backtest_runs SET status = 'failed', error = @error, finished_at = @now WHERE ${where}`)
      .run({ ...leaseParams(db, now), error: INTERRUPTED_ERROR });
    dropLapsedLeases(db, now);
    return changes;
  }).immediate();
}

export function getRun(db: Database.Database, id: string): RunRow | undefined {
  return db.prepare(`${SELECT_RUN} WHERE id = ?`).get(id) as RunRow | undefined;
}

/** All runs, newest first. */
export function listRuns(db: Database.Database): RunRow[] {
  return db.prepare(`${SELECT_RUN} ORDER BY created_at DESC, row DESC`).all() as RunRow[];
}
