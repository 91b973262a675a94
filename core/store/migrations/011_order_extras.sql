-- Trailing, iceberg and linked orders (bracket, OCO, OTO): what few orders carry beyond the plain
-- columns, as the domain's OrderExtras in JSON (trail, limitOffset, displayQuantity, link). NULL for
-- a plain order, which is almost every order.
ALTER TABLE orders ADD COLUMN extras TEXT;
ALTER TABLE backtest_orders ADD COLUMN extras TEXT;

DROP VIEW backtest_orders_view;
CREATE VIEW backtest_orders_view AS
SELECT o.run, o.seq,
  COALESCE(o.client_order_ref, r.order_ref_prefix || printf('%03x-%012x', o.seq >> 48, o.seq & 281474976710655)) AS client_order_ref,
  o.instrument, o.side, o.type, o.quantity, o.limit_price, o.stop_price, o.time_in_force, o.status,
  o.filled_quantity, o.avg_fill_price, o.commission, o.status_reason, o.created_at, o.updated_at, o.intent, o.extras
FROM backtest_orders o JOIN backtest_runs r ON r.row = o.run;
