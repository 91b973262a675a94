-- A backtest run's position snapshots, one row per session: the positions held at its close, packed
-- (see core/store/positionSets.ts). A run holds millions of positions; a row each cost its writer more
-- than its orders and fills. Runs recorded before keep their rows in backtest_positions, still read.
-- Rows run to kilobytes, so the table keeps its rowid, with the key as a unique index.
CREATE TABLE backtest_position_sets (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  held             INTEGER NOT NULL CHECK (held > 0),
  instruments      TEXT NOT NULL,
  data             BLOB NOT NULL,
  UNIQUE (run, ts)
) STRICT;
