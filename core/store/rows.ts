import type { Position } from '../domain/portfolio';
import type { ExitReason, OrderStatus, OrderType, Side, TimeInForce, TradeStatus } from '../domain/enums';
import type { Timestamp } from '../domain/order';

/**
 * Row shapes of the store's tables, camelCase. Run and mode belong to the writer, not the row.
 * In a backtest, order and fill ids are the engine's "O<n>"/"F<n>" and are stored as their numbers.
 */

export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRow {
  id: string;
  name: string;
  strategy: string;
  configJson: string;
  seed: number;
  dataFingerprint: string;
  appVersion: string;
  status: RunStatus;
  error: string | null;
  createdAt: Timestamp;
  finishedAt: Timestamp | null;
  periodStart: Timestamp;
  periodEnd: Timestamp;
  sessionsTotal: number;
  sessionsDone: number;
  metricsJson: string | null;
  /** The lease holder computing it while 'running' (see leases). */
  leaseOwner: string | null;
}

export interface OrderRow {
  id: string;
  clientOrderRef: string;
  instrument: string;
  side: Side;
  type: OrderType;
  quantity: number;
  limitPrice: number | null;
  stopPrice: number | null;
  timeInForce: TimeInForce;
  status: OrderStatus;
  filledQuantity: number;
  avgFillPrice: number;
  commission: number;
  statusReason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Why the order exists: the planner's action (e.g. INCREASE), from the order's metadata. */
  intent: string | null;
  /** The order's trail, limit offset, display size and list link as JSON (see OrderExtras); null for a plain order. */
  extras: string | null;
}

export interface FillRow {
  id: string;
  orderId: string;
  instrument: string;
  side: Side;
  quantity: number;
  price: number;
  commission: number;
  slippage: number;
  referencePrice: number;
  ts: Timestamp;
}

/** A round trip; one still OPEN when its run ended has its exit fields as marked at the last close. */
export interface TradeRow {
  instrument: string;
  direction: 'LONG' | 'SHORT';
  quantity: number;
  entryTs: Timestamp;
  entryPrice: number;
  exitTs: Timestamp | null;
  exitPrice: number | null;
  pnl: number | null;
  returnPct: number | null;
  commission: number;
  barsHeld: number | null;
  status: TradeStatus;
  markPrice: number | null;
  unrealizedPnl: number | null;
  /** Lowest P&L before commissions over the bars the trip lived through (<= 0); null on rows stored before it was kept. */
  mae: number | null;
  maePct: number | null;
  /** Highest P&L before commissions over those bars (>= 0). */
  mfe: number | null;
  mfePct: number | null;
  /** Why the trip closed; null while open (and on rows stored before it was kept). */
  exitReason: ExitReason | null;
  /** Net P&L of the trips closed up to and including this one. */
  cumulativePnl: number | null;
}

/** A position as it stood at the close of session `ts`. */
export interface PositionSnapshotRow extends Position {
  ts: Timestamp;
}

/** A backtest session's held positions in one row, as stored (see positionSets). */
export interface PositionSetRow {
  ts: Timestamp;
  held: number;
  instruments: string;
  data: Uint8Array;
}

export interface EquityRow {
  ts: Timestamp;
  cash: number;
  equity: number;
  grossExposure: number;
  netExposure: number;
  drawdown: number;
  benchmarkEquity: number | null;
}

export interface ActionRow {
  ts: Timestamp;
  action: string;
  instrument: string | null;
  detailJson: string | null;
}

export interface TargetRow {
  ts: Timestamp;
  instrument: string;
  kind: 'weight' | 'quantity';
  value: number;
}
