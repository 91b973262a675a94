import type { OrderStatus } from './enums';

const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['SUBMITTED', 'REJECTED', 'CANCELLED'],
  SUBMITTED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELLED'],
  FILLED: [],
  CANCELLED: [],
  REJECTED: [],
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

/** The same table as booleans: every order passes through here on each status change. */
const ALLOWED: Readonly<Record<OrderStatus, Readonly<Partial<Record<OrderStatus, true>>>>> = Object.fromEntries(
  Object.entries(TRANSITIONS).map(([from, tos]) => [from, Object.fromEntries(tos.map((to) => [to, true]))]),
) as Record<OrderStatus, Partial<Record<OrderStatus, true>>>;

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from][to] === true;
}

export function isTerminal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Moves an order to a new status, throwing on any move the state machine does not allow. */
export function transition(order: { id: string; status: OrderStatus }, to: OrderStatus): void {
  if (!canTransition(order.status, to)) throw new IllegalTransitionError(order.id, order.status, to);
  order.status = to;
}
