import { FieldReader, RequestError } from './fieldReader';
import { OUT } from './msgIds';

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
  auxPrice: number | null;
  tif: string;
  account: string;
  orderRef: string;
  transmit: boolean;
  parentId: number;
  outsideRth: boolean;
}

export interface ExecutionFilterRequest {
  clientId: number | null;
  acctCode: string;
  time: string;
  symbol: string;
  secType: string;
  exchange: string;
  side: string;
}

export interface HistoricalDataRequest {
  type: 'reqHistoricalData';
  reqId: number;
  contract: RequestContract;
  endDateTime: string;
  barSize: string;
  duration: string;
  useRth: boolean;
  whatToShow: string;
  formatDate: number;
  keepUpToDate: boolean;
}

export type ClientRequest =
  | { type: 'startApi'; clientId: number | null }
  | PlaceOrderRequest
  | { type: 'cancelOrder'; orderId: number }
  | { type: 'reqOpenOrders' }
  | { type: 'reqAllOpenOrders' }
  | { type: 'reqAutoOpenOrders'; autoBind: boolean }
  | { type: 'reqAccountUpdates'; subscribe: boolean; account: string }
  | { type: 'reqExecutions'; reqId: number; filter: ExecutionFilterRequest }
  | { type: 'reqIds' }
  | { type: 'reqContractDetails'; reqId: number; contract: RequestContract }
  | { type: 'reqManagedAccts' }
  | HistoricalDataRequest
  | { type: 'cancelHistoricalData'; reqId: number }
  | { type: 'reqCurrentTime' }
  | { type: 'reqGlobalCancel' }
  | { type: 'reqMarketDataType'; marketDataType: number }
  | { type: 'reqPositions' }
  | { type: 'cancelPositions' }
  | { type: 'reqAccountSummary'; reqId: number; group: string; tags: string[] }
  | { type: 'cancelAccountSummary'; reqId: number }
  | { type: 'reqMktData'; reqId: number; contract: RequestContract; genericTicks: string; snapshot: boolean }
  | { type: 'cancelMktData'; reqId: number }
  | { type: 'reqCompletedOrders'; apiOnly: boolean }
  | { type: 'unsupported'; msgId: number };

/**
 * Token count of PLACE_ORDER at server version 193 for a plain order (not BAG; no algo, conditions,
 * hedge, scale, delta-neutral or PEG BENCH/BEST/MID attributes): any of those adds fields.
 */
export const PLAIN_PLACE_ORDER_FIELDS = 118;

/** conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass. */
function contractAt(r: FieldReader, i: number): RequestContract {
  const conId = r.optInt(i, 'conId');
  return {
    conId: conId === 0 ? null : conId,
    symbol: r.str(i + 1, 'symbol'),
    secType: r.str(i + 2, 'secType'),
    exchange: r.str(i + 7, 'exchange'),
    currency: r.str(i + 9, 'currency'),
  };
}

function placeOrder(r: FieldReader): PlaceOrderRequest {
  const contract = contractAt(r, 2);
  if (contract.secType.toUpperCase() === 'BAG') throw new RequestError(`${r.what}: combo (BAG) orders are not supported`);
  r.expectLength(PLAIN_PLACE_ORDER_FIELDS);
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
    account: r.str(23, 'account'),
    orderRef: r.str(26, 'orderRef'),
    transmit: r.bool(27, 'transmit'),
    parentId: r.optInt(28, 'parentId') ?? 0,
    outsideRth: r.bool(33, 'outsideRth'),
  };
}

function historicalData(r: FieldReader): HistoricalDataRequest {
  r.expectAtLeast(23);
  const contract = contractAt(r, 2);
  if (contract.secType.toUpperCase() === 'BAG') throw new RequestError(`${r.what}: combo (BAG) contracts are not supported`);
  return {
    type: 'reqHistoricalData',
    reqId: r.int(1, 'reqId'),
    contract,
    endDateTime: r.str(15, 'endDateTime'),
    barSize: r.str(16, 'barSizeSetting'),
    duration: r.str(17, 'durationStr'),
    useRth: r.bool(18, 'useRTH'),
    whatToShow: r.str(19, 'whatToShow'),
    formatDate: r.optInt(20, 'formatDate') ?? 1,
    keepUpToDate: r.bool(21, 'keepUpToDate'),
  };
}

