import type { OrderStatus } from '../../../domain/enums';

/** Where an IB status moves our order; fills (execDetails) alone move it to PARTIALLY_FILLED or FILLED. */
export interface StatusTarget {
  status: Extract<OrderStatus, 'ACCEPTED' | 'CANCELLED' | 'REJECTED'>;
  reason: string | null;
}

/**
 * IB status -> ours (protocol notes section 10):
 * - ApiPending, PendingSubmit, PendingCancel: no change (a pending cancel can still be filled);
 * - PreSubmitted, Submitted: ACCEPTED (TWS has the order working; stops wait in PreSubmitted);
 *   SUBMITTED is ours alone: sent, and not yet acknowledged (or, see attachedOrders, attached to a
 *   parent that has not filled: TWS holds such a child in PreSubmitted too);
 * - ApiCancelled, Cancelled: CANCELLED, or REJECTED when TWS refused the order by code first;
 * - Inactive: REJECTED, except an order held for a short-sale locate, which is working (ACCEPTED);
 * - Filled: no change: the executions fill the order (orderStatus may even never say Filled).
 * `rejection` is the text of a refusal code (201, 203, ...) TWS sent for this order, if any.
 */
export function statusTarget(ibStatus: string, whyHeld: string | undefined, rejection: string | null): StatusTarget | null {
  switch (ibStatus) {
    case 'PreSubmitted':
    case 'Submitted':
      return { status: 'ACCEPTED', reason: null };
    case 'ApiCancelled':
    case 'Cancelled':
      return rejection !== null ? { status: 'REJECTED', reason: rejection } : { status: 'CANCELLED', reason: 'cancelled at the broker' };
    case 'Inactive':
      if ((whyHeld ?? '').toLowerCase().includes('locate')) return { status: 'ACCEPTED', reason: null };
      return { status: 'REJECTED', reason: rejection ?? 'inactive at the broker (rejected)' };
    default:
      return null;
  }
}

/** True for IB statuses that mean TWS has the order (any status at all comes from TWS). */
export function isIbAcknowledgement(ibStatus: string): boolean {
  return ibStatus !== '' && ibStatus !== 'Unknown';
}
