import { OrderAction, OrderType as IbOrderType, SecType, type Contract, type Order as IbOrder, type TimeInForce as IbTif } from '@stoqey/ib';
import type { OrderType } from '../../../domain/enums';
import type { Order } from '../../../domain/order';

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

/** The terms of one of our orders that the IB order carries. */
export type IbOrderTerms = Pick<Order, 'side' | 'type' | 'quantity' | 'limitPrice' | 'stopPrice' | 'timeInForce'>;

const TYPE: Record<OrderType, IbOrderType> = {
  MARKET: IbOrderType.MKT,
  LIMIT: IbOrderType.LMT,
  STOP: IbOrderType.STP,
  STOP_LIMIT: IbOrderType.STP_LMT,
};

/** IB's order type and time in force: at-the-open is tif OPG; at-the-close is its own type (MOC/LOC). */
function typeAndTif(t: IbOrderTerms): { orderType: IbOrderType; tif: IbTif } {
  if (t.timeInForce === 'AT_OPEN') return { orderType: TYPE[t.type], tif: 'OPG' };
  if (t.timeInForce === 'AT_CLOSE') return { orderType: t.type === 'LIMIT' ? IbOrderType.LOC : IbOrderType.MOC, tif: 'DAY' };
  return { orderType: TYPE[t.type], tif: t.timeInForce };
}

/**
 * The IB order for our terms. `transmit` is always set (the helper classes default it, a plain
 * object does not), the order ref carries our UUID, and prices not used by the type stay unset.
 */
export function ibOrder(t: IbOrderTerms, orderRef: string, account: string): IbOrder {
  const { orderType, tif } = typeAndTif(t);
  return {
    action: t.side === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    totalQuantity: t.quantity,
    orderType,
    lmtPrice: t.limitPrice ?? undefined,
    auxPrice: t.stopPrice ?? undefined,
    tif,
    orderRef,
    account,
    transmit: true,
    outsideRth: false,
  };
}
