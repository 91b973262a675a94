import type { Mode, OrderStatus, OrderType, Side, TimeInForce } from './enums';

/** Epoch milliseconds (UTC). Time is a timestamp, never a calendar date, so intraday bars need no redesign. */
export type Timestamp = number;

export interface OrderRequest {
  instrument: string;
  side: Side;
  type: OrderType;
  quantity: number;
  limitPrice?: number;
  stopPrice?: number;
  timeInForce: TimeInForce;
  /** Caller-chosen UUID; generated when absent. Unique forever: it is how a broker's record is matched to ours. */
  clientOrderRef?: string;
  metadata?: Record<string, unknown>;
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
  status: OrderStatus;
  filledQuantity: number;
  avgFillPrice: number;
  commission: number;
  /** Set once a stop or stop-limit order has been triggered. */
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
