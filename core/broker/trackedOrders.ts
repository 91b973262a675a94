import type { Order } from '../domain/order';
import { isTerminal } from '../domain/orderState';
import { cancelOutcomeOf, type CancelOutcome } from './cancelOutcome';

/** What the live adapters keep of each order they track (IB's TrackedOrder, Alpaca's AlpacaTracked). */
export interface TrackedOrderView {
  readonly order: Order;
  /** `unknown`: sent, and the broker could not tell what became of it after a reconnect. */
  readonly link: { readonly unknown: boolean };
  readonly cancel: CancelOutcome | null;
}

/** Copies of the orders still working. */
export function openOrdersOf(all: Iterable<TrackedOrderView>): Order[] {
  return [...all].filter((t) => !isTerminal(t.order.status)).map((t) => ({ ...t.order }));
}

/** Copies of the working orders whose fate the broker could not tell. Never re-sent. */
export function unknownOrdersOf(all: Iterable<TrackedOrderView>): Order[] {
  return [...all].filter((t) => t.link.unknown && !isTerminal(t.order.status)).map((t) => ({ ...t.order }));
}

/** What became of the cancel this session asked for of `orderId` (tracked as `t`, if at all). */
export function cancelOutcomeOfTracked(t: TrackedOrderView | undefined, orderId: string): CancelOutcome {
  return t ? cancelOutcomeOf(t.cancel, t.order.status, t.order.statusReason) : { state: 'not_requested', detail: `unknown order ${orderId}` };
}
