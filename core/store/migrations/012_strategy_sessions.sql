-- Strategy sessions (forward testing): a backtested strategy running on a paper or live broker.
-- Its orders and fills are the broker's rows in orders and fills (their client order refs start
-- with the session's ref_prefix); its snapshots, actions and targets carry its id.

CREATE TABLE strategy_sessions (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  broker           TEXT NOT NULL,
  -- The spec as it was resolved at the start (absolute paths), so a restart runs the same strategy.
  spec_json        TEXT NOT NULL,
  strategy         TEXT NOT NULL,
  -- What exactly runs: a module's content hash, or a built-in's name and the app version.
  strategy_version TEXT NOT NULL,
  source_run_id    TEXT,
  ref_prefix       TEXT NOT NULL UNIQUE,
  -- The account's cash when the session first started: its shadow backtest's initial cash.
  initial_cash     REAL NOT NULL,
  -- The size of the bars it decides on.
  bar_seconds      INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('running', 'paused', 'stopped', 'failed')),
  reason           TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  stopped_at       INTEGER,
  -- The last session (bar stamp) decided: a restart never decides it, or anything before it, again.
  last_decided_ts  INTEGER,
  decisions        INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every bar the session saw, warm-up history included: its shadow backtest's data.
CREATE TABLE session_bars (
  session_id       TEXT NOT NULL REFERENCES strategy_sessions (id) ON DELETE CASCADE,
  symbol           TEXT NOT NULL,
  ts               INTEGER NOT NULL,
  open             REAL NOT NULL,
  high             REAL NOT NULL,
  low              REAL NOT NULL,
  close            REAL NOT NULL,
  volume           REAL NOT NULL,
  live             INTEGER NOT NULL CHECK (live IN (0, 1)),
  PRIMARY KEY (session_id, symbol, ts)
) STRICT, WITHOUT ROWID;

-- The account as the session saw it at each decision.
CREATE TABLE session_equity (
  session_id       TEXT NOT NULL REFERENCES strategy_sessions (id) ON DELETE CASCADE,
  ts               INTEGER NOT NULL,
  decision         INTEGER NOT NULL,
  equity           REAL NOT NULL,
  cash             REAL NOT NULL,
  PRIMARY KEY (session_id, ts)
) STRICT, WITHOUT ROWID;

-- Each order the session sent, recorded before it was sent: the decision it came from, the price
-- that decision saw, and when it was decided, sent, acknowledged and filled (the latency columns).
CREATE TABLE session_orders (
  client_order_ref TEXT PRIMARY KEY,
  session_id       TEXT NOT NULL REFERENCES strategy_sessions (id) ON DELETE CASCADE,
  decision_ts      INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  decision_price   REAL,
  -- The broker's last price when it was sent (null when no quote had arrived).
  arrival_quote    REAL,
  decided_at       INTEGER NOT NULL,
  sent_at          INTEGER NOT NULL,
  acknowledged_at  INTEGER,
  filled_at        INTEGER
) STRICT;
CREATE INDEX session_orders_session ON session_orders (session_id, decision_ts);

ALTER TABLE positions_snapshots ADD COLUMN session_id TEXT;
ALTER TABLE executed_actions ADD COLUMN session_id TEXT;
ALTER TABLE target_portfolios ADD COLUMN session_id TEXT;

-- Every paper and live order's arrival: the price it was decided at (a session's decision close, the
-- quote when the trader sent a ticket) and the broker's quote when it went out. Execution analytics
-- measure each fill against both.
ALTER TABLE orders ADD COLUMN arrival_price REAL;
ALTER TABLE orders ADD COLUMN arrival_quote REAL;
-- Execution analytics find an order's fills by its id.
CREATE INDEX fills_order ON fills (order_id);
