import { ORDER_STATUSES, ORDER_TYPES, SIDES, TIME_IN_FORCE, TRADE_STATUSES } from '../domain/enums';
import type {
  ActionRow,
  EquityRow,
  FillRow,
  OrderRow,
  PositionSetRow,
  PositionSnapshotRow,
  RunRow,
  TargetRow,
  TradeRow,
} from './rows';

/**
 * How a row field is stored: `num`/`text` reject null, `num?`/`text?` allow it, `seq` stores a
 * domain id like "O123" as its INTEGER number (the prefix comes back when read), `enum` is text
 * from a fixed list that travels to the writer as the value's position in it, and `blob` is bytes.
 */
export type ColumnKind = 'num' | 'num?' | 'text' | 'text?' | 'seq' | 'enum' | 'blob';

export interface ColumnSpec<R> {
  readonly field: keyof R & string;
  readonly column: string;
  readonly kind: ColumnKind;
  /** For `seq` columns: the id's letter prefix. */
  readonly prefix?: string;
  /** For `enum` columns: every value the column takes. */
  readonly values?: readonly string[];
  /** Not stored: the table's `source` view derives it, and writers ignore the row's field. */
  readonly derived?: boolean;
}

/** One table's shape: the one place the writer, the worker and the queries learn it. */
export interface TableSpec<R> {
  readonly table: string;
  /** Where rows are read, when derived columns need a view over the table. Default: the table. */
  readonly source?: string;
  /** Every field of a row as read; the stored ones are also what is written. */
  readonly columns: readonly ColumnSpec<R>[];
  /** A row with the same key replaces the earlier one (snapshots), instead of failing. */
  readonly replace?: boolean;
}

function col<R>(field: keyof R & string, column: string, kind: ColumnKind, prefix?: string): ColumnSpec<R> {
  return { field, column, kind, prefix };
}

/**
 * Text from a closed list, such as a side or a status: a number crosses to the writer thread and is
 * bound in its place (SQL turns it back into the text), where a bound string costs three numbers.
 */
function enumCol<R>(field: keyof R & string, column: string, values: readonly string[]): ColumnSpec<R> {
  return { field, column, kind: 'enum', values };
}

/** A column only the table's view has, computed from the stored ones. */
function derived<R>(field: keyof R & string, column: string, kind: ColumnKind): ColumnSpec<R> {
  return { field, column, kind, derived: true };
}

/** The columns a writer stores, in the order it binds them. */
export function storedColumns<R>(spec: TableSpec<R>): ColumnSpec<R>[] {
  return spec.columns.filter((c) => !c.derived);
}

/** The table or view rows are read from. */
export function sourceOf(spec: { readonly table: string; readonly source?: string }): string {
  return spec.source ?? spec.table;
}

export const RUN_COLUMNS: readonly ColumnSpec<RunRow>[] = [
  col('id', 'id', 'text'),
  col('name', 'name', 'text'),
  col('strategy', 'strategy', 'text'),
  col('configJson', 'config_json', 'text'),
  col('seed', 'seed', 'num'),
  col('dataFingerprint', 'data_fingerprint', 'text'),
  col('appVersion', 'app_version', 'text'),
  col('status', 'status', 'text'),
  col('error', 'error', 'text?'),
  col('createdAt', 'created_at', 'num'),
  col('finishedAt', 'finished_at', 'num?'),
  col('periodStart', 'period_start', 'num'),
  col('periodEnd', 'period_end', 'num'),
  col('sessionsTotal', 'sessions_total', 'num'),
  col('sessionsDone', 'sessions_done', 'num'),
  col('metricsJson', 'metrics_json', 'text?'),
  col('leaseOwner', 'lease_owner', 'text?'),
];

