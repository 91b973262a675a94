import type { Order, OrderChanges, Trail } from '../../domain/order';
import { changedRequest } from '../../domain/changedRequest';
import { invalidOrderReason } from '../../domain/orderValidation';
import type { AlpacaTracked } from './alpacaBook';
import { icebergChange } from './iceberg';
import { decimalString } from './orderMapping';

/** PATCH /v2/orders/{id}, as Alpaca spells it; `trail` is the new trail_price or trail_percent. */
export interface ReplacePatch {
  qty?: string;
  limit_price?: string;
  stop_price?: string;
  trail?: string;
}

/**
 * A working order's change: refused with the reason, or the PATCH Alpaca needs (null when only the
 * adapter's own terms change: an iceberg's slices to come) and how our order takes it once done.
 */
export type Modification = { refusal: string } | { patch: ReplacePatch | null; apply: () => void };

export function modification(t: AlpacaTracked, changes: OrderChanges): Modification {
  const o = t.order;
  const terms = { quantity: changes.quantity ?? o.quantity, limitPrice: changes.limitPrice ?? o.limitPrice, stopPrice: changes.stopPrice ?? o.stopPrice };
  const refusal =
    (t.link.cancelRequested ? 'a cancel is under way' : null) ??
    (terms.quantity <= o.filledQuantity ? `the new quantity ${terms.quantity} is not above the ${o.filledQuantity} already filled` : null) ??
    trailRefusal(o, changes) ??
    invalidOrderReason(changedRequest(o, changes), true);
  if (refusal !== null) return { refusal };
  const apply = () => {
    o.quantity = terms.quantity;
    o.limitPrice = terms.limitPrice;
    o.stopPrice = terms.stopPrice;
    if (changes.trail) o.extras = { ...o.extras, trail: { ...changes.trail } };
  };
  if (t.slice) {
    const c = icebergChange(o, t.slice, changes);
    if ('refusal' in c) return c;
    if (c.patch === null) return { patch: null, apply };
    return t.link.alpacaOrderId === null ? { refusal: 'Alpaca has not acknowledged the live slice yet' } : { patch: c.patch, apply };
  }
  if (t.link.alpacaOrderId === null) return { refusal: 'Alpaca has not acknowledged the order yet' };
  const patch: ReplacePatch = {};
  // Alpaca's replacement is a new order for what is still to fill: our new total less the fills so far.
  if (changes.quantity !== undefined) patch.qty = decimalString(terms.quantity - o.filledQuantity);
  if (changes.limitPrice !== undefined) patch.limit_price = decimalString(changes.limitPrice);
  if (changes.stopPrice !== undefined) patch.stop_price = decimalString(changes.stopPrice);
  if (changes.trail !== undefined) patch.trail = decimalString(trailValue(changes.trail));
  return { patch, apply };
}

function trailValue(trail: Trail): number {
  return 'amount' in trail ? trail.amount : trail.percent;
}

/** Alpaca replaces a trailing stop's trail (of the same kind: price or percent), not its stop. */
function trailRefusal(o: Order, changes: OrderChanges): string | null {
  if (o.type !== 'TRAILING_STOP') return changes.trail === undefined ? null : `only a trailing stop has a trail to change, not a ${o.type} order`;
  if (changes.stopPrice !== undefined || changes.limitPrice !== undefined) return 'a trailing stop\'s stop follows the market at Alpaca: change its trail instead';
  const now = o.extras?.trail;
  if (changes.trail && now && 'amount' in now !== 'amount' in changes.trail) {
    return `Alpaca's replace keeps a trail's kind: this trailing stop trails by ${'amount' in now ? 'an amount' : 'a percent'}`;
  }
  return null;
}
