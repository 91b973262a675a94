-- Portfolio risk reports (core/risk): one row per report asked for. run_id is the backtest run's row
-- (NULL for a PAPER/LIVE account report); as_of is the close the report is as of, created_at when it was
-- made (epoch ms). Fractions are of equity (0.02 = 2 %); the headline columns repeat the 1-day figures so
-- they can be queried, and figures_json holds the whole grid (method x confidence x horizon).
CREATE TABLE portfolio_risk_reports (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER REFERENCES backtest_runs (row) ON DELETE CASCADE,
  mode               TEXT NOT NULL CHECK (mode IN ('BACKTEST', 'PAPER', 'LIVE')),
  as_of              INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  equity             REAL NOT NULL,
  observations       INTEGER NOT NULL,
  confidence_levels  TEXT NOT NULL,
  hist_var_95_1d     REAL,
  hist_var_99_1d     REAL,
  hist_es_95_1d      REAL,
  hist_es_99_1d      REAL,
  param_var_95_1d    REAL,
  param_var_99_1d    REAL,
  volatility         REAL,
  beta               REAL,
  gross_exposure     REAL NOT NULL,
  net_exposure       REAL NOT NULL,
  long_exposure      REAL NOT NULL,
  short_exposure     REAL NOT NULL,
  herfindahl         REAL NOT NULL,
  rolling_window     INTEGER NOT NULL,
  figures_json       TEXT NOT NULL,
  exposures_json     TEXT NOT NULL,
  scenarios_json     TEXT NOT NULL,
  worst_windows_json TEXT NOT NULL
) STRICT;

CREATE INDEX portfolio_risk_reports_run ON portfolio_risk_reports (run_id, as_of);
