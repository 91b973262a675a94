import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from './db';
import { LEASE_TTL_MS, holdsLease, leaseOwner } from './leases';
import { deleteRunInBatches } from './runDeletion';
import { INTERRUPTED_ERROR, createRun, finishRun, getRun, listRuns, recoverInterruptedRuns, updateRunProgress } from './runs';
import { createRunWriter } from './runWriter';
import { tempDir } from './testDb';

const input = {
  name: 'sma cross',
  strategy: 'sma',
  config: { fast: 10, slow: 50 },
  seed: 42,
  dataFingerprint: 'sha256:abc',
  appVersion: '0.1.0',
  periodStart: 1_600_000_000_000,
  periodEnd: 1_700_000_000_000,
  sessionsTotal: 250,
};

const HOLDER = fileURLToPath(new URL('./testing/holdRunProcess.ts', import.meta.url));

/** Another real process that creates a run in `file` and keeps computing it until killed; resolves with the run id. */
function startHolder(file: string): Promise<{ runId: string; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ runId: line.trim(), kill: async () => (child.kill('SIGKILL'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`the holder process exited (code ${code}) before creating its run`)));
  });
}

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('runs', () => {
  it('creates a running run owned by this process and reads it back', () => {
    const id = createRun(db, input);
    const run = getRun(db, id);
    expect(run).toMatchObject({
      id,
      name: 'sma cross',
      strategy: 'sma',
      seed: 42,
      dataFingerprint: 'sha256:abc',
      appVersion: '0.1.0',
      status: 'running',
      error: null,
      finishedAt: null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      sessionsTotal: 250,
      sessionsDone: 0,
      metricsJson: null,
      leaseOwner: leaseOwner(),
    });
    expect(JSON.parse(run!.configJson)).toEqual(input.config);
    expect(getRun(db, 'nope')).toBeUndefined();
  });

  it('records progress and the outcome, then refuses to finish twice', () => {
    const id = createRun(db, input);
    updateRunProgress(db, id, 100);
    expect(getRun(db, id)?.sessionsDone).toBe(100);
    finishRun(db, id, { status: 'completed', metrics: { sharpe: 1.5 } });
    const run = getRun(db, id)!;
    expect(run.status).toBe('completed');
    expect(run.finishedAt).toEqual(expect.any(Number));
    expect(JSON.parse(run.metricsJson!)).toEqual({ sharpe: 1.5 });
    expect(() => finishRun(db, id, { status: 'failed', error: 'x' })).toThrow(`run ${id} is already completed`);
    expect(() => updateRunProgress(db, 'missing', 1)).toThrow('no run with id missing');
  });

  it('rejects a config that is not JSON', () => {
    expect(() => createRun(db, { ...input, config: { n: 1n } })).toThrow(/config of run "sma cross" is not JSON-serialisable/);
    expect(() => createRun(db, { ...input, config: undefined })).toThrow(/not JSON-serialisable/);
  });

  it('lists newest first and deletes a run with everything recorded for it', async () => {
    const older = createRun(db, input);
    const newer = createRun(db, { ...input, name: 'second' });
    db.prepare('UPDATE backtest_runs SET created_at = 1 WHERE id = ?').run(older);
    expect(listRuns(db).map((r) => r.id)).toEqual([newer, older]);

    const w = createRunWriter(db, older, 'BACKTEST');
    w.equity({ ts: 1, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null });
    w.action({ ts: 1, action: 'rebalance', instrument: null, detailJson: null });
    w.flush();
    expect(await deleteRunInBatches(db, older)).toBe(true);
    expect(await deleteRunInBatches(db, older)).toBe(false);
    expect(listRuns(db).map((r) => r.id)).toEqual([newer]);
    expect(db.prepare('SELECT count(*) AS n FROM backtest_daily_equity').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM executed_actions').get()).toEqual({ n: 0 });
  });
});

describe('recoverInterruptedRuns', () => {
  it("fails running runs whose owner's lease lapsed and leaves live, own and finished runs alone", () => {
    const t0 = 1_000_000;
    const own = createRun(db, input, t0);
    const other = createRun(db, input, t0);
    const orphan = createRun(db, input, t0);
    const done = createRun(db, input, t0);
    // `other` is computed by another owner whose lease runs until t0 + 100; `orphan` predates leases.
    db.prepare("INSERT INTO leases (owner, expires_at) VALUES ('elsewhere', ?)").run(t0 + 100);
    db.prepare("UPDATE backtest_runs SET lease_owner = 'elsewhere' WHERE id IN (?, ?)").run(other, done);
    db.prepare('UPDATE backtest_runs SET lease_owner = NULL WHERE id = ?').run(orphan);
    finishRun(db, done, { status: 'completed' });

    expect(recoverInterruptedRuns(db, t0 + 100)).toBe(1);
    expect(getRun(db, orphan)).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR, finishedAt: t0 + 100 });
    expect(getRun(db, other)?.status).toBe('running');

    expect(recoverInterruptedRuns(db, t0 + 101)).toBe(1);
    expect(getRun(db, other)).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR });
    expect(db.prepare("SELECT count(*) FROM leases WHERE owner = 'elsewhere'").pluck().get()).toBe(0);
    // This thread still computes `own`, so its lease is live whatever the clock says.
    expect(recoverInterruptedRuns(db, t0 + 10 * LEASE_TTL_MS)).toBe(0);
    expect(getRun(db, own)?.status).toBe('running');
    expect(getRun(db, done)?.status).toBe('completed');
  });

  it("releases the run's lease when it finishes", () => {
    const id = createRun(db, input);
    expect(holdsLease(db)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM leases WHERE owner = ?').pluck().get(leaseOwner())).toBe(1);
    finishRun(db, id, { status: 'cancelled' });
    expect(holdsLease(db)).toBe(false);
    expect(db.prepare('SELECT count(*) FROM leases').pluck().get()).toBe(0);
  });

  it("leaves another live process's run alone and fails it once that process is killed and its lease lapses", async () => {
    const { dir, cleanup } = tempDir();
    const file = `${dir}/app.db`;
    openDatabase(file).close();
    const holder = await startHolder(file);
    try {
      // The same pid and host mean nothing here: only the lease decides.
      const reopened = openDatabase(file);
      expect(getRun(reopened, holder.runId)?.status).toBe('running');
      expect(recoverInterruptedRuns(reopened)).toBe(0);
      await holder.kill();
      expect(recoverInterruptedRuns(reopened)).toBe(0);
      expect(recoverInterruptedRuns(reopened, Date.now() + LEASE_TTL_MS + 1)).toBe(1);
      expect(getRun(reopened, holder.runId)).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR });
      reopened.close();
    } finally {
      await holder.kill();
      cleanup();
    }
  }, 30_000);

  it('runs when a database file is opened', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = `${dir}/app.db`;
      const first = openDatabase(file);
      const id = createRun(first, input);
      first.prepare('UPDATE backtest_runs SET lease_owner = NULL WHERE id = ?').run(id);
      first.close();
      const reopened = openDatabase(file);
      expect(getRun(reopened, id)?.status).toBe('failed');
      reopened.close();
    } finally {
      cleanup();
    }
  });
});
