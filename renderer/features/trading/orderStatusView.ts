import type { TradingOrderDto } from '../../../core/ipc/contract/trading';

type OrderStatus = TradingOrderDto['status'];

/** What the blotter calls each status, and what it means when the trader points at it. */
export const ORDER_STATUS_VIEW: Record<OrderStatus, { label: string; hint: string }> = {
  PENDING: { label: 'pending', hint: 'Created here, not sent yet' },
  SUBMITTED: { label: 'sent', hint: 'Sent to the broker, which has not acknowledged it yet' },
  ACCEPTED: { label: 'accepted', hint: 'The broker acknowledged the order and is working it' },
  PARTIALLY_FILLED: { label: 'part filled', hint: 'Partly filled; the rest is still working' },
  FILLED: { label: 'filled', hint: 'Filled in full' },
  CANCELLED: { label: 'cancelled', hint: 'Cancelled; see the reason' },
  REJECTED: { label: 'rejected', hint: 'Refused; see the reason' },
};

/** A SUBMITTED order the broker holds until its entry (a bracket's exit) or its parent (an OTO's child) fills. */
export const WAITING_VIEW: Record<'entry' | 'parent', { label: string; hint: string }> = {
  entry: { label: 'waiting for entry', hint: 'Held by the broker until the bracket’s entry fills; it works from then on, for what filled' },
  parent: { label: 'waiting for parent', hint: 'Held by the broker until the order it is attached to fills' },
};
