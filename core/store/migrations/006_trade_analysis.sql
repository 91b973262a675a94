-- Trade analysis: each round trip's maximum adverse and favourable excursions (its lowest and highest P&L
-- before commissions over the bars it lived through, in money and in % of its entered value), why it
-- closed (NULL while open), and the net P&L of the trips closed up to it. Rows stored before this have
-- NULL there: the bars they lived through were not kept with them.
ALTER TABLE backtest_trades ADD COLUMN mae REAL;
ALTER TABLE backtest_trades ADD COLUMN mae_pct REAL;
ALTER TABLE backtest_trades ADD COLUMN mfe REAL;
ALTER TABLE backtest_trades ADD COLUMN mfe_pct REAL;
ALTER TABLE backtest_trades ADD COLUMN exit_reason TEXT
  CHECK (exit_reason IN ('SIGNAL', 'STOP', 'TARGET', 'TRAILING_STOP', 'END_OF_RUN', 'MARGIN_CALL', 'RISK'));
ALTER TABLE backtest_trades ADD COLUMN cumulative_pnl REAL;

-- Paper and live round trips share the row shape.
ALTER TABLE trades ADD COLUMN mae REAL;
ALTER TABLE trades ADD COLUMN mae_pct REAL;
ALTER TABLE trades ADD COLUMN mfe REAL;
ALTER TABLE trades ADD COLUMN mfe_pct REAL;
ALTER TABLE trades ADD COLUMN exit_reason TEXT
  CHECK (exit_reason IN ('SIGNAL', 'STOP', 'TARGET', 'TRAILING_STOP', 'END_OF_RUN', 'MARGIN_CALL', 'RISK'));
ALTER TABLE trades ADD COLUMN cumulative_pnl REAL;
