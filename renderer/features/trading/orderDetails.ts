import type { BracketRole, TradingOrderDto } from '../../../core/ipc/contract/trading';
import { fmtPrice, fmtQty } from './tradingFormat';

type OrderExtras = NonNullable<TradingOrderDto['extras']>;
type OrderLink = NonNullable<OrderExtras['link']>;
type Trail = NonNullable<OrderExtras['trail']>;

/** A bracket's members as the ticket's verdict names them. */
export const BRACKET_ROLE_LABELS: Record<BracketRole, string> = { ENTRY: 'Entry', TAKE_PROFIT: 'Take-profit', STOP_LOSS: 'Stop-loss' };

/** An order id short enough for a table cell: IB's are UUIDs, told apart by their first characters. */
export const shortOrderId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** An order's place in its list, as the blotter says it: "take-profit of O12", "bracket entry", "child of O3". */
export function linkLabel(link: OrderLink): string {
  const of = link.parentId === null ? '' : ` of ${shortOrderId(link.parentId)}`;
  switch (link.role) {
    case 'ENTRY':
      return 'bracket entry';
    case 'TAKE_PROFIT':
      return `take-profit${of}`;
    case 'STOP_LOSS':
      return `stop-loss${of}`;
    case 'PARENT':
      return 'OTO parent';
    case 'CHILD':
      return `child${of}`;
    case 'MEMBER':
      return `OCO ${shortOrderId(link.listId)}`;
  }
}

/** "2.00" for a trail by amount, "1.5%" for one by percent. */
export const trailLabel = (t: Trail): string => ('amount' in t ? fmtPrice(t.amount) : `${fmtQty(t.percent)}%`);

/**
 * An order the broker holds until the order it is attached to fills (a bracket's exit, an OTO's
 * child): SUBMITTED until then. Returns who it waits for, or null.
 */
export function waitingFor(o: TradingOrderDto): 'entry' | 'parent' | null {
  const link = o.extras?.link;
  if (o.status !== 'SUBMITTED' || link === undefined || link.parentId === null) return null;
  return link.kind === 'BRACKET' ? 'entry' : 'parent';
}
