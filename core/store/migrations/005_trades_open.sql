-- A round trip still open when a run ends is stored too, marked at the last close: status 'OPEN', its
-- exit_ts / exit_price / pnl as marked then, mark_price the close the units still held are valued at, and
-- unrealized_pnl those units' gain over the entry price. Rows stored before this are closed trips.
ALTER TABLE backtest_trades ADD COLUMN status TEXT NOT NULL DEFAULT 'CLOSED' CHECK (status IN ('CLOSED', 'OPEN'));
ALTER TABLE backtest_trades ADD COLUMN mark_price REAL;
ALTER TABLE backtest_trades ADD COLUMN unrealized_pnl REAL;

-- Paper and live round trips share the row shape.
ALTER TABLE trades ADD COLUMN status TEXT NOT NULL DEFAULT 'CLOSED' CHECK (status IN ('CLOSED', 'OPEN'));
ALTER TABLE trades ADD COLUMN mark_price REAL;
ALTER TABLE trades ADD COLUMN unrealized_pnl REAL;