/** A backtest stores a generated client order ref as NULL (see orderRefCompaction). */
function orderColumns(backtest: boolean): ColumnSpec<OrderRow>[] {
  return [
    backtest ? col('id', 'seq', 'seq', 'O') : col('id', 'id', 'text'),
    col('clientOrderRef', 'client_order_ref', backtest ? 'text?' : 'text'),
    col('instrument', 'instrument', 'text'),
    enumCol('side', 'side', SIDES),
    enumCol('type', 'type', ORDER_TYPES),
    col('quantity', 'quantity', 'num'),
    col('limitPrice', 'limit_price', 'num?'),
    col('stopPrice', 'stop_price', 'num?'),
    enumCol('timeInForce', 'time_in_force', TIME_IN_FORCE),
    enumCol('status', 'status', ORDER_STATUSES),
    col('filledQuantity', 'filled_quantity', 'num'),
    col('avgFillPrice', 'avg_fill_price', 'num'),
    col('commission', 'commission', 'num'),
    col('statusReason', 'status_reason', 'text?'),
    col('createdAt', 'created_at', 'num'),
    col('updatedAt', 'updated_at', 'num'),
    col('intent', 'intent', 'text?'),
    col('extras', 'extras', 'text?'),
  ];
}

/** A backtest fill's instrument and side are its order's, so only the view has them. */
function fillColumns(backtest: boolean): ColumnSpec<FillRow>[] {
  const fromOrder = backtest ? derived : col;
  return [
    backtest ? col('id', 'seq', 'seq', 'F') : col('id', 'id', 'text'),
    backtest ? col('orderId', 'order_seq', 'seq', 'O') : col('orderId', 'order_id', 'text'),
    fromOrder<FillRow>('instrument', 'instrument', 'text'),
    fromOrder<FillRow>('side', 'side', 'text'),
    col('quantity', 'quantity', 'num'),
    col('price', 'price', 'num'),
    col('commission', 'commission', 'num'),
    col('slippage', 'slippage', 'num'),
    col('referencePrice', 'reference_price', 'num'),
    col('ts', 'ts', 'num'),
  ];
}

const TRADE_COLUMNS: readonly ColumnSpec<TradeRow>[] = [
  col('instrument', 'instrument', 'text'),
  col('direction', 'direction', 'text'),
  col('quantity', 'quantity', 'num'),
  col('entryTs', 'entry_ts', 'num'),
  col('entryPrice', 'entry_price', 'num'),
  col('exitTs', 'exit_ts', 'num?'),
  col('exitPrice', 'exit_price', 'num?'),
  col('pnl', 'pnl', 'num?'),
  col('returnPct', 'return_pct', 'num?'),
  col('commission', 'commission', 'num'),
  col('barsHeld', 'bars_held', 'num?'),
  enumCol('status', 'status', TRADE_STATUSES),
  col('markPrice', 'mark_price', 'num?'),
  col('unrealizedPnl', 'unrealized_pnl', 'num?'),
  col('mae', 'mae', 'num?'),
  col('maePct', 'mae_pct', 'num?'),
  col('mfe', 'mfe', 'num?'),
  col('mfePct', 'mfe_pct', 'num?'),
  col('exitReason', 'exit_reason', 'text?'),
  col('cumulativePnl', 'cumulative_pnl', 'num?'),
];

/** A backtest's positions at a session's close: how many, their instruments, and their numbers packed (see positionSets). */
const POSITION_SET_COLUMNS: readonly ColumnSpec<PositionSetRow>[] = [
  col('ts', 'ts', 'num'),
  col('held', 'held', 'num'),
  col('instruments', 'instruments', 'text'),
  col('data', 'data', 'blob'),
];

/** A backtest derives market value and unrealized P&L from quantity, prices and cost. */
function positionColumns(backtest: boolean): ColumnSpec<PositionSnapshotRow>[] {
  const computed = backtest ? derived : col;
  return [
    col('ts', 'ts', 'num'),
    col('instrument', 'instrument', 'text'),
    col('quantity', 'quantity', 'num'),
    col('avgCost', 'avg_cost', 'num'),
    col('marketPrice', 'market_price', 'num'),
    computed<PositionSnapshotRow>('marketValue', 'market_value', 'num'),
    computed<PositionSnapshotRow>('unrealizedPnl', 'unrealized_pnl', 'num'),
    col('realizedPnl', 'realized_pnl', 'num'),
  ];
}

