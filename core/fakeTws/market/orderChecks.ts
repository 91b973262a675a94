import { IB_ORDER_TYPES, IB_TIFS, type FakeOrder, type IbOrderType, type IbTif, type Instrument } from '../model';
import type { PlaceOrderRequest, RequestContract } from '../wire/requests';
import type { Market } from './market';

/** An IB error code and text for a request the fake refuses. */
export interface Refusal {
  code: number;
  text: string;
}

export type OrderTerms = Pick<FakeOrder, 'instrument' | 'action' | 'totalQuantity' | 'orderType' | 'lmtPrice' | 'auxPrice' | 'tif' | 'outsideRth'>;

export const NO_SECURITY: Refusal = { code: 200, text: 'No security definition has been found for the request' };

/** Resolves a request's contract to one of the market's stocks (by conId first, like TWS). */
export function resolveContract(market: Market, c: RequestContract): Instrument | Refusal {
  const secType = c.secType.toUpperCase();
  if (secType !== '' && secType !== 'STK') return NO_SECURITY;
  if (c.currency !== '' && c.currency.toUpperCase() !== 'USD') return NO_SECURITY;
  const inst = c.conId !== null ? market.lookupConId(c.conId) : market.lookup(c.symbol);
  if (!inst || (c.conId !== null && c.symbol !== '' && c.symbol.toUpperCase() !== inst.symbol.toUpperCase())) return NO_SECURITY;
  return inst;
}

const rejected = (reason: string): Refusal => ({ code: 201, text: `Order rejected - reason:${reason}` });

function isOrderType(v: string): v is IbOrderType {
  return (IB_ORDER_TYPES as readonly string[]).includes(v);
}

function isTif(v: string): v is IbTif {
  return (IB_TIFS as readonly string[]).includes(v);
}

/** Checks a placeOrder against what the fake supports and returns the order's terms, or why not. */
export function orderTerms(market: Market, req: PlaceOrderRequest, accountId: string): OrderTerms | Refusal {
  const inst = resolveContract(market, req.contract);
  if ('code' in inst) return inst;
  if (req.action !== 'BUY' && req.action !== 'SELL') return rejected(`action must be BUY or SELL, got "${req.action}"`);
  if (!(req.totalQuantity > 0)) return rejected(`total quantity must be positive, got ${req.totalQuantity}`);
  const orderType = req.orderType.toUpperCase();
  if (!isOrderType(orderType)) {
    return { code: 387, text: `Unsupported order type for this exchange and security type: "${req.orderType}" (the fake TWS takes ${IB_ORDER_TYPES.join(', ')})` };
  }
  const tif = req.tif === '' ? 'DAY' : req.tif.toUpperCase();
  if (!isTif(tif)) return rejected(`time in force "${req.tif}" is not supported (the fake TWS takes ${IB_TIFS.join(', ')})`);
  const needsLimit = orderType === 'LMT' || orderType === 'STP LMT';
  const needsStop = orderType === 'STP' || orderType === 'STP LMT';
  if (needsLimit && !(req.lmtPrice !== null && req.lmtPrice > 0)) return rejected(`${orderType} order needs a positive limit price`);
  if (needsStop && !(req.auxPrice !== null && req.auxPrice > 0)) return rejected(`${orderType} order needs a positive stop (aux) price`);
  if (!req.transmit) return rejected('the fake TWS only accepts transmitted orders (transmit=1)');
  if (req.parentId !== 0) return rejected('attached (parent/child) orders are not supported by the fake TWS');
  if (req.account !== '' && req.account !== accountId) return rejected(`unknown account ${req.account}`);
  return {
    instrument: inst,
    action: req.action,
    totalQuantity: req.totalQuantity,
    orderType,
    lmtPrice: needsLimit ? req.lmtPrice : null,
    auxPrice: needsStop ? req.auxPrice : null,
    tif,
    outsideRth: req.outsideRth,
  };
}
