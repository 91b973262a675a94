-- Research: parameter sweeps and walk-forward analyses (core/service/research). A sweep keeps each
-- combination's metrics, not its orders and fills: a full run is recorded (as a backtest_runs row) only
-- for the combinations the trader opens, and sweep_results.run_id points at it. run_id is not a foreign
-- key: deleting that run must not touch the sweep; a dangling id is recorded anew when opened again.

CREATE TABLE sweeps (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  strategy       TEXT NOT NULL,
  objective      TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  -- The sweep as asked (axes, search, where, objective, and the spec in the form's shape).
  request_json   TEXT NOT NULL,
  param_names    TEXT NOT NULL,
  combinations   INTEGER NOT NULL,
  done           INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  elapsed_ms     REAL,
  best_idx       INTEGER,
  best_objective REAL,
  overfitting_json TEXT,
  error          TEXT
) STRICT;

-- idx is the combination's number in the sweep's fixed order (the same on every machine and shard).
CREATE TABLE sweep_results (
  sweep_id     TEXT NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  params_json  TEXT NOT NULL,
  objective    REAL,
  metrics_json TEXT NOT NULL,
  run_id       TEXT,
  PRIMARY KEY (sweep_id, idx)
) STRICT, WITHOUT ROWID;

-- A walk-forward's windows, stitched curve and summary are one document, written when it ends.
CREATE TABLE walk_forwards (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  strategy     TEXT NOT NULL,
  objective    TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  request_json TEXT NOT NULL,
  param_names  TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  elapsed_ms   REAL,
  done         INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL DEFAULT 0,
  result_json  TEXT,
  error        TEXT
) STRICT;
