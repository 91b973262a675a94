import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CONNECTION_PRAGMAS } from './connectionPragmas';
import { createLeaseKeeper } from './leaseKeeper';

/** A lease not renewed for this long is lapsed: its owner is taken to be gone. */
export const LEASE_TTL_MS = 20_000;
/** Several renewals fit in one TTL, so a renewal that waits out a busy database does not lapse it. */
export const LEASE_RENEW_MS = 4_000;

/** This thread's owner token. Module state is per thread, so each backtest worker has its own. */
const OWNER = `owner-${randomUUID()}`;

/** How many holds this thread has on each database: keyed by file, or by the connection when in memory. */
const holds = new Map<unknown, number>();
let keeper: ReturnType<typeof createLeaseKeeper> | null = null;

const keyOf = (db: Database.Database): unknown => (db.memory ? db : db.name);

export function leaseOwner(): string {
  return OWNER;
}

/** True while this thread holds a lease on db's database: then its owner is alive whatever the clock says. */
export function holdsLease(db: Database.Database): boolean {
  return (holds.get(keyOf(db)) ?? 0) > 0;
}

/**
 * Takes this thread's lease on db's database (or adds a hold to it) and keeps it renewed until every
 * hold is released. Call it inside the transaction that records what the lease guards, so nothing
 * is ever owned without a lease row.
 */
export function holdLease(db: Database.Database, now: number = Date.now()): () => void {
  db.prepare(
    `INSERT INTO leases (owner, expires_at) VALUES (@owner, @expires)
     ON CONFLICT (owner) DO UPDATE SET expires_at = max(expires_at, @expires)`,
  ).run({ owner: OWNER, expires: now + LEASE_TTL_MS });
  const key = keyOf(db);
  const count = holds.get(key) ?? 0;
  holds.set(key, count + 1);
  // Nobody else can open an in-memory database, so nothing there needs renewing.
  if (count === 0 && !db.memory) {
    keeper ??= createLeaseKeeper(OWNER, CONNECTION_PRAGMAS, LEASE_TTL_MS, LEASE_RENEW_MS);
    keeper.watch(db.name);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holds.get(key) ?? 1) - 1;
    if (left > 0) {
      holds.set(key, left);
      return;
    }
    holds.delete(key);
    if (!db.memory) keeper?.unwatch(db.name);
    try {
      if (db.open) db.prepare('DELETE FROM leases WHERE owner = ?').run(OWNER);
    } catch {
      // Busy or closed: an unrenewed lease lapses by itself within LEASE_TTL_MS.
    }
  };
}

/**
 * SQL true when `column` names an owner with no live lease at @now (or no owner at all). @self is
 * this thread's owner when it holds a lease (alive whatever @now says), else NULL.
 */
export function lapsedOwnerSql(column: string): string {
  return `(${column} IS NULL OR ${column} NOT IN (SELECT owner FROM leases WHERE expires_at >= @now OR owner = @self))`;
}

/** The parameters lapsedOwnerSql needs. */
export function leaseParams(db: Database.Database, now: number): { now: number; self: string | null } {
  return { now, self: holdsLease(db) ? OWNER : null };
}

/** Drops lapsed lease rows; call within the transaction that acted on them. */
export function dropLapsedLeases(db: Database.Database, now: number): void {
  db.prepare('DELETE FROM leases WHERE expires_at < @now AND owner IS NOT @self').run(leaseParams(db, now));
}
