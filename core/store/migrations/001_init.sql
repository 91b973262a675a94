-- Released migrations are append-only: never edit this file once shipped. Change the schema
-- with a new NNN_name.sql instead, because databases in the field have already applied this one
-- and openDatabase refuses any history it does not recognise.
--
-- Timestamps are INTEGER epoch milliseconds (UTC); money and prices are REAL.
-- STRICT tables make SQLite reject wrongly typed values instead of silently storing them.
-- Only the indexes the screens need exist: every extra index slows the bulk backtest writes.
--
-- A backtest writes millions of rows, so its records live in backtest_* tables shaped for bulk
-- writes: keyed by the run's INTEGER row (not its 36-character id) and by per-run sequence numbers,
-- WITHOUT ROWID so the primary key is the only b-tree. Paper and live records keep their own
-- tables, with broker ids as text and the client order ref unique forever.
--
-- Backtest tables store nothing that can be derived from what they hold: every stored value costs
-- bulk-write time. The backtest_*_view views put the derived values back, and readers use them.

CREATE TABLE backtest_runs (
  row              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
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
  host             TEXT,
  -- The run's generated client order refs are this prefix and the order number (core/domain/ids).
  order_ref_prefix TEXT
) STRICT;

-- seq is the number of the engine's order id "O<seq>"; intent is the planner's action (INCREASE, ...).
-- client_order_ref is NULL when it is the run's generated ref for seq (see backtest_orders_view).
CREATE TABLE backtest_orders (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  client_order_ref TEXT,
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
  intent           TEXT,
  PRIMARY KEY (run, seq)
) STRICT, WITHOUT ROWID;

-- seq and order_seq are the numbers of the engine's ids "F<seq>" and "O<order_seq>". A fill's
-- instrument and side are its order's.
CREATE TABLE backtest_fills (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  order_seq        INTEGER NOT NULL,
  quantity         REAL NOT NULL,
  price            REAL NOT NULL,
  commission       REAL NOT NULL,
  slippage         REAL NOT NULL,
  reference_price  REAL NOT NULL,
  ts               INTEGER NOT NULL,
  PRIMARY KEY (run, seq)
) STRICT, WITHOUT ROWID;

-- One snapshot per instrument and session: the key serves "positions as of a date" and makes a
-- rewritten snapshot replace the earlier one. Market value and unrealized P&L are derived (the view).
CREATE TABLE backtest_positions (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  quantity         REAL NOT NULL,
  avg_cost         REAL NOT NULL,
  market_price     REAL NOT NULL,
  realized_pnl     REAL NOT NULL,
  PRIMARY KEY (run, ts, instrument)
) STRICT, WITHOUT ROWID;

-- A target portfolio per decision: one value per instrument and session, the latest replacing.
CREATE TABLE backtest_targets (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('weight', 'quantity')),
  value            REAL NOT NULL,
  PRIMARY KEY (run, ts, instrument)
) STRICT, WITHOUT ROWID;

CREATE TABLE backtest_trades (
  row              INTEGER PRIMARY KEY,
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
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
CREATE INDEX backtest_trades_run ON backtest_trades (run);

CREATE TABLE backtest_actions (
  row              INTEGER PRIMARY KEY,
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  action           TEXT NOT NULL,
  instrument       TEXT,
  detail_json      TEXT
) STRICT;
CREATE INDEX backtest_actions_run ON backtest_actions (run);

CREATE TABLE backtest_daily_equity (
  run              INTEGER NOT NULL REFERENCES backtest_runs (row) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  cash             REAL NOT NULL,
  equity           REAL NOT NULL,
  gross_exposure   REAL NOT NULL,
  net_exposure     REAL NOT NULL,
  drawdown         REAL NOT NULL,
  benchmark_equity REAL,
  PRIMARY KEY (run, ts)
) STRICT, WITHOUT ROWID;

-- The backtest tables as their readers see them. Each view keeps its table's key columns (run, seq,
-- ts, ...), so a query filtering one run by them still walks the primary key.

-- orderRefFor in core/domain/ids: the prefix, then the number's high 12 bits and low 48 bits in hex.
CREATE VIEW backtest_orders_view AS
SELECT o.run, o.seq,
  COALESCE(o.client_order_ref, r.order_ref_prefix || printf('%03x-%012x', o.seq >> 48, o.seq & 281474976710655)) AS client_order_ref,
  o.instrument, o.side, o.type, o.quantity, o.limit_price, o.stop_price, o.time_in_force, o.status,
  o.filled_quantity, o.avg_fill_price, o.commission, o.status_reason, o.created_at, o.updated_at, o.intent
FROM backtest_orders o JOIN backtest_runs r ON r.row = o.run;

-- A fill shows once its order is stored: at its final state, or when the run ends.
CREATE VIEW backtest_fills_view AS
SELECT f.run, f.seq, f.order_seq, o.instrument, o.side, f.quantity, f.price, f.commission, f.slippage,
  f.reference_price, f.ts
FROM backtest_fills f JOIN backtest_orders o ON o.run = f.run AND o.seq = f.order_seq;

-- As core/engine/portfolio.ts computes them, so the values come back bit for bit.
CREATE VIEW backtest_positions_view AS
SELECT run, ts, instrument, quantity, avg_cost, market_price,
  CASE WHEN quantity = 0 THEN 0.0 ELSE quantity * market_price END AS market_value,
  CASE WHEN quantity = 0 THEN 0.0 ELSE quantity * (market_price - avg_cost) END AS unrealized_pnl,
  realized_pnl
FROM backtest_positions;

-- Paper and live trading.

CREATE TABLE orders (
  row              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
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
  intent           TEXT
) STRICT;
-- Orders sent to a broker must be matchable by their ref forever.
CREATE UNIQUE INDEX orders_broker_ref ON orders (client_order_ref);

CREATE TABLE fills (
  row              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
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
CREATE INDEX fills_ts ON fills (ts);

CREATE TABLE trades (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
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

CREATE TABLE positions_snapshots (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  quantity         REAL NOT NULL,
  avg_cost         REAL NOT NULL,
  market_price     REAL NOT NULL,
  market_value     REAL NOT NULL,
  unrealized_pnl   REAL NOT NULL,
  realized_pnl     REAL NOT NULL
) STRICT;
CREATE INDEX positions_snapshots_ts ON positions_snapshots (ts);

CREATE TABLE executed_actions (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  action           TEXT NOT NULL,
  instrument       TEXT,
  detail_json      TEXT
) STRICT;

CREATE TABLE target_portfolios (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('weight', 'quantity')),
  value            REAL NOT NULL
) STRICT;
