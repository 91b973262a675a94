-- Which process is computing a run is proven by a lease it keeps renewing, not by a pid and host
-- name (containers reuse pid 1, and a host name says nothing about a process on it).
--
-- leases: one row per live owner (a process's engine thread or a backtest worker), renewed every few
-- seconds by a keeper thread (core/store/leaseKeeper.ts) while the owner holds anything.
CREATE TABLE leases (
  owner      TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) STRICT;

-- A 'running' run whose owner's lease has lapsed (or that has no owner: written before this
-- migration) is marked failed ("interrupted") by the next open.
ALTER TABLE backtest_runs ADD COLUMN lease_owner TEXT;
ALTER TABLE backtest_runs DROP COLUMN pid;
ALTER TABLE backtest_runs DROP COLUMN host;

-- The backtest queue, persisted so a crash leaves queued jobs queued. position orders the queue;
-- owner is the host running a 'running' job (its lease in leases). A running job whose owner's
-- lease lapsed goes back to 'queued' on the next open.
CREATE TABLE backtest_jobs (
  id         TEXT PRIMARY KEY,
  position   INTEGER NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  spec_json  TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  run_id     TEXT,
  error      TEXT,
  owner      TEXT,
  queued_at  INTEGER NOT NULL,
  ended_at   INTEGER
) STRICT;
