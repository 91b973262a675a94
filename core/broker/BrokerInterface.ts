import type { Mode } from '../domain/enums';
import type { AccountState, Position } from '../domain/portfolio';
import type { Fill, Order, OrderChanges, OrderListRequest, OrderRequest, OrderStatus, Timestamp } from '../domain/index';
import type { BrokerEventType, BrokerListener } from './events';

/** What a command returns: only that the request was taken (or refused outright), never its outcome. */
export interface SubmitAck {
  accepted: boolean;
  orderId: string;
  clientOrderRef: string;
  /** Set when accepted is false: why the request was refused before reaching the market. */
  reason?: string;
}

/** A list is taken whole or refused whole: `orders` acknowledges each member in the list's order. */
export interface OrderListAck {
  accepted: boolean;
  listId: string;
  orders: SubmitAck[];
  /** Set when accepted is false: what in the list was wrong. */
  reason?: string;
}

export interface CancelAck {
  accepted: boolean;
  orderId: string;
  reason?: string;
}

export interface OrderStatusReport {
  orderId: string;
  clientOrderRef: string;
  status: OrderStatus;
  filledQuantity: number;
  remainingQuantity: number;
  avgFillPrice: number;
  /** Why the order was rejected or cancelled (expiry, reduction, request). */
  statusReason: string | null;
}

/**
 * One broker port for BACKTEST, PAPER and LIVE. Commands return acknowledgements; what happens to
 * an order arrives as BrokerEvents through `subscribe`.
 */
export interface BrokerInterface {
  readonly mode: Mode;
  submitOrder(request: OrderRequest): SubmitAck;
  submitOrders(requests: readonly OrderRequest[]): SubmitAck[];
  /** A bracket, OCO or OTO list (see OrderListRequest). */
  submitOrderList(list: OrderListRequest): OrderListAck;
  /** Changes a working order's quantity (new total) or prices; the outcome arrives as events. */
  modifyOrder(orderId: string, changes: OrderChanges): CancelAck;
  cancelOrder(orderId: string): CancelAck;
  cancelOrders(orderIds: readonly string[]): CancelAck[];
  getOrderStatus(orderId: string): OrderStatusReport | undefined;
  getOrderStatuses(orderIds: readonly string[]): (OrderStatusReport | undefined)[];
  /** Working orders (and those held for a parent), or those of one instrument. */
  getOpenOrders(instrument?: string): Order[];
  getFills(since?: Timestamp): Fill[];
  getPositions(): Position[];
  getAccountState(): AccountState;
  /** Brings local state in line with the broker's; a no-op for the simulator. */
  sync(): Promise<void>;
  /** Returns the unsubscribe function. `types` limits the events delivered (all when omitted). */
  subscribe(listener: BrokerListener, types?: readonly BrokerEventType[]): () => void;
}
