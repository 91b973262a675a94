import type { OrderLink } from '../../../domain/order';
import { ocaAction, orderListMembers, type OrderListRequest } from '../../../domain/orderList';
import type { IbPlacement } from '../parsing/ibOrders';

/** The OCA group of a list: IB's group names are single-use, so each list has its own. */
export function ocaGroupOf(listId: string): string {
  return `tradedesk-${listId}`;
}

/** Each member's place in the list, in the list's order: `ids` are our order ids of the members. */
export function memberLinks(list: OrderListRequest, listId: string, ids: readonly string[]): OrderLink[] {
  return orderListMembers(list).map((m) => ({ listId, kind: list.kind, role: m.role, parentId: m.parent === null ? null : ids[m.parent] }));
}

/**
 * How each member goes to TWS, in the list's order (`ibIds` are the members' IB order ids):
 * - BRACKET (IB's documented pattern): the entry and the take-profit with transmit=false, the
 *   take-profit and stop-loss attached to the entry, and the stop-loss, sent last, with transmit=true
 *   so TWS transmits all three at once. IB makes the attached exits one OCA group that reduces on fills.
 * - OTO: the same chain, the last child transmitting it. IB would group the attached children as it
 *   groups a bracket's exits; each child gets a group of its own so they stay independent.
 * - OCO: every member transmitted, in one OCA group of the list; a fill cancels (type 1) or reduces
 *   with overfill protection (type 2) the others, as the list's onFill asks.
 */
export function memberPlacements(list: OrderListRequest, listId: string, ibIds: readonly number[]): IbPlacement[] {
  const members = orderListMembers(list);
  const last = members.length - 1;
  const group = ocaGroupOf(listId);
  return members.map((m, i): IbPlacement => {
    if (list.kind === 'OCO') return { transmit: true, ocaGroup: group, ocaType: ocaAction(list) === 'cancel' ? 1 : 2 };
    const transmit = i === last;
    if (m.parent === null) return { transmit };
    const parentId = ibIds[m.parent];
    return list.kind === 'OTO' ? { transmit, parentId, ocaGroup: `${group}-${i}`, ocaType: 1 } : { transmit, parentId };
  });
}
