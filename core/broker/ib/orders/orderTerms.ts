import { isTrailing } from '../../../domain/enums';
import type { Order, Trail } from '../../../domain/order';
import type { IbOpenOrderMsg } from '../parsing/schemas';
import type { OrderTerms } from './trackedOrder';

const EPS = 1e-9;

/** The terms an order works with now. */
export function termsOf(o: Order): OrderTerms {
  return { quantity: o.quantity, limitPrice: o.limitPrice, stopPrice: o.stopPrice, trail: o.extras?.trail ?? null };
}

/**
 * The terms TWS echoes in an openOrder, in our spelling. A trailing order's trail comes back as
 * auxPrice (an amount) or trailingPercent, and its stop, which TWS moves, as trailStopPrice; any
 * other order's stop is its auxPrice. A price the type does not use stays unset.
 */
export function reportedTerms(o: Order, m: IbOpenOrderMsg['order']): OrderTerms {
  const quantity = m.totalQuantity ?? o.quantity;
  const limitPrice = o.limitPrice === null ? null : (m.lmtPrice ?? o.limitPrice);
  if (!isTrailing(o.type)) {
    return { quantity, limitPrice, stopPrice: o.stopPrice === null ? null : (m.auxPrice ?? o.stopPrice), trail: null };
  }
  const trail: Trail | null =
    m.trailingPercent !== undefined ? { percent: m.trailingPercent } : m.auxPrice !== undefined ? { amount: m.auxPrice } : (o.extras?.trail ?? null);
  return { quantity, limitPrice, stopPrice: m.trailStopPrice ?? o.stopPrice, trail };
}

function sameTrail(a: Trail | null, b: Trail | null): boolean {
  if (a === null || b === null) return a === b;
  if ('amount' in a) return 'amount' in b && Math.abs(a.amount - b.amount) < EPS;
  return 'percent' in b && Math.abs(a.percent - b.percent) < EPS;
}

/** Equal terms; `movingStop`: a trailing order's stop is TWS's to move, so it is not compared. */
export function sameTerms(a: OrderTerms, b: OrderTerms, movingStop: boolean): boolean {
  return (
    Math.abs(a.quantity - b.quantity) < EPS &&
    a.limitPrice === b.limitPrice &&
    (movingStop || a.stopPrice === b.stopPrice) &&
    sameTrail(a.trail, b.trail)
  );
}

/** Gives the order `t`'s quantity, prices and trail. */
export function applyTerms(o: Order, t: OrderTerms): void {
  o.quantity = t.quantity;
  o.limitPrice = t.limitPrice;
  o.stopPrice = t.stopPrice;
  if (t.trail !== null && !sameTrail(t.trail, o.extras?.trail ?? null)) o.extras = { ...o.extras, trail: t.trail };
}
