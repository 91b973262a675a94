import type { Mode, OrderListKind, OrderRole, OrderStatus, OrderType, Side, TimeInForce } from './enums';

/** Epoch milliseconds (UTC). Time is a timestamp, never a calendar date, so intraday bars need no redesign. */
export type Timestamp = number;

/** How far a trailing stop keeps behind the best price since it went live: a price amount, or a percent of that price. */
export type Trail = { amount: number } | { percent: number };

export interface OrderRequest {
  instrument: string;
  side: Side;
  type: OrderType;
  quantity: number;
  limitPrice?: number;
  stopPrice?: number;
  timeInForce: TimeInForce;
  /** TRAILING_STOP and TRAILING_STOP_LIMIT: the trail. Their stopPrice, when given, is the initial stop. */
  trail?: Trail;
  /** TRAILING_STOP_LIMIT: how far past the stop the limit sits (a sell's limit is the stop minus this). */
  limitOffset?: number;
  /** Iceberg: the quantity shown at a time; at most this much fills on one bar. */
  displayQuantity?: number;
  /** Caller-chosen UUID; generated when absent. Unique forever: it is how a broker's record is matched to ours. */
  clientOrderRef?: string;
  metadata?: Record<string, unknown>;
}

/** An order's membership of a submitted list (see OrderListRequest). */
export interface OrderLink {
  readonly listId: string;
  readonly kind: OrderListKind;
  readonly role: OrderRole;
  /** The order whose fill makes this one work (a bracket's entry, an OTO's parent); null for OCO members and parents. */
  readonly parentId: string | null;
}

/** What few orders carry: kept in one field so the plain order, millions in a backtest, stays small. */
export interface OrderExtras {
  readonly trail?: Trail;
  readonly limitOffset?: number;
  readonly displayQuantity?: number;
  readonly link?: OrderLink;
}

export interface Order {
  readonly id: string;
  readonly clientOrderRef: string;
  readonly instrument: string;
  readonly side: Side;
  readonly type: OrderType;
  quantity: number;
  limitPrice: number | null;
  stopPrice: number | null;
  readonly timeInForce: TimeInForce;
  readonly createdAt: Timestamp;
  readonly mode: Mode;
  metadata: Record<string, unknown> | null;
  /** Trail, limit offset, display size and list membership; null for a plain order. */
  extras: OrderExtras | null;
  status: OrderStatus;
  filledQuantity: number;
  avgFillPrice: number;
  commission: number;
  /** Set once a stop, stop-limit or trailing order has been triggered. */
  triggered: boolean;
  /** Why the order was rejected or cancelled (expiry, reduction, request). */
  statusReason: string | null;
  updatedAt: Timestamp;
}

export interface Fill {
  readonly id: string;
  readonly orderId: string;
  readonly instrument: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: number;
  readonly commission: number;
  readonly timestamp: Timestamp;
  /** The price the fill was priced from (open, close, typical price, limit or stop) before costs. */
  readonly referencePrice: number;
  /** Cost of price slippage in currency against the reference price: positive means worse for the trader. */
  readonly slippage: number;
}

/** A working order's new total quantity or prices (a trailing order's trail). */
export interface OrderChanges {
  quantity?: number;
  limitPrice?: number;
  stopPrice?: number;
  trail?: Trail;
}
