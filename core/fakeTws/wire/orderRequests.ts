import { RequestError, type FieldReader } from './fieldReader';
import { hasRfqFields, V } from './versions';

/** The contract fields the fake uses from any request's 12-field contract block. */
export interface RequestContract {
  conId: number | null;
  symbol: string;
  secType: string;
  exchange: string;
  currency: string;
}

export interface PlaceOrderRequest {
  type: 'placeOrder';
  orderId: number;
  contract: RequestContract;
  action: string;
  totalQuantity: number;
  orderType: string;
  lmtPrice: number | null;
  /** The stop of STP and STP LMT; the trailing amount of TRAIL and TRAIL LIMIT. */
  auxPrice: number | null;
  tif: string;
  ocaGroup: string;
  account: string;
  orderRef: string;
  /** False: TWS holds the order until an order of its chain (its parent or a child) arrives with transmit=1. */
  transmit: boolean;
  parentId: number;
  displaySize: number | null;
  outsideRth: boolean;
  /** 0 when unset. */
  ocaType: number;
  /** Trailing orders: the initial stop. */
  trailStopPrice: number | null;
  trailingPercent: number | null;
  lmtPriceOffset: number | null;
  /** Preview only: answer with margin and commission, never execute. */
  whatIf: boolean;
}

/** conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass. */
export function contractAt(r: FieldReader, i: number): RequestContract {
  const conId = r.optInt(i, 'conId');
  return {
    conId: conId === 0 ? null : conId,
    symbol: r.str(i + 1, 'symbol'),
    secType: r.str(i + 2, 'secType'),
    exchange: r.str(i + 7, 'exchange'),
    currency: r.str(i + 9, 'currency'),
  };
}

/**
 * Token count of PLACE_ORDER for a plain order (not BAG; no algo, conditions, hedge, scale,
 * delta-neutral or PEG BENCH/BEST/MID attributes; any of those adds fields) at `version`: 118 at 193.
 */
export function plainPlaceOrderLength(version: number): number {
  let n = 114;
  if (version < V.FA_PROFILE_DESUPPORT) n += 1; // faProfile
  if (version >= V.CUSTOMER_ACCOUNT) n += 1;
  if (version >= V.PROFESSIONAL_CUSTOMER) n += 1;
  if (hasRfqFields(version)) n += 2;
  if (version >= V.INCLUDE_OVERNIGHT) n += 1;
  if (version >= V.CME_TAGGING_FIELDS) n += 1; // manualOrderIndicator
  return n;
}

/** Index of a field after faPercentage (41) at 193: one later while faProfile follows faPercentage on the wire. */
function afterFa(index: number, version: number): number {
  return version < V.FA_PROFILE_DESUPPORT ? index + 1 : index;
}

/** Clients write an unset double as empty or as Java's Double.MAX_VALUE, an unset int as empty, 0 or Integer.MAX_VALUE. */
const unsetDouble = (v: number | null): number | null => (v === null || v >= 1e308 ? null : v);
const unsetSize = (v: number | null): number | null => (v === null || v === 0 || v === 2147483647 ? null : v);

export function parsePlaceOrder(r: FieldReader, version: number): PlaceOrderRequest {
  const contract = contractAt(r, 2);
  if (contract.secType.toUpperCase() === 'BAG') throw new RequestError(`${r.what}: combo (BAG) orders are not supported`);
  const expected = plainPlaceOrderLength(version);
  if (r.length !== expected) {
    throw new RequestError(
      `${r.what}: expected ${expected} fields for a plain order at version ${version} ` +
        `(the fake TWS takes no combo, algo, condition, hedge, scale, delta-neutral or PEG attributes), got ${r.length}`,
    );
  }
  return {
    type: 'placeOrder',
    orderId: r.int(1, 'orderId'),
    contract,
    action: r.str(16, 'action'),
    totalQuantity: r.num(17, 'totalQuantity'),
    orderType: r.str(18, 'orderType'),
    lmtPrice: r.optNum(19, 'lmtPrice'),
    auxPrice: r.optNum(20, 'auxPrice'),
    tif: r.str(21, 'tif'),
    ocaGroup: r.str(22, 'ocaGroup'),
    account: r.str(23, 'account'),
    orderRef: r.str(26, 'orderRef'),
    transmit: r.bool(27, 'transmit'),
    parentId: r.optInt(28, 'parentId') ?? 0,
    displaySize: unsetSize(r.optInt(31, 'displaySize')),
    outsideRth: r.bool(33, 'outsideRth'),
    ocaType: r.optInt(afterFa(46, version), 'ocaType') ?? 0,
    trailStopPrice: unsetDouble(r.optNum(afterFa(68, version), 'trailStopPrice')),
    trailingPercent: unsetDouble(r.optNum(afterFa(69, version), 'trailingPercent')),
    whatIf: r.bool(afterFa(84, version), 'whatIf'),
    lmtPriceOffset: unsetDouble(r.optNum(afterFa(92, version), 'lmtPriceOffset')),
  };
}

/**
 * CANCEL_ORDER: before 192 `4, version, orderId, manualOrderCancelTime` (+ 3 RFQ placeholders at
 * 187..189); from 192 `4, orderId, manualOrderCancelTime, extOperator, manualOrderIndicator`.
 */
export function parseCancelOrder(r: FieldReader, version: number): { type: 'cancelOrder'; orderId: number } {
  if (version >= V.CME_TAGGING_FIELDS) {
    r.expectLength(5);
    return { type: 'cancelOrder', orderId: r.int(1, 'orderId') };
  }
  r.expectLength(hasRfqFields(version) ? 7 : 4);
  r.int(1, 'version');
  return { type: 'cancelOrder', orderId: r.int(2, 'orderId') };
}

/** REQ_GLOBAL_CANCEL: `58, version` before 192, `58, extOperator, manualOrderIndicator` from 192. */
export function parseGlobalCancel(r: FieldReader, version: number): { type: 'reqGlobalCancel' } {
  r.expectLength(version >= V.CME_TAGGING_FIELDS ? 3 : 2);
  return { type: 'reqGlobalCancel' };
}

/** Where CANCEL_ORDER carries its order id at `version`. */
export function cancelOrderIdIndex(version: number): number {
  return version >= V.CME_TAGGING_FIELDS ? 1 : 2;
}