const EQUITY_COLUMNS: readonly ColumnSpec<EquityRow>[] = [
  col('ts', 'ts', 'num'),
  col('cash', 'cash', 'num'),
  col('equity', 'equity', 'num'),
  col('grossExposure', 'gross_exposure', 'num'),
  col('netExposure', 'net_exposure', 'num'),
  col('drawdown', 'drawdown', 'num'),
  col('benchmarkEquity', 'benchmark_equity', 'num?'),
];

const ACTION_COLUMNS: readonly ColumnSpec<ActionRow>[] = [
  col('ts', 'ts', 'num'),
  col('action', 'action', 'text'),
  col('instrument', 'instrument', 'text?'),
  col('detailJson', 'detail_json', 'text?'),
];

const TARGET_COLUMNS: readonly ColumnSpec<TargetRow>[] = [
  col('ts', 'ts', 'num'),
  col('instrument', 'instrument', 'text'),
  col('kind', 'kind', 'text'),
  col('value', 'value', 'num'),
];

/** Tables of a backtest run; every row also gets the run's INTEGER row in column `run`. */
export const BACKTEST_TABLES = {
  orders: { table: 'backtest_orders', source: 'backtest_orders_view', columns: orderColumns(true) } satisfies TableSpec<OrderRow>,
  fills: { table: 'backtest_fills', source: 'backtest_fills_view', columns: fillColumns(true) } satisfies TableSpec<FillRow>,
  positionSets: { table: 'backtest_position_sets', columns: POSITION_SET_COLUMNS } satisfies TableSpec<PositionSetRow>,
  targets: { table: 'backtest_targets', columns: TARGET_COLUMNS, replace: true } satisfies TableSpec<TargetRow>,
  trades: { table: 'backtest_trades', columns: TRADE_COLUMNS } satisfies TableSpec<TradeRow>,
  actions: { table: 'backtest_actions', columns: ACTION_COLUMNS } satisfies TableSpec<ActionRow>,
  equity: { table: 'backtest_daily_equity', columns: EQUITY_COLUMNS } satisfies TableSpec<EquityRow>,
} as const;

/** Runs recorded before position sets (migration 013) keep a row per position here; nothing writes it any more. */
export const LEGACY_BACKTEST_POSITIONS = {
  table: 'backtest_positions',
  source: 'backtest_positions_view',
  columns: positionColumns(true),
} satisfies TableSpec<PositionSnapshotRow>;

/** Tables of paper and live trading; every row also gets the writer's mode in column `mode`. */
export const LIVE_TABLES = {
  orders: { table: 'orders', columns: orderColumns(false) } satisfies TableSpec<OrderRow>,
  fills: { table: 'fills', columns: fillColumns(false) } satisfies TableSpec<FillRow>,
  positions: { table: 'positions_snapshots', columns: positionColumns(false) } satisfies TableSpec<PositionSnapshotRow>,
  targets: { table: 'target_portfolios', columns: TARGET_COLUMNS } satisfies TableSpec<TargetRow>,
  trades: { table: 'trades', columns: TRADE_COLUMNS } satisfies TableSpec<TradeRow>,
  actions: { table: 'executed_actions', columns: ACTION_COLUMNS } satisfies TableSpec<ActionRow>,
} as const;

export type BacktestTable = keyof typeof BACKTEST_TABLES;

/** The SQL expression reading a column back as its row field's value. */
export function columnExpr<R>(c: ColumnSpec<R>): string {
  return c.kind === 'seq' ? `'${c.prefix}' || ${c.column}` : c.column;
}

/** `col AS field, ...`: selecting through this returns objects already shaped as the row type. */
export function selectList<R>(columns: readonly ColumnSpec<R>[]): string {
  return columns
    .map((c) => (c.field === c.column && c.kind !== 'seq' ? c.column : `${columnExpr(c)} AS ${c.field}`))
    .join(', ');
}
