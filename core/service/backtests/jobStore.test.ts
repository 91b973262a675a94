import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import { holdLease, leaseOwner } from '../../store/leases';
import { JobStore } from './jobStore';

let db: Database.Database;
let store: JobStore;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = new JobStore(db);
});
afterEach(() => db.close());

const spec = (n: number) => ({ name: `run ${n}`, data: { synthetic: { symbols: n } } });
const states = () => db.prepare('SELECT id, state, owner FROM backtest_jobs ORDER BY position').all();

describe('JobStore', () => {
  it('keeps queued jobs in order with their specs, and ended ones only up to the newest few', () => {
    const ids = [1, 2, 3, 4].map((n) => store.add(`job ${n}`, spec(n), 1000 + n).jobId);
    expect(new Set(ids).size).toBe(4);
    store.cancelQueued(ids[0], 2000);
    store.end(ids[1], 'completed', null, 2001);
    const loaded = store.load(1);
    // The newest ended job first, then the queue in order.
    expect(loaded.map((j) => [j.job.jobId, j.job.state])).toEqual([
      [ids[1], 'completed'],
      [ids[2], 'queued'],
      [ids[3], 'queued'],
    ]);
    expect(loaded[1]).toMatchObject({ spec: spec(3), job: { name: 'job 3', queuedAt: 1003, runId: null } });
    store.prune(1);
    expect(states()).toHaveLength(3);
  });

  it('lets one owner claim a queued job once, and cancels only what is still queued', () => {
    const a = store.add('a', spec(1), 1).jobId;
    const b = store.add('b', spec(2), 2).jobId;
    expect(store.claim(a)).toBe(true);
    expect(store.claim(a)).toBe(false);
    expect(store.cancelQueued(a, 3)).toBe(false);
    expect(store.cancelQueued(b, 3)).toBe(true);
    expect(store.claim(b)).toBe(false);
    expect(states()).toEqual([
      { id: a, state: 'running', owner: leaseOwner() },
      { id: b, state: 'cancelled', owner: null },
    ]);
  });

  it("queues a running job again once its owner's lease lapsed, and leaves a live owner's job running", () => {
    const mine = store.add('mine', spec(1), 1).jobId;
    const theirs = store.add('theirs', spec(2), 2).jobId;
    const release = holdLease(db, 0);
    store.claim(mine);
    store.claim(theirs);
    store.setRun(theirs, 'run-x');
    db.prepare("INSERT INTO leases (owner, expires_at) VALUES ('other-host', 500)").run();
    db.prepare("UPDATE backtest_jobs SET owner = 'other-host' WHERE id = ?").run(theirs);

    expect(store.recover(500)).toBe(0);
    expect(store.recover(501)).toBe(1);
    // This thread holds its lease, so its own job stays running whatever the clock says.
    expect(states()).toEqual([
      { id: mine, state: 'running', owner: leaseOwner() },
      { id: theirs, state: 'queued', owner: null },
    ]);
    expect(store.load(0).map((j) => j.job)).toEqual([expect.objectContaining({ jobId: theirs, runId: null, state: 'queued' })]);
    release();
  });

  it('fails a queued job whose stored spec is not an object, naming the job, and loads the rest', () => {
    const bad = store.add('bad', spec(1), 1).jobId;
    const good = store.add('good', spec(2), 2).jobId;
    db.prepare("UPDATE backtest_jobs SET spec_json = '[1, 2]' WHERE id = ?").run(bad);
    const loaded = store.load(0);
    expect(loaded.map((j) => [j.job.jobId, j.job.state])).toEqual([
      [bad, 'failed'],
      [good, 'queued'],
    ]);
    expect(loaded[0].job.error).toMatch(new RegExp(`^backtest_jobs row ${bad}: spec_json is not a spec object`));
    expect(store.load(0).map((j) => j.job.jobId)).toEqual([good]);
  });
});