function mktData(r: FieldReader): ClientRequest {
  const contract = contractAt(r, 3);
  if (contract.secType.toUpperCase() === 'BAG') throw new RequestError(`${r.what}: combo (BAG) contracts are not supported`);
  // After tradingClass (index 14): the delta-neutral flag, and its 3 fields when set.
  const dn = r.bool(15, 'deltaNeutralContract');
  const at = dn ? 19 : 16;
  return {
    type: 'reqMktData',
    reqId: r.int(2, 'reqId'),
    contract,
    genericTicks: r.str(at, 'genericTickList'),
    snapshot: r.bool(at + 1, 'snapshot'),
  };
}

/** Parses one client message (at server version 193) into a request; throws RequestError when malformed. */
export function parseRequest(fields: readonly string[]): ClientRequest {
  const head = fields[0] ?? '';
  if (!/^\d+$/.test(head)) throw new RequestError(`message id ${JSON.stringify(head)} is not a number`);
  const msgId = Number(head);
  const name = Object.entries(OUT).find(([, id]) => id === msgId)?.[0] ?? `message ${msgId}`;
  const r = new FieldReader(fields, name);
  switch (msgId) {
    case OUT.START_API:
      return { type: 'startApi', clientId: r.optInt(2, 'clientId') };
    case OUT.PLACE_ORDER:
      return placeOrder(r);
    case OUT.CANCEL_ORDER:
      return { type: 'cancelOrder', orderId: r.int(1, 'orderId') };
    case OUT.REQ_OPEN_ORDERS:
      return { type: 'reqOpenOrders' };
    case OUT.REQ_ALL_OPEN_ORDERS:
      return { type: 'reqAllOpenOrders' };
    case OUT.REQ_AUTO_OPEN_ORDERS:
      return { type: 'reqAutoOpenOrders', autoBind: r.bool(2, 'autoBind') };
    case OUT.REQ_ACCOUNT_DATA:
      return { type: 'reqAccountUpdates', subscribe: r.bool(2, 'subscribe'), account: r.str(3, 'acctCode') };
    case OUT.REQ_EXECUTIONS:
      r.expectAtLeast(10);
      return {
        type: 'reqExecutions',
        reqId: r.int(2, 'reqId'),
        filter: {
          clientId: r.optInt(3, 'clientId'),
          acctCode: r.str(4, 'acctCode'),
          time: r.str(5, 'time'),
          symbol: r.str(6, 'symbol'),
          secType: r.str(7, 'secType'),
          exchange: r.str(8, 'exchange'),
          side: r.str(9, 'side'),
        },
      };
    case OUT.REQ_IDS:
      return { type: 'reqIds' };
    case OUT.REQ_CONTRACT_DATA:
      return { type: 'reqContractDetails', reqId: r.int(2, 'reqId'), contract: contractAt(r, 3) };
    case OUT.REQ_MANAGED_ACCTS:
      return { type: 'reqManagedAccts' };
    case OUT.REQ_HISTORICAL_DATA:
      return historicalData(r);
    case OUT.CANCEL_HISTORICAL_DATA:
      return { type: 'cancelHistoricalData', reqId: r.int(2, 'reqId') };
    case OUT.REQ_CURRENT_TIME:
      return { type: 'reqCurrentTime' };
    case OUT.REQ_GLOBAL_CANCEL:
      return { type: 'reqGlobalCancel' };
    case OUT.REQ_MARKET_DATA_TYPE:
      return { type: 'reqMarketDataType', marketDataType: r.int(2, 'marketDataType') };
    case OUT.REQ_POSITIONS:
      return { type: 'reqPositions' };
    case OUT.CANCEL_POSITIONS:
      return { type: 'cancelPositions' };
    case OUT.REQ_ACCOUNT_SUMMARY:
      return {
        type: 'reqAccountSummary',
        reqId: r.int(2, 'reqId'),
        group: r.str(3, 'group'),
        tags: r.str(4, 'tags').split(',').map((t) => t.trim()).filter((t) => t !== ''),
      };
    case OUT.CANCEL_ACCOUNT_SUMMARY:
      return { type: 'cancelAccountSummary', reqId: r.int(2, 'reqId') };
    case OUT.REQ_MKT_DATA:
      return mktData(r);
    case OUT.CANCEL_MKT_DATA:
      return { type: 'cancelMktData', reqId: r.int(2, 'reqId') };
    case OUT.REQ_COMPLETED_ORDERS:
      return { type: 'reqCompletedOrders', apiOnly: r.bool(1, 'apiOnly') };
    default:
      return { type: 'unsupported', msgId };
  }
}
