-- Alpaca: what the adapter needs beyond the paper/live tables of 001 to match its records to Alpaca's
-- after a reconnect or a restart (core/broker/alpaca/store). Differences go to 008's ib_differences,
-- which the Trading screen shows whichever broker found them.

-- One row per order the Alpaca adapter took, next to its orders row. Alpaca's order id is known once
-- Alpaca answered. `sent_at`: when it was handed to the client library to send (null: refused before
-- sending); `left_at`: when its POST left the process (null: it waited in the client-side rate limit, or
-- never left). `fate_unknown`: the POST left and no answer came back (timeout, lost response): it is
-- looked up by client_order_id, never sent again. `unknown`: not found at Alpaca by its client_order_id
-- either: shown to the trader.
CREATE TABLE alpaca_orders (
  client_order_ref TEXT PRIMARY KEY REFERENCES orders (client_order_ref),
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  alpaca_order_id  TEXT,
  alpaca_status    TEXT,
  sent_at          INTEGER,
  left_at          INTEGER,
  fate_unknown     INTEGER NOT NULL DEFAULT 0 CHECK (fate_unknown IN (0, 1)),
  unknown          INTEGER NOT NULL DEFAULT 0 CHECK (unknown IN (0, 1)),
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
  reference_price  REAL
) STRICT;
CREATE INDEX alpaca_orders_id ON alpaca_orders (alpaca_order_id);

-- Fills by their identity at Alpaca: the order and the cumulative quantity it reached with the fill
-- (a trade update and the FILL activity of one execution name it alike), so a replay never adds a fill twice.
CREATE TABLE alpaca_fills (
  fill_key         TEXT PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  fill_row         INTEGER NOT NULL REFERENCES fills (row),
  alpaca_order_id  TEXT NOT NULL
) STRICT;

-- What a reconciliation saw: Alpaca's positions at `ts` and the last Alpaca fill row they account for.
-- The app's own record of a position is the latest baseline plus the Alpaca fills stored after it.
CREATE TABLE alpaca_baselines (
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  through_fill_row INTEGER NOT NULL,
  PRIMARY KEY (mode, ts)
) STRICT;

CREATE TABLE alpaca_baseline_positions (
  mode             TEXT NOT NULL,
  ts               INTEGER NOT NULL,
  instrument       TEXT NOT NULL,
  quantity         REAL NOT NULL,
  PRIMARY KEY (mode, ts, instrument),
  FOREIGN KEY (mode, ts) REFERENCES alpaca_baselines (mode, ts)
) STRICT;
