import type { OrderStatus } from './enums';

type Moves = Readonly<Partial<Record<OrderStatus, true>>>;

/** Where each status may go. Written as literals so the lookup on every status change stays fast. */
const ALLOWED: Readonly<Record<OrderStatus, Moves>> = {
  PENDING: { SUBMITTED: true, REJECTED: true, CANCELLED: true },
  SUBMITTED: { PARTIALLY_FILLED: true, FILLED: true, CANCELLED: true, REJECTED: true },
  PARTIALLY_FILLED: { PARTIALLY_FILLED: true, FILLED: true, CANCELLED: true },
  FILLED: {},
  CANCELLED: {},
  REJECTED: {},
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`order ${orderId}: illegal status transition ${from} -> ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from][to] === true;
}

export function isTerminal(status: OrderStatus): boolean {
  return status === 'FILLED' || status === 'CANCELLED' || status === 'REJECTED';
}

/** Moves an order to a new status, throwing on any move the state machine does not allow. */
export function transition(order: { id: string; status: OrderStatus }, to: OrderStatus): void {
  if (!canTransition(order.status, to)) throw new IllegalTransitionError(order.id, order.status, to);
  order.status = to;
}
