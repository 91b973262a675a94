import type { Mode } from './enums';
import type { Order, OrderRequest, Timestamp } from './order';

/** A request as a fresh PENDING order, nothing filled; every broker builds its orders here. */
export function newOrder(id: string, clientOrderRef: string, request: OrderRequest, mode: Mode, now: Timestamp): Order {
  return {
    id,
    clientOrderRef,
    instrument: request.instrument,
    side: request.side,
    type: request.type,
    quantity: request.quantity,
    limitPrice: request.limitPrice ?? null,
    stopPrice: request.stopPrice ?? null,
    timeInForce: request.timeInForce,
    createdAt: now,
    mode,
    metadata: request.metadata ?? null,
    status: 'PENDING',
    filledQuantity: 0,
    avgFillPrice: 0,
    commission: 0,
    triggered: false,
    statusReason: null,
    updatedAt: now,
  };
}
