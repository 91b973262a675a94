import type { Mode } from './enums';
import type { Order, OrderExtras, OrderLink, OrderRequest, Timestamp } from './order';

/** The request's trail, offset and display size with the order's list link (newOrder asks only when there is one). */
function extrasOf(request: OrderRequest, link: OrderLink | null): OrderExtras {
  const { trail, limitOffset, displayQuantity } = request;
  return {
    ...(trail === undefined ? {} : { trail: { ...trail } }),
    ...(limitOffset === undefined ? {} : { limitOffset }),
    ...(displayQuantity === undefined ? {} : { displayQuantity }),
    ...(link === null ? {} : { link }),
  };
}

/** A request as a fresh PENDING order, nothing filled; every broker builds its orders here. */
export function newOrder(
  id: string,
  clientOrderRef: string,
  request: OrderRequest,
  mode: Mode,
  now: Timestamp,
  link: OrderLink | null = null,
): Order {
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
    // Most orders have none: no call, no object.
    extras: link === null && request.trail === undefined && request.limitOffset === undefined && request.displayQuantity === undefined ? null : extrasOf(request, link),
    status: 'PENDING',
    filledQuantity: 0,
    avgFillPrice: 0,
    commission: 0,
    triggered: false,
    statusReason: null,
    updatedAt: now,
  };
}
