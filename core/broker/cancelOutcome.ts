/**
 * What became of a cancel, as the broker knows it:
 * - never_sent: the order never left the app (held in the outgoing queue and withdrawn there);
 * - confirmed: the broker confirmed the order cancelled;
 * - not_found: the broker answered that it does not know the order;
 * - refused: the broker refused the cancel (e.g. the order could no longer be cancelled);
 * - filled: the order filled before the cancel took effect;
 * - pending: asked, and no answer yet;
 * - not_requested: no cancel went out (the command was refused here; its reason says why).
 */
export const CANCEL_OUTCOMES = ['never_sent', 'confirmed', 'not_found', 'refused', 'filled', 'pending', 'not_requested'] as const;
export type CancelOutcomeState = (typeof CANCEL_OUTCOMES)[number];

export interface CancelOutcome {
  state: CancelOutcomeState;
  /** The broker's own words (with its code) or the app's reason; null when there is nothing to add. */
  detail: string | null;
}

/**
 * The outcome of a cancel from what was recorded when it was asked (or answered) and where the order
 * stands now: an order that ended cancelled or filled says so, whatever the cancel's own answer was.
 */
export function cancelOutcomeOf(recorded: CancelOutcome | null, status: string, statusReason: string | null): CancelOutcome {
  if (recorded === null) return { state: 'not_requested', detail: null };
  if (recorded.state === 'never_sent') return recorded;
  if (status === 'FILLED') return { state: 'filled', detail: recorded.detail };
  if (status === 'CANCELLED') return { state: 'confirmed', detail: statusReason };
  return recorded;
}
