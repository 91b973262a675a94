import type {
  ActionRow,
  EquityRow,
  FillRow,
  OrderRow,
  PositionSnapshotRow,
  RunRow,
  TargetRow,
  TradeRow,
} from './rows';

/** Maps each row field to its SQL column: the one place the writer and the queries learn a table's shape. */
export type FieldMap<R> = readonly (readonly [keyof R & string, string])[];

export const RUN_FIELDS = [
  ['id', 'id'],
  ['name', 'name'],
  ['strategy', 'strategy'],
  ['configJson', 'config_json'],
  ['seed', 'seed'],
  ['dataFingerprint', 'data_fingerprint'],
  ['appVersion', 'app_version'],
  ['status', 'status'],
  ['error', 'error'],
  ['createdAt', 'created_at'],
  ['finishedAt', 'finished_at'],
  ['periodStart', 'period_start'],
  ['periodEnd', 'period_end'],
  ['sessionsTotal', 'sessions_total'],
  ['sessionsDone', 'sessions_done'],
  ['metricsJson', 'metrics_json'],
  ['pid', 'pid'],
  ['host', 'host'],
] as const satisfies FieldMap<RunRow>;

export const ORDER_FIELDS = [
  ['id', 'id'],
  ['clientOrderRef', 'client_order_ref'],
  ['instrument', 'instrument'],
  ['side', 'side'],
  ['type', 'type'],
  ['quantity', 'quantity'],
  ['limitPrice', 'limit_price'],
  ['stopPrice', 'stop_price'],
  ['timeInForce', 'time_in_force'],
  ['status', 'status'],
  ['filledQuantity', 'filled_quantity'],
  ['avgFillPrice', 'avg_fill_price'],
  ['commission', 'commission'],
  ['statusReason', 'status_reason'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
  ['metadataJson', 'metadata_json'],
] as const satisfies FieldMap<OrderRow>;

export const FILL_FIELDS = [
  ['id', 'id'],
  ['orderId', 'order_id'],
  ['instrument', 'instrument'],
  ['side', 'side'],
  ['quantity', 'quantity'],
  ['price', 'price'],
  ['commission', 'commission'],
  ['slippage', 'slippage'],
  ['referencePrice', 'reference_price'],
  ['ts', 'ts'],
] as const satisfies FieldMap<FillRow>;

export const TRADE_FIELDS = [
  ['instrument', 'instrument'],
  ['direction', 'direction'],
  ['quantity', 'quantity'],
  ['entryTs', 'entry_ts'],
  ['entryPrice', 'entry_price'],
  ['exitTs', 'exit_ts'],
  ['exitPrice', 'exit_price'],
  ['pnl', 'pnl'],
  ['returnPct', 'return_pct'],
  ['commission', 'commission'],
  ['barsHeld', 'bars_held'],
] as const satisfies FieldMap<TradeRow>;

export const POSITION_FIELDS = [
  ['ts', 'ts'],
  ['instrument', 'instrument'],
  ['quantity', 'quantity'],
  ['avgCost', 'avg_cost'],
  ['marketPrice', 'market_price'],
  ['marketValue', 'market_value'],
  ['unrealizedPnl', 'unrealized_pnl'],
  ['realizedPnl', 'realized_pnl'],
] as const satisfies FieldMap<PositionSnapshotRow>;

export const EQUITY_FIELDS = [
  ['ts', 'ts'],
  ['cash', 'cash'],
  ['equity', 'equity'],
  ['grossExposure', 'gross_exposure'],
  ['netExposure', 'net_exposure'],
  ['drawdown', 'drawdown'],
  ['benchmarkEquity', 'benchmark_equity'],
] as const satisfies FieldMap<EquityRow>;

export const ACTION_FIELDS = [
  ['ts', 'ts'],
  ['action', 'action'],
  ['instrument', 'instrument'],
  ['detailJson', 'detail_json'],
] as const satisfies FieldMap<ActionRow>;

export const TARGET_FIELDS = [
  ['ts', 'ts'],
  ['instrument', 'instrument'],
  ['kind', 'kind'],
  ['value', 'value'],
] as const satisfies FieldMap<TargetRow>;

/** `col AS field, ...`: selecting through this returns objects already shaped as the row type. */
export function selectList<R>(fields: FieldMap<R>): string {
  return fields.map(([field, column]) => (field === column ? column : `${column} AS ${field}`)).join(', ');
}
