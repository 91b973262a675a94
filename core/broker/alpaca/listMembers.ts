import type { Order, OrderLink } from '../../domain/order';
import type { AlpacaOrder } from './schemas';

/**
 * How the members of a submitted list (bracket, OCO, OTO) sit at Alpaca: one member goes under its
 * own client_order_id as the parent of Alpaca's order class (a bracket's entry, an OTO's parent, an
 * OCO's take-profit LIMIT), the others as its `legs`, whose ids and client_order_ids Alpaca assigns.
 */

export function linkOf(o: Order): OrderLink | null {
  return o.extras?.link ?? null;
}

/** Whether the order went to Alpaca as a leg of another member's request. */
export function isAlpacaLeg(o: Order): boolean {
  const link = linkOf(o);
  if (!link) return false;
  return link.kind === 'OCO' ? o.type !== 'LIMIT' : link.parentId !== null;
}

/** The member's leg among Alpaca's legs of its parent: a bracket's take-profit is the limit leg, its stop-loss the stop leg; an OCO or OTO has one leg. */
export function legFor<L extends Pick<AlpacaOrder, 'type'>>(o: Order, legs: readonly L[]): L | undefined {
  switch (linkOf(o)?.role) {
    case 'TAKE_PROFIT':
      return legs.find((l) => l.type === 'limit');
    case 'STOP_LOSS':
      return legs.find((l) => l.type === 'stop' || l.type === 'stop_limit');
    case 'CHILD':
    case 'MEMBER':
      return legs.length === 1 ? legs[0] : undefined;
    default:
      return undefined;
  }
}

/** Why a member Alpaca cancelled without being asked went: with its unfilled parent, or with its group. */
export function listCancelReason(o: Order, parent: Order | undefined): string {
  const link = linkOf(o);
  if (parent && parent.filledQuantity <= 0) return `cancelled with order ${parent.id}, which it waited for and which ended unfilled`;
  return `cancelled by Alpaca with the rest of its ${link?.kind ?? 'order'} group (the other order filled or was cancelled)`;
}
