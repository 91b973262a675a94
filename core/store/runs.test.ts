import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from './db';
import { createRun, deleteRun, finishRun, getRun, listRuns, recoverInterruptedRuns, updateRunProgress } from './runs';
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

/** A pid that certainly belonged to a process that has now ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('could not spawn node to get a dead pid');
  return child.pid;
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
      pid: process.pid,
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

  it('lists newest first and deletes a run with everything recorded for it', () => {
    const older = createRun(db, input);
    const newer = createRun(db, { ...input, name: 'second' });
    db.prepare('UPDATE backtest_runs SET created_at = 1 WHERE id = ?').run(older);
    expect(listRuns(db).map((r) => r.id)).toEqual([newer, older]);

    const w = createRunWriter(db, older, 'BACKTEST');
    w.equity({ ts: 1, cash: 1, equity: 1, grossExposure: 0, netExposure: 0, drawdown: 0, benchmarkEquity: null });
    w.action({ ts: 1, action: 'rebalance', instrument: null, detailJson: null });
    w.flush();
    expect(deleteRun(db, older)).toBe(true);
    expect(deleteRun(db, older)).toBe(false);
    expect(listRuns(db).map((r) => r.id)).toEqual([newer]);
    expect(db.prepare('SELECT count(*) AS n FROM backtest_daily_equity').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM executed_actions').get()).toEqual({ n: 0 });
  });
});

describe('recoverInterruptedRuns', () => {
  it('fails a running run whose process died and leaves live, finished and foreign runs alone', () => {
    const dead = createRun(db, input);
    const live = createRun(db, input);
    const done = createRun(db, input);
    const foreign = createRun(db, input);
    const pid = deadPid();
    db.prepare('UPDATE backtest_runs SET pid = ? WHERE id IN (?, ?)').run(pid, dead, done);
    db.prepare("UPDATE backtest_runs SET pid = ?, host = 'another-machine' WHERE id = ?").run(pid, foreign);
    finishRun(db, done, { status: 'completed' });

    expect(recoverInterruptedRuns(db)).toBe(1);
    expect(getRun(db, dead)).toMatchObject({
      status: 'failed',
      error: `interrupted: process ${pid} ended before the run finished`,
      finishedAt: expect.any(Number),
    });
    expect(getRun(db, live)?.status).toBe('running');
    expect(getRun(db, done)?.status).toBe('completed');
    expect(getRun(db, foreign)?.status).toBe('running');
    expect(recoverInterruptedRuns(db)).toBe(0);
  });

  it('runs when a database file is opened', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = `${dir}/app.db`;
      const first = openDatabase(file);
      const id = createRun(first, input);
      first.prepare('UPDATE backtest_runs SET pid = ? WHERE id = ?').run(deadPid(), id);
      first.close();
      const reopened = openDatabase(file);
      expect(getRun(reopened, id)?.status).toBe('failed');
      reopened.close();
    } finally {
      cleanup();
    }
  });
});
