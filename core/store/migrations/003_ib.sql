-- Interactive Brokers: what the adapter needs beyond the paper/live tables of 001 to match its
-- records to the broker's after a reconnect or a restart (core/broker/ib/store).

-- One row per order the IB adapter took, next to its orders row; an order refused before it was
-- sent has no IB ids. The IB order id is per client id; permId is IB's own id, stable across
-- sessions, known once TWS acknowledged the order. `unknown` = not found among TWS's open and
-- completed orders after a reconnect: shown to the trader, never re-sent.
CREATE TABLE ib_orders (
  client_order_ref TEXT PRIMARY KEY REFERENCES orders (client_order_ref),
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  account          TEXT,
  client_id        INTEGER,
  ib_order_id      INTEGER,
  perm_id          INTEGER,
  con_id           INTEGER,
  ib_status        TEXT,
  acknowledged     INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
  unknown          INTEGER NOT NULL DEFAULT 0 CHECK (unknown IN (0, 1)),
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1))
) STRICT;
-- The id allocator starts above every id this client ever used (TWS may roll nextValidId back).
CREATE INDEX ib_orders_client ON ib_orders (mode, client_id, ib_order_id);
CREATE INDEX ib_orders_perm ON ib_orders (perm_id);

-- Executions by IB's execId, so replays (reqExecutions, reconnects, duplicates) never add a fill twice;
-- the fill row gets its commission when the commission report arrives.
CREATE TABLE ib_executions (
  exec_id          TEXT PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  fill_row         INTEGER NOT NULL REFERENCES fills (row),
  perm_id          INTEGER,
  ib_order_id      INTEGER,
  account          TEXT NOT NULL,
  commission_known INTEGER NOT NULL DEFAULT 0 CHECK (commission_known IN (0, 1))
) STRICT;

-- Orders of paper and live trading are looked up by their id when the broker reports on them.
CREATE INDEX orders_id ON orders (id);
