import type { OrderStatus } from './enums';

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

/** Where each status may go; a switch, since every order passes here on each status change. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  switch (from) {
    case 'PENDING':
      return to === 'SUBMITTED' || to === 'REJECTED' || to === 'CANCELLED';
    case 'SUBMITTED':
      return (
        to === 'ACCEPTED' || to === 'PARTIALLY_FILLED' || to === 'FILLED' || to === 'CANCELLED' || to === 'REJECTED'
      );
    case 'ACCEPTED':
      return to === 'PARTIALLY_FILLED' || to === 'FILLED' || to === 'CANCELLED' || to === 'REJECTED';
    case 'PARTIALLY_FILLED':
      return to === 'PARTIALLY_FILLED' || to === 'FILLED' || to === 'CANCELLED';
    case 'FILLED':
    case 'CANCELLED':
    case 'REJECTED':
      return false;
  }
}

export function isTerminal(status: OrderStatus): boolean {
  return status === 'FILLED' || status === 'CANCELLED' || status === 'REJECTED';
}

/** Moves an order to a new status, throwing on any move the state machine does not allow. */
export function transition(order: { id: string; status: OrderStatus }, to: OrderStatus): void {
  if (!canTransition(order.status, to)) throw new IllegalTransitionError(order.id, order.status, to);
  order.status = to;
}
