-- The bar store: imported and generated price history, and the instruments it prices.
--
-- A series is one symbol at one bar size ('1d', '1m', '1w', ... or 'tick' for irregular stamps).
-- Its bars are stored in chunks of up to 4096 consecutive bars, each chunk one BLOB holding the
-- columns ts, open, high, low, close, volume (and adj_close when the series has it) one after another
-- as little-endian float64 (see core/data/barStore/chunkCodec.ts). One row per bar was measured at
-- 2.0 s to load 500 symbols x 20 years of daily bars; chunks load the same in a fraction of that, and
-- loading into typed arrays is a byte copy. Chunks are keyed by (series, first_ts), so a range read
-- touches only the chunks that overlap it.
--
-- Coverage (first, last, bars, gaps) is computed once when a series is written, so listing the store
-- never reads bars.

CREATE TABLE bar_series (
  id            INTEGER PRIMARY KEY,
  symbol        TEXT NOT NULL,
  bar_size      TEXT NOT NULL,
  -- Where the bars came from: an import format (yahoo, stooq, backtrader, generic, ib) or 'synthetic'.
  source        TEXT NOT NULL,
  file_name     TEXT,
  imported_at   INTEGER NOT NULL,
  -- core/data/fingerprint.ts of the series as stored.
  fingerprint   TEXT NOT NULL,
  first_ts      INTEGER NOT NULL,
  last_ts       INTEGER NOT NULL,
  bar_count     INTEGER NOT NULL CHECK (bar_count > 0),
  -- The series' BarSeries.barSeconds (median step), kept so a load needs no pass over the stamps.
  bar_seconds   REAL NOT NULL,
  gaps          INTEGER NOT NULL CHECK (gaps >= 0),
  -- 1 when the bars carry a split- and dividend-adjusted close (Yahoo's Adj Close), which the
  -- split and total_return adjustments need.
  has_adj_close INTEGER NOT NULL CHECK (has_adj_close IN (0, 1)),
  UNIQUE (symbol, bar_size)
) STRICT;

CREATE TABLE bar_chunks (
  series   INTEGER NOT NULL REFERENCES bar_series (id) ON DELETE CASCADE,
  first_ts INTEGER NOT NULL,
  last_ts  INTEGER NOT NULL,
  bars     INTEGER NOT NULL CHECK (bars > 0),
  data     BLOB NOT NULL,
  PRIMARY KEY (series, first_ts)
) STRICT;

-- Written with defaults the first time a symbol is imported; the trader edits them.
CREATE TABLE instruments (
  symbol      TEXT PRIMARY KEY,
  exchange    TEXT NOT NULL DEFAULT 'SMART',
  currency    TEXT NOT NULL DEFAULT 'USD',
  -- IB's security types: STK, ETF, FUT, CASH, IND, CRYPTO, CFD, BOND.
  asset_class TEXT NOT NULL DEFAULT 'STK',
  lot_size    REAL NOT NULL DEFAULT 1 CHECK (lot_size > 0),
  tick_size   REAL NOT NULL DEFAULT 0.01 CHECK (tick_size > 0)
) STRICT, WITHOUT ROWID;

-- One-time facts about the store, such as that the default synthetic universe was written.
CREATE TABLE bar_store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
