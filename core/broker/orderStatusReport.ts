import type { Order } from '../domain/order';
import { isTerminal } from '../domain/orderState';
import type { OrderStatusReport } from './BrokerInterface';

/** What getOrderStatus answers for an order: nothing remains once it is terminal. */
export function orderStatusReport(o: Order): OrderStatusReport {
  return {
    orderId: o.id,
    clientOrderRef: o.clientOrderRef,
    status: o.status,
    filledQuantity: o.filledQuantity,
    remainingQuantity: isTerminal(o.status) ? 0 : Math.max(0, o.quantity - o.filledQuantity),
    avgFillPrice: o.avgFillPrice,
    statusReason: o.statusReason,
  };
}
