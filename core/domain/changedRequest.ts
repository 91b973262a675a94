import { hasLimit, isStopType, isTrailing } from './enums';
import type { Order, OrderChanges, OrderRequest } from './order';

/**
 * The request a working order becomes with `changes`: its terms with the new total quantity,
 * prices and trail, each price only where the order's type carries it (a trailing stop's current
 * stop stands as its initial one). Validating it checks a modification as a new order would be.
 */
export function changedRequest(o: Order, changes: OrderChanges): OrderRequest {
  const x = o.extras;
  const trail = changes.trail ?? x?.trail;
  const limitPrice = changes.limitPrice ?? o.limitPrice ?? undefined;
  const stopPrice = changes.stopPrice ?? o.stopPrice ?? undefined;
  // A trailing stop-limit's limit follows its stop: it has no limit price of its own to carry.
  const carriesLimit = hasLimit(o.type) && o.type !== 'TRAILING_STOP_LIMIT';
  return {
    instrument: o.instrument,
    side: o.side,
    type: o.type,
    quantity: changes.quantity ?? o.quantity,
    timeInForce: o.timeInForce,
    ...(carriesLimit && limitPrice !== undefined ? { limitPrice } : {}),
    ...(isStopType(o.type) && stopPrice !== undefined ? { stopPrice } : {}),
    ...(isTrailing(o.type) && trail !== undefined ? { trail } : {}),
    ...(x?.limitOffset !== undefined ? { limitOffset: x.limitOffset } : {}),
    ...(x?.displayQuantity !== undefined ? { displayQuantity: x.displayQuantity } : {}),
  };
}
