import { OrderAction, OrderType as IbOrderType, SecType, type Contract, type Order as IbOrder, type TimeInForce as IbTif } from '@stoqey/ib';
import { isTrailing, type OrderType } from '../../../domain/enums';
import type { Order, OrderRequest } from '../../../domain/order';

/** The instrument as the adapter trades it: a US stock routed SMART, identified by IB's conId. */
export interface IbInstrument {
  symbol: string;
  conId: number;
  currency: string;
  primaryExchange: string;
}

export function stockContract(inst: IbInstrument): Contract {
  return {
    conId: inst.conId,
    symbol: inst.symbol,
    secType: SecType.STK,
    exchange: 'SMART',
    primaryExch: inst.primaryExchange || undefined,
    currency: inst.currency,
  };
}

/** A contract by symbol alone, for the lookup that finds its conId. */
export function stockLookup(symbol: string): Contract {
  return { symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
}

/** The terms of one of our orders that the IB order carries (extras: trail, limit offset, display size). */
export type IbOrderTerms = Pick<Order, 'side' | 'type' | 'quantity' | 'limitPrice' | 'stopPrice' | 'timeInForce' | 'extras'>;

/** How an order stands among others at TWS: IB's attached-order and OCA fields. */
export interface IbPlacement {
  /** False: TWS holds the order until an order of its chain is sent with true (IB's bracket pattern). */
  transmit: boolean;
  /** The IB order id of the order this one is attached to: it works once that one fills. */
  parentId?: number;
  ocaGroup?: string;
  /** 1: a fill cancels the group's other orders; 2: it reduces them by the fill (with overfill protection); 3: the same without. */
  ocaType?: number;
}

/** An order on its own, sent to work at once. */
export const STANDALONE: IbPlacement = { transmit: true };

const TYPE: Record<OrderType, IbOrderType> = {
  MARKET: IbOrderType.MKT,
  LIMIT: IbOrderType.LMT,
  STOP: IbOrderType.STP,
  STOP_LIMIT: IbOrderType.STP_LMT,
  TRAILING_STOP: IbOrderType.TRAIL,
  TRAILING_STOP_LIMIT: IbOrderType.TRAIL_LIMIT,
};

/** Why IB would refuse a request the domain allows, or null: IB takes an iceberg's display size in whole shares. */
export function ibRefusal(r: Pick<OrderRequest, 'displayQuantity'>): string | null {
  const q = r.displayQuantity;
  return q === undefined || Number.isInteger(q) ? null : `IB takes a display size in whole shares, got ${q}`;
}

/** IB's order type and time in force: at-the-open is tif OPG; at-the-close is its own type (MOC/LOC). */
function typeAndTif(t: IbOrderTerms): { orderType: IbOrderType; tif: IbTif } {
  if (t.timeInForce === 'AT_OPEN') return { orderType: TYPE[t.type], tif: 'OPG' };
  if (t.timeInForce === 'AT_CLOSE') return { orderType: t.type === 'LIMIT' ? IbOrderType.LOC : IbOrderType.MOC, tif: 'DAY' };
  return { orderType: TYPE[t.type], tif: t.timeInForce };
}

/**
 * The stop fields. IB's TRAIL and TRAIL LIMIT carry the trail as auxPrice (an amount) or
 * trailingPercent, their initial stop as trailStopPrice, and a TRAIL LIMIT's limit as lmtPriceOffset
 * from the stop; every other type carries its stop as auxPrice.
 */
function stopFields(t: IbOrderTerms): Pick<IbOrder, 'auxPrice' | 'trailingPercent' | 'trailStopPrice' | 'lmtPriceOffset'> {
  const trail = t.extras?.trail;
  if (!isTrailing(t.type) || trail === undefined) return { auxPrice: t.stopPrice ?? undefined };
  return {
    auxPrice: 'amount' in trail ? trail.amount : undefined,
    trailingPercent: 'percent' in trail ? trail.percent : undefined,
    trailStopPrice: t.stopPrice ?? undefined,
    lmtPriceOffset: t.type === 'TRAILING_STOP_LIMIT' ? t.extras?.limitOffset : undefined,
  };
}

/**
 * The IB order for our terms. `transmit` is always set (the helper classes default it, a plain
 * object does not), the order ref carries our UUID, prices not used by the type stay unset, and an
 * iceberg's display quantity is IB's displaySize. `placement` attaches it to a parent or an OCA group.
 */
export function ibOrder(t: IbOrderTerms, orderRef: string, account: string, placement: IbPlacement = STANDALONE): IbOrder {
  const { orderType, tif } = typeAndTif(t);
  return {
    action: t.side === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    totalQuantity: t.quantity,
    orderType,
    lmtPrice: t.limitPrice ?? undefined,
    ...stopFields(t),
    displaySize: t.extras?.displayQuantity,
    tif,
    orderRef,
    account,
    transmit: placement.transmit,
    parentId: placement.parentId,
    ocaGroup: placement.ocaGroup,
    ocaType: placement.ocaType,
    outsideRth: false,
  };
}
