import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Job } from '../../ipc/contract/backtests';
import { dropLapsedLeases, lapsedOwnerSql, leaseOwner, leaseParams } from '../../store/leases';

/** A job as the queue keeps it: what the contract shows, and the spec it runs. */
export interface StoredJob {
  job: Job;
  spec: Record<string, unknown>;
}

export type EndState = 'completed' | 'failed' | 'cancelled';

interface JobRow {
  id: string;
  name: string;
  spec_json: string;
  state: Job['state'];
  run_id: string | null;
  error: string | null;
  queued_at: number;
}

/** The spec column is read back at a trust boundary: a hand-edited or corrupt row must not reach the worker unchecked. */
const specJson = z.record(z.string(), z.unknown());

function jobOf(r: JobRow): Job {
  return { jobId: r.id, name: r.name, state: r.state, runId: r.run_id, done: 0, total: 0, etaMs: null, error: r.error, queuedAt: r.queued_at };
}

/** The stored spec, or why it cannot be run. */
function specOf(r: JobRow): Record<string, unknown> | string {
  try {
    return specJson.parse(JSON.parse(r.spec_json));
  } catch (err) {
    return `backtest_jobs row ${r.id}: spec_json is not a spec object (${(err as Error).message.split('\n')[0]})`;
  }
}

/**
 * The backtest queue's rows (backtest_jobs): a job is written when queued and on every change of
 * state, so a crash leaves queued jobs queued. A running job names its owner (a lease holder); the
 * owner claims a job in one IMMEDIATE transaction, so two hosts on one database never run the same job.
 */
export class JobStore {
  constructor(private readonly db: Database.Database) {}

  add(name: string, spec: Record<string, unknown>, queuedAt: number): Job {
    const id = `job-${randomUUID()}`;
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO backtest_jobs (id, position, name, spec_json, state, queued_at)
             VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM backtest_jobs), ?, ?, 'queued', ?)`,
          )
          .run(id, name, JSON.stringify(spec), queuedAt);
      })
      .immediate();
    return { jobId: id, name, state: 'queued', runId: null, done: 0, total: 0, etaMs: null, error: null, queuedAt };
  }

  /** Marks a queued job running by this thread's owner; false if it is no longer queued (cancelled, or another host took it). */
  claim(jobId: string): boolean {
    return (
      this.db
        .prepare("UPDATE backtest_jobs SET state = 'running', owner = ? WHERE id = ? AND state = 'queued'")
        .run(leaseOwner(), jobId).changes === 1
    );
  }

  setRun(jobId: string, runId: string | null): void {
    this.db.prepare('UPDATE backtest_jobs SET run_id = ? WHERE id = ?').run(runId, jobId);
  }

  /** Cancels a job only while it is still queued; false if it had already started or ended. */
  cancelQueued(jobId: string, at: number): boolean {
    return (
      this.db
        .prepare("UPDATE backtest_jobs SET state = 'cancelled', ended_at = ? WHERE id = ? AND state = 'queued'")
        .run(at, jobId).changes === 1
    );
  }

  end(jobId: string, state: EndState, error: string | null, at: number): void {
    this.db.prepare('UPDATE backtest_jobs SET state = ?, error = ?, ended_at = ?, owner = NULL WHERE id = ?').run(state, error, at, jobId);
  }

  /**
   * Running jobs whose owner's lease lapsed (the host that ran them crashed) go back to the queue.
   * Their half-made runs are marked interrupted by the runs' own recovery. Returns how many.
   */
  recover(now: number): number {
    const where = `state = 'running' AND ${lapsedOwnerSql('owner')}`;
    const params = leaseParams(this.db, now);
    if ((this.db.prepare(`SELECT count(*) FROM backtest_jobs WHERE ${where}`).pluck().get(params) as number) === 0) return 0;
    return this.db
      .transaction((): number => {
        const { changes } = this.db
          .prepare(`UPDATE backtest_jobs SET state = 'queued', owner = NULL, run_id = NULL, error = NULL WHERE ${where}`)
          .run(params);
        dropLapsedLeases(this.db, now);
        return changes;
      })
      .immediate();
  }

  /**
   * Queued jobs in queue order, after the last `keepEnded` ended ones (for the jobs list). A queued job
   * whose stored spec cannot be read is recorded failed instead.
   */
  load(keepEnded: number): StoredJob[] {
    const rows = this.db
      .prepare(
        `SELECT id, name, spec_json, state, run_id, error, queued_at FROM (
           SELECT *, 0 AS grp FROM (SELECT * FROM backtest_jobs WHERE state NOT IN ('queued', 'running') ORDER BY position DESC LIMIT ?)
           UNION ALL SELECT *, 1 FROM backtest_jobs WHERE state = 'queued'
         ) ORDER BY grp, position`,
      )
      .all(keepEnded) as JobRow[];
    return rows.map((r) => {
      const spec = specOf(r);
      if (typeof spec !== 'string') return { job: jobOf(r), spec };
      // One unreadable row must not keep the queue (or the app) from starting: that job fails, with the reason.
      if (r.state === 'queued') this.end(r.id, 'failed', spec, Date.now());
      return { job: { ...jobOf(r), state: r.state === 'queued' ? 'failed' : r.state, error: r.state === 'queued' ? spec : r.error }, spec: {} };
    });
  }

  /** Forgets ended jobs beyond the newest `keep` (their runs live on in backtest_runs). */
  prune(keep: number): void {
    this.db
      .prepare(
        `DELETE FROM backtest_jobs WHERE state NOT IN ('queued', 'running') AND id NOT IN (
           SELECT id FROM backtest_jobs WHERE state NOT IN ('queued', 'running') ORDER BY position DESC LIMIT ?)`,
      )
      .run(keep);
  }
}
