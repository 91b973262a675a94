import { IB_ORDER_TYPES, IB_TIFS, isTrailingType, type FakeOrder, type IbOrderType, type IbTif, type Instrument } from '../model';
import type { PlaceOrderRequest, RequestContract } from '../wire/requests';
import type { Market } from './market';

/** An IB error code and text for a request the fake refuses. */
export interface Refusal {
  code: number;
  text: string;
}

export type OrderTerms = Pick<
  FakeOrder,
  | 'instrument'
  | 'action'
  | 'totalQuantity'
  | 'orderType'
  | 'lmtPrice'
  | 'auxPrice'
  | 'trailingPercent'
  | 'trailStopPrice'
  | 'lmtPriceOffset'
  | 'displaySize'
  | 'tif'
  | 'outsideRth'
  | 'ocaGroup'
  | 'ocaType'
>;

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

const positive = (v: number | null): v is number => v !== null && v > 0;

/** A trailing order's trail (an amount in auxPrice or a percent, one of them), initial stop and limit offset; null when fine. */
function trailingRefusal(type: IbOrderType, req: PlaceOrderRequest): Refusal | null {
  const amount = positive(req.auxPrice);
  const percent = positive(req.trailingPercent) && req.trailingPercent < 100;
  if (amount === percent) return rejected(`${type} order needs either a trailing amount (auxPrice) or a trailing percent below 100, not both`);
  if (req.trailStopPrice !== null && !(req.trailStopPrice > 0)) return rejected(`${type} order's trail stop price must be positive`);
  if (type === 'TRAIL LIMIT' && !(req.lmtPriceOffset !== null && req.lmtPriceOffset >= 0)) {
    return rejected('TRAIL LIMIT order needs a limit price offset of 0 or more (the fake TWS takes its limit as lmtPriceOffset)');
  }
  return null;
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
  const trailing = isTrailingType(orderType);
  const needsLimit = orderType === 'LMT' || orderType === 'STP LMT';
  const needsStop = orderType === 'STP' || orderType === 'STP LMT';
  if (needsLimit && !positive(req.lmtPrice)) return rejected(`${orderType} order needs a positive limit price`);
  if (needsStop && !positive(req.auxPrice)) return rejected(`${orderType} order needs a positive stop (aux) price`);
  const trail = trailing ? trailingRefusal(orderType, req) : null;
  if (trail) return trail;
  if (req.displaySize !== null) {
    if (!needsLimit && orderType !== 'TRAIL LIMIT') return rejected(`a display size applies to limit orders, not ${orderType}`);
    if (!Number.isInteger(req.displaySize) || req.displaySize <= 0 || req.displaySize > req.totalQuantity) {
      return rejected(`display size must be a whole number from 1 to the total quantity ${req.totalQuantity}, got ${req.displaySize}`);
    }
  }
  if (req.ocaType < 0 || req.ocaType > 3) return rejected(`OCA type must be 1, 2 or 3, got ${req.ocaType}`);
  if (req.account !== '' && req.account !== accountId) return rejected(`unknown account ${req.account}`);
  const percent = trailing && positive(req.trailingPercent);
  return {
    instrument: inst,
    action: req.action,
    totalQuantity: req.totalQuantity,
    orderType,
    lmtPrice: needsLimit ? req.lmtPrice : null,
    auxPrice: needsStop || (trailing && !percent) ? req.auxPrice : null,
    trailingPercent: percent ? req.trailingPercent : null,
    trailStopPrice: trailing ? req.trailStopPrice : null,
    lmtPriceOffset: orderType === 'TRAIL LIMIT' ? req.lmtPriceOffset : null,
    displaySize: req.displaySize,
    tif,
    outsideRth: req.outsideRth,
    ocaGroup: req.ocaGroup,
    // TWS reports 3 (reduce, no block) for an order whose client left the type unset.
    ocaType: req.ocaType === 0 ? 3 : req.ocaType,
  };
}
