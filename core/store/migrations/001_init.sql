-- Released migrations are append-only: never edit this file once shipped. Change the schema
-- with a new NNN_name.sql instead, because databases in the field have already applied this one
-- and openDatabase refuses any history it does not recognise.
--
-- Timestamps are INTEGER epoch milliseconds (UTC); money and prices are REAL.
-- STRICT tables make SQLite reject wrongly typed values instead of silently storing them.
-- Only the indexes the screens need exist: every extra index slows the bulk backtest writes.

CREATE TABLE backtest_runs (
  id               TEXT PRIMARY KEY NOT NULL,
  name             TEXT NOT NULL,
  strategy         TEXT NOT NULL,
  config_json      TEXT NOT NULL,
  seed             INTEGER NOT NULL,
  data_fingerprint TEXT NOT NULL,
  app_version      TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
  error            TEXT,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER,
  period_start     INTEGER NOT NULL,
  period_end       INTEGER NOT NULL,
  sessions_total   INTEGER NOT NULL,
  sessions_done    INTEGER NOT NULL DEFAULT 0,
  metrics_json     TEXT,
  pid              INTEGER,
  host             TEXT
) STRICT;

CREATE TABLE orders (
  row              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL,
  run_id           TEXT REFERENCES backtest_runs (id) ON DELETE CASCADE,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  client_order_ref TEXT NOT NULL,
  instrument       TEXT NOT NULL,
  side             TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  type             TEXT NOT NULL,
  quantity         REAL NOT NULL,
  limit_price      REAL,
  stop_price       REAL,
  time_in_force    TEXT NOT NULL,
  status           TEXT NOT NULL,
  filled_quantity  REAL NOT NULL,
  avg_fill_price   REAL NOT NULL,
  commission       REAL NOT NULL,
  status_reason    TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  metadata_json    TEXT
) STRICT;
CREATE INDEX orders_run_id ON orders (run_id, id);
-- Orders sent to a broker must be matchable by their ref forever. A backtest's refs are random v4
-- UUIDs that never leave the run, and a unique index over millions of them would halve write speed.
CREATE UNIQUE INDEX orders_broker_ref ON orders (client_order_ref) WHERE run_id IS NULL;

CREATE TABLE fills (
  row              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL,
  run_id           TEXT REFERENCES backtest_runs (id) ON DELETE CASCADE,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  order_id         TEXT NOT NULL,
  instrument       TEXT NOT NULL,
  side             TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  quantity         REAL NOT NULL,
  price            REAL NOT NULL,
  commission       REAL NOT NULL,
  slippage         REAL NOT NULL,
  reference_price  REAL NOT NULL,
  ts               INTEGER NOT NULL
) STRICT;
CREATE INDEX fills_run_ts ON fills (run_id, ts);

-- Round trips of paper and live trading; backtests keep theirs in backtest_trades.
CREATE TABLE trades (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  instrument       TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('LONG', 'SHORT')),
  quantity         REAL NOT NULL,
  entry_ts         INTEGER NOT NULL,
  entry_price      REAL NOT NULL,
  exit_ts          INTEGER,
  exit_price       REAL,
  pnl              REAL,
  return_pct       REAL,
  commission       REAL NOT NULL,
  bars_held        INTEGER
) STRICT;

CREATE TABLE backtest_trades (
  row              INTEGER PRIMARY KEY,
  run_id           TEXT NOT NULL REFERENCES backtest_runs (id) ON DELETE CASCADE,
  instrument       TEXT NOT NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('LONG', 'SHORT')),
  quantity         REAL NOT NULL,
  entry_ts         INTEGER NOT NULL,
  entry_price      REAL NOT NULL,
  exit_ts          INTEGER,
  exit_price       REAL,
  pnl              REAL,
  return_pct       REAL,
  commission       REAL NOT NULL,
  bars_held        INTEGER
) STRICT;
CREATE INDEX backtest_trades_run ON backtest_trades (run_id);

CREATE TABLE positions_snapshots (
  row              INTEGER PRIMARY KEY,
  run_id           TEXT REFERENCES backtest_runs (id) ON DELETE CASCADE,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  quantity         REAL NOT NULL,
  avg_cost         REAL NOT NULL,
  market_price     REAL NOT NULL,
  market_value     REAL NOT NULL,
  unrealized_pnl   REAL NOT NULL,
  realized_pnl     REAL NOT NULL
) STRICT;
CREATE INDEX positions_snapshots_run_ts ON positions_snapshots (run_id, ts);

CREATE TABLE executed_actions (
  row              INTEGER PRIMARY KEY,
  run_id           TEXT REFERENCES backtest_runs (id) ON DELETE CASCADE,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  action           TEXT NOT NULL,
  instrument       TEXT,
  detail_json      TEXT
) STRICT;

CREATE TABLE target_portfolios (
  row              INTEGER PRIMARY KEY,
  run_id           TEXT REFERENCES backtest_runs (id) ON DELETE CASCADE,
  mode             TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('weight', 'quantity')),
  value            REAL NOT NULL
) STRICT;

CREATE TABLE backtest_daily_equity (
  run_id           TEXT NOT NULL REFERENCES backtest_runs (id) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  cash             REAL NOT NULL,
  equity           REAL NOT NULL,
  gross_exposure   REAL NOT NULL,
  net_exposure     REAL NOT NULL,
  drawdown         REAL NOT NULL,
  benchmark_equity REAL,
  PRIMARY KEY (run_id, ts)
) STRICT, WITHOUT ROWID;
