import type { BrokerEvent } from '../../broker/events';
import type { CancelAck, OrderListAck, SubmitAck } from '../../broker/BrokerInterface';
import type { OrderChanges, OrderRequest, Timestamp } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';

/**
 * Who sent a command: a strategy through ctx.orders, the planner carrying out target portfolios,
 * an execution algorithm's slice, the trader's ticket, or the engine itself (a backtest's
 * close_at_end and margin-call liquidations, which no risk limit may stop).
 */
export const ORDER_SOURCES = ['strategy', 'planner', 'algo', 'manual', 'engine'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** Commands in: the only ways anything asks the kernel to trade, in every mode. */
export type KernelCommand =
  | { type: 'SubmitOrder'; request: OrderRequest; source: OrderSource }
  | { type: 'SubmitOrderList'; list: OrderListRequest; source: OrderSource }
  | { type: 'CancelOrder'; orderId: string; source: OrderSource }
  | { type: 'ModifyOrder'; orderId: string; changes: OrderChanges; source: OrderSource };

export type KernelAck<C extends KernelCommand> = C extends { type: 'SubmitOrder' }
  ? SubmitAck
  : C extends { type: 'SubmitOrderList' }
    ? OrderListAck
    : CancelAck;

/** A command the risk checks refused: it never reached the broker, so no order exists for it. */
export interface OrderDenied {
  type: 'OrderDenied';
  request: OrderRequest;
  source: OrderSource;
  reason: string;
  at: Timestamp;
}

/** Events out: the broker's, with the same meaning in every mode, and the kernel's own refusals. */
export type KernelEvent = BrokerEvent | OrderDenied;
export type KernelListener = (event: KernelEvent) => void;
