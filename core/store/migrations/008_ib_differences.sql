-- Differences a reconciliation found between the broker's records and the app's own (the last positions
-- snapshot plus the fills stored since): shown on the Trading screen until the trader acknowledges each.
-- `key` names what differs within its kind (instrument, order id, permId, execId), so a difference
-- still open is updated by the next reconciliation rather than listed twice.
CREATE TABLE ib_differences (
  row              INTEGER PRIMARY KEY,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  ts               INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('position', 'unknown_order', 'external_order', 'unseen_fill')),
  key              TEXT NOT NULL,
  instrument       TEXT,
  ours             REAL,
  broker           REAL,
  detail           TEXT NOT NULL,
  acknowledged_at  INTEGER
) STRICT;
CREATE UNIQUE INDEX ib_differences_open ON ib_differences (mode, kind, key) WHERE acknowledged_at IS NULL;

-- The fill row a positions snapshot already accounts for: the app's position is that snapshot plus
-- every fill stored after this row.
CREATE TABLE ib_position_baselines (
  ts               INTEGER NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('PAPER', 'LIVE')),
  through_fill_row INTEGER NOT NULL,
  PRIMARY KEY (mode, ts)
) STRICT;

-- The quote at submission (ask for a buy, bid for a sell, else the last price): each fill's reference
-- price and slippage are measured against it. Null when no quote was known then.
ALTER TABLE ib_orders ADD COLUMN reference_price REAL;

-- When the order left the app for TWS (epoch ms): the client library paces messages, so an order
-- can wait in the process after it was stored. Null: it never left (withdrawn, or the app stopped).
ALTER TABLE ib_orders ADD COLUMN left_at INTEGER;
