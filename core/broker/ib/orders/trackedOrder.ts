import type { CancelOutcome } from '../../cancelOutcome';
import type { Order, Trail } from '../../../domain/order';
import type { StatusTarget } from './statusMapping';

/** How an order of ours is known at IB; stored in ib_orders. Ids are null for an order refused before sending. */
export interface IbOrderLink {
  account: string | null;
  clientId: number | null;
  ibOrderId: number | null;
  permId: number | null;
  conId: number | null;
  /** The last status TWS reported, as IB spells it. */
  ibStatus: string | null;
  /** TWS has reported on the order (openOrder, orderStatus, an execution or an error naming it). */
  acknowledged: boolean;
  /** Not found at TWS after a reconnect: the trader must decide; never re-sent. */
  unknown: boolean;
  cancelRequested: boolean;
  /** The quote when the order was sent (ask for a buy, bid for a sell, else last); null when none was known. */
  referencePrice: number | null;
  /** When the order left the process for TWS; null while it waits in the client's message pacing (or never left). */
  leftAt: number | null;
}

/** An order with its IB link and what the current session learned about it (not stored). */
export interface TrackedOrder {
  order: Order;
  link: IbOrderLink;
  /** Filled quantity as TWS last reported it (orderStatus, completed orders). */
  ibFilled: number;
  /** Text of a refusal code TWS sent for the order (201, 203, ...), with the code. */
  rejection: string | null;
  /** A final status TWS reported while fills it counts have not arrived yet: applied once they have. */
  pendingTerminal: StatusTarget | null;
  /** Terms of a modification sent and not yet confirmed by an openOrder: a refusal code refuses it, not the order. */
  pendingModify: OrderTerms | null;
  /** The cancel this session asked for and TWS's answer to it, if any (see cancelOutcomeOf). */
  cancel: CancelOutcome | null;
  /** The OCA group the order was sent in (as TWS last reported it): a modification must repeat it. */
  oca: { group: string; type: number } | null;
}

/** What a modification can change: quantity, prices, a trailing order's trail. */
export interface OrderTerms {
  quantity: number;
  limitPrice: number | null;
  stopPrice: number | null;
  trail: Trail | null;
}

export function tracked(order: Order, link: IbOrderLink): TrackedOrder {
  return { order, link, ibFilled: 0, rejection: null, pendingTerminal: null, pendingModify: null, cancel: null, oca: null };
}
