import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { CONNECTION_PRAGMAS } from './connectionPragmas';
import { openDatabase } from './db';
import { createLeaseKeeper } from './leaseKeeper';
import { tempDir } from './testDb';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('lease keeper', () => {
  it("renews its owner's lease on its own thread until told to stop watching", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(`${dir}/app.db`);
    cleanups.push(() => db.close());
    db.prepare("INSERT INTO leases (owner, expires_at) VALUES ('k', 1), ('someone-else', 1)").run();
    const keeper = createLeaseKeeper('k', CONNECTION_PRAGMAS, 60_000, 20);
    cleanups.push(() => keeper.stop());
    const expiry = (owner: string) => db.prepare('SELECT expires_at FROM leases WHERE owner = ?').pluck().get(owner) as number;

    keeper.watch(db.name);
    await eventually(() => expiry('k') > Date.now(), 'the lease to be renewed', 10_000);
    expect(expiry('someone-else')).toBe(1);

    keeper.unwatch(db.name);
    await keeper.stop();
    db.prepare("UPDATE leases SET expires_at = 2 WHERE owner = 'k'").run();
    // Stopped: the next renewal would have come within 20 ms; a few store round trips later it still has not.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(expiry('k')).toBe(2);
  });

  it('does not bring back a lease dropped as lapsed', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(`${dir}/app.db`);
    cleanups.push(() => db.close());
    db.prepare("INSERT INTO leases (owner, expires_at) VALUES ('k', 1)").run();
    const keeper = createLeaseKeeper('k', CONNECTION_PRAGMAS, 60_000, 20);
    cleanups.push(() => keeper.stop());
    keeper.watch(db.name);
    await eventually(() => (db.prepare("SELECT expires_at FROM leases WHERE owner = 'k'").pluck().get() as number) > 1, 'a first renewal', 10_000);
    db.prepare("DELETE FROM leases WHERE owner = 'k'").run();
    // Renewals go on (the keeper still watches), yet the dropped row stays gone.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(db.prepare("SELECT count(*) FROM leases WHERE owner = 'k'").pluck().get()).toBe(0);
  });
});
