import type { Order, OrderChanges } from '../../domain/order';
import { alpacaOrderBody, decimalString, type AlpacaOrderBody } from './orderMapping';

/**
 * Alpaca has no display size, so an iceberg (an order with displayQuantity) is worked here: the order
 * is ours, and Alpaca sees a sequence of limit orders ("slices") of at most the display size, one at a
 * time; the next goes out once the previous has filled, and every slice's fills are fills of our order.
 *
 * A slice's client_order_id is our ref and the quantity filled before it ("<ref>~<filled>"): unique,
 * since a slice goes out only after the previous one filled completely, and derivable after a restart
 * from what is stored (the order's filled quantity), so no slice table is needed. The live slice's
 * Alpaca id is the order's `alpacaOrderId` (null until Alpaca answered its POST).
 */

const EPS = 1e-9;

/** What the adapter knows of an iceberg's live slice. */
export interface IcebergSlice {
  /** The client_order_id of the slice last sent (or about to be). */
  ref: string;
  /** Quantity still open on the slice at Alpaca, from its latest report; null until one came. */
  open: number | null;
  /** The slice filled completely and all its fills are in: the next may go. */
  done: boolean;
}

export function isIceberg(o: Order): boolean {
  return o.extras?.displayQuantity !== undefined;
}

export function sliceRef(orderRef: string, filledBefore: number): string {
  return `${orderRef}~${decimalString(filledBefore)}`;
}

/** No slice of the iceberg works at Alpaca: the last one filled, or (after a restart) the next never left. */
export function betweenSlices(slice: IcebergSlice, link: { alpacaOrderId: string | null; leftAt: number | null }): boolean {
  return slice.done || (link.alpacaOrderId === null && link.leftAt === null);
}

/** The slice a stored iceberg resumes with: the one that goes (or went) out after what has filled. */
export function restoredSlice(o: Order): IcebergSlice {
  return { ref: sliceRef(o.clientOrderRef, o.filledQuantity), open: null, done: false };
}

/** The next slice's size: the display size, or what remains when less. */
export function nextSliceQuantity(o: Order): number {
  const remaining = o.quantity - o.filledQuantity;
  return Math.min(o.extras?.displayQuantity ?? remaining, remaining);
}

/** A slice as Alpaca's order request: the order's own terms for `qty`, under the slice's client_order_id. */
export function sliceBody(o: Order, ref: string, qty: number): AlpacaOrderBody {
  return { ...alpacaOrderBody(o), qty: decimalString(qty), client_order_id: ref };
}

/**
 * What a modification of an iceberg asks of its live slice: a new limit goes to the slice (and to the
 * slices after it); a new total changes the slices to come, and shrinks the live one only when less
 * than its open quantity remains. `patch` is null when Alpaca need not hear of it.
 */
export function icebergChange(o: Order, slice: IcebergSlice, changes: OrderChanges): { patch: { qty?: string; limit_price?: string } | null } | { refusal: string } {
  if (changes.stopPrice !== undefined || changes.trail !== undefined) return { refusal: 'an iceberg is a LIMIT order: only its quantity and limit price can change' };
  const patch: { qty?: string; limit_price?: string } = {};
  if (changes.limitPrice !== undefined) patch.limit_price = decimalString(changes.limitPrice);
  if (changes.quantity !== undefined) {
    if (slice.open === null) return { refusal: 'the live slice\'s size at Alpaca is not known yet' };
    const left = changes.quantity - o.filledQuantity;
    if (left < slice.open - EPS) patch.qty = decimalString(left);
  }
  return { patch: Object.keys(patch).length === 0 ? null : patch };
}
