import { isStopType, type OrderListKind, type OrderRole, type TimeInForce } from './enums';
import type { OrderRequest } from './order';
import { invalidOrderReason } from './orderValidation';

/**
 * Orders submitted as one: all are taken or none is.
 * - BRACKET: an entry, and a take-profit (LIMIT) and a stop-loss (a stop of any kind) on the other
 *   side for the entry's quantity. The exits work only once the entry fills, sized by what has
 *   filled, as an OCO pair: a fill of one reduces the other by as much.
 * - OCO: any orders; a fill of one cancels the others (`onFill: 'reduce'`: reduces them by the fill).
 * - OTO: a parent and children that work once the parent fills, each on its own.
 */
export type OrderListRequest =
  | { kind: 'BRACKET'; entry: OrderRequest; takeProfit: OrderRequest; stopLoss: OrderRequest }
  | { kind: 'OCO'; orders: readonly OrderRequest[]; onFill?: 'cancel' | 'reduce' }
  | { kind: 'OTO'; parent: OrderRequest; children: readonly OrderRequest[] };

/** One order of a list, flattened: its role, the index of the member whose fill makes it work, and whether it is in the list's OCO group. */
export interface OrderListMember {
  request: OrderRequest;
  role: OrderRole;
  parent: number | null;
  oca: boolean;
}

export function orderListMembers(list: OrderListRequest): OrderListMember[] {
  switch (list.kind) {
    case 'BRACKET':
      return [
        { request: list.entry, role: 'ENTRY', parent: null, oca: false },
        { request: list.takeProfit, role: 'TAKE_PROFIT', parent: 0, oca: true },
        { request: list.stopLoss, role: 'STOP_LOSS', parent: 0, oca: true },
      ];
    case 'OCO':
      return list.orders.map((request) => ({ request, role: 'MEMBER' as const, parent: null, oca: true }));
    case 'OTO':
      return [
        { request: list.parent, role: 'PARENT', parent: null, oca: false },
        ...list.children.map((request) => ({ request, role: 'CHILD' as const, parent: 0, oca: false })),
      ];
  }
}

/** What an OCO fill does to the other members of the list's group. */
export function ocaAction(list: OrderListRequest): 'cancel' | 'reduce' {
  if (list.kind === 'BRACKET') return 'reduce';
  return list.kind === 'OCO' ? (list.onFill ?? 'cancel') : 'cancel';
}

const RESTING: readonly TimeInForce[] = ['DAY', 'GTC'];

/**
 * Why the list as a whole is invalid, or null: a member's own problem (named by its role and
 * position), or one of the list's rules. `known` says whether an instrument is tradable.
 */
export function invalidOrderListReason(list: OrderListRequest, known: (instrument: string) => boolean): string | null {
  const kind: OrderListKind = list.kind;
  if (kind !== 'BRACKET' && kind !== 'OCO' && kind !== 'OTO') return `unknown order list kind "${String(kind)}"`;
  const members = orderListMembers(list);
  if (kind === 'OCO' && members.length < 2) return `an OCO list needs at least 2 orders, got ${members.length}`;
  if (kind === 'OTO' && members.length < 2) return 'an OTO list needs at least one child';
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const why = invalidOrderReason(m.request, known(m.request.instrument));
    if (why !== null) return `${memberName(m, i)}: ${why}`;
    if (m.parent !== null && !RESTING.includes(m.request.timeInForce))
      return `${memberName(m, i)}: an order that waits for another must be DAY or GTC, got ${m.request.timeInForce}`;
  }
  return list.kind === 'BRACKET' ? bracketReason(list) : null;
}

function memberName(m: OrderListMember, i: number): string {
  if (m.role === 'MEMBER') return `order ${i + 1}`;
  if (m.role === 'CHILD') return `child ${i}`;
  return m.role.toLowerCase().replace('_', '-');
}

function bracketReason(b: Extract<OrderListRequest, { kind: 'BRACKET' }>): string | null {
  const { entry, takeProfit: tp, stopLoss: sl } = b;
  for (const [name, leg] of [['take-profit', tp], ['stop-loss', sl]] as const) {
    if (leg.instrument !== entry.instrument) return `${name}: must trade the entry's ${entry.instrument}, got ${leg.instrument}`;
    if (leg.side === entry.side) return `${name}: must be on the other side of the ${entry.side} entry`;
    if (leg.quantity !== entry.quantity) return `${name}: its quantity ${leg.quantity} must equal the entry's ${entry.quantity}`;
  }
  if (tp.type !== 'LIMIT') return `take-profit: must be a LIMIT order, got ${tp.type}`;
  if (!isStopType(sl.type)) return `stop-loss: must be a stop, stop-limit or trailing order, got ${sl.type}`;
  const stop = sl.stopPrice;
  if (stop !== undefined && tp.limitPrice !== undefined) {
    const long = entry.side === 'BUY';
    if (long ? tp.limitPrice <= stop : tp.limitPrice >= stop)
      return `the take-profit ${tp.limitPrice} must be ${long ? 'above' : 'below'} the stop-loss ${stop}`;
  }
  return null;
}
