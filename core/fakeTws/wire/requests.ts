import { FieldReader, RequestError } from './fieldReader';
import { OUT, REQUEST_NAMES, requestIdOf } from './msgIds';
import { contractAt, parseCancelOrder, parseGlobalCancel, parsePlaceOrder, type PlaceOrderRequest, type RequestContract } from './orderRequests';

export type { PlaceOrderRequest, RequestContract } from './orderRequests';

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

/** The bar sizes and kinds of data IB serves real-time bars in: 5-second bars only. */
export const REAL_TIME_BAR_SECONDS = 5;
export const REAL_TIME_BAR_KINDS = ['TRADES', 'MIDPOINT', 'BID', 'ASK'] as const;
export type RealTimeBarKind = (typeof REAL_TIME_BAR_KINDS)[number];

export interface RealTimeBarsRequest {
  type: 'reqRealTimeBars';
  reqId: number;
  contract: RequestContract;
  whatToShow: RealTimeBarKind;
  useRth: boolean;
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
  | RealTimeBarsRequest
  | { type: 'cancelRealTimeBars'; reqId: number }
  | { type: 'reqCompletedOrders'; apiOnly: boolean }
  | { type: 'reqAccountUpdatesMulti'; reqId: number; account: string; modelCode: string; ledgerAndNlv: boolean }
  | { type: 'cancelAccountUpdatesMulti'; reqId: number }
  | { type: 'reqMarketRule'; marketRuleId: number }
  | { type: 'reqNewsProviders' }
  | { type: 'reqMktDepthExchanges' }
  /** `reqId`: the request's id where its layout has one (else -1), so the error reaches what waits for it. */
  | { type: 'unsupported'; msgId: number; name: string; reqId: number };

function historicalData(r: FieldReader): HistoricalDataRequest {
  const contract = contractAt(r, 2);
  if (contract.secType.toUpperCase() === 'BAG') throw new RequestError(`${r.what}: combo (BAG) contracts are not supported`);
  r.expectLength(23);
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
  // genericTickList, snapshot, regulatorySnapshot, mktDataOptions.
  r.expectLength(at + 4);
  return {
    type: 'reqMktData',
    reqId: r.int(2, 'reqId'),
    contract,
    genericTicks: r.str(at, 'genericTickList'),
    snapshot: r.bool(at + 1, 'snapshot'),
  };
}

/**
 * REQ_REAL_TIME_BARS (version 3): reqId, the 12-field contract (conId .. tradingClass), barSize,
 * whatToShow, useRTH, realTimeBarsOptions; the same 19 fields at every version from 176 on (IB's
 * clients and stoqey send no combo legs with it). IB serves only 5-second bars of TRADES, MIDPOINT,
 * BID or ASK: anything else is refused (321) naming the field.
 */
function realTimeBars(r: FieldReader): RealTimeBarsRequest {
  const reqId = r.int(2, 'reqId');
  const contract = contractAt(r, 3);
  const barSize = r.int(15, 'barSize');
  if (barSize !== REAL_TIME_BAR_SECONDS) {
    throw new RequestError(`${r.what}: field 15 (barSize) must be ${REAL_TIME_BAR_SECONDS} (IB serves only 5-second real-time bars), got ${barSize}`);
  }
  const whatToShow = r.str(16, 'whatToShow').toUpperCase();
  const kind = REAL_TIME_BAR_KINDS.find((k) => k === whatToShow);
  if (!kind) {
    throw new RequestError(`${r.what}: field 16 (whatToShow) must be one of ${REAL_TIME_BAR_KINDS.join(', ')}, got ${JSON.stringify(r.str(16, 'whatToShow'))}`);
  }
  return { type: 'reqRealTimeBars', reqId, contract, whatToShow: kind, useRth: r.bool(17, 'useRTH') };
}

/** Field counts of the fixed-layout requests (the same at every version the fake speaks, 176..193). */
const FIXED_LENGTH: Readonly<Partial<Record<number, number>>> = {
  [OUT.START_API]: 4,
  [OUT.REQ_OPEN_ORDERS]: 2,
  [OUT.REQ_ALL_OPEN_ORDERS]: 2,
  [OUT.REQ_AUTO_OPEN_ORDERS]: 3,
  [OUT.REQ_ACCOUNT_DATA]: 4,
  [OUT.REQ_EXECUTIONS]: 10,
  [OUT.REQ_IDS]: 3,
  [OUT.REQ_CONTRACT_DATA]: 19,
  [OUT.REQ_MANAGED_ACCTS]: 2,
  [OUT.CANCEL_HISTORICAL_DATA]: 3,
  [OUT.REQ_CURRENT_TIME]: 2,
  [OUT.REQ_MARKET_DATA_TYPE]: 3,
  [OUT.REQ_POSITIONS]: 2,
  [OUT.CANCEL_POSITIONS]: 2,
  [OUT.REQ_ACCOUNT_SUMMARY]: 5,
  [OUT.CANCEL_ACCOUNT_SUMMARY]: 3,
  [OUT.CANCEL_MKT_DATA]: 3,
  [OUT.REQ_REAL_TIME_BARS]: 19,
  [OUT.CANCEL_REAL_TIME_BARS]: 3,
  [OUT.REQ_COMPLETED_ORDERS]: 2,
  [OUT.REQ_ACCOUNT_UPDATES_MULTI]: 6,
  [OUT.CANCEL_ACCOUNT_UPDATES_MULTI]: 3,
  [OUT.REQ_MARKET_RULE]: 2,
  [OUT.REQ_NEWS_PROVIDERS]: 1,
  [OUT.REQ_MKT_DEPTH_EXCHANGES]: 1,
};

/**
 * Parses one client message, laid out for the connection's negotiated `version`, into a request.
 * Throws RequestError when malformed: a message of the wrong length is never guessed at.
 */
export function parseRequest(fields: readonly string[], version: number): ClientRequest {
  const head = fields[0] ?? '';
  if (!/^\d+$/.test(head)) throw new RequestError(`message id ${JSON.stringify(head)} is not a number`);
  const msgId = Number(head);
  const name = REQUEST_NAMES[msgId] ?? `message ${msgId}`;
  const r = new FieldReader(fields, name);
  const fixed = FIXED_LENGTH[msgId];
  if (fixed !== undefined) r.expectLength(fixed);
  switch (msgId) {
    case OUT.START_API:
      return { type: 'startApi', clientId: r.optInt(2, 'clientId') };
    case OUT.PLACE_ORDER:
      return parsePlaceOrder(r, version);
    case OUT.CANCEL_ORDER:
      return parseCancelOrder(r, version);
    case OUT.REQ_OPEN_ORDERS:
      return { type: 'reqOpenOrders' };
    case OUT.REQ_ALL_OPEN_ORDERS:
      return { type: 'reqAllOpenOrders' };
    case OUT.REQ_AUTO_OPEN_ORDERS:
      return { type: 'reqAutoOpenOrders', autoBind: r.bool(2, 'autoBind') };
    case OUT.REQ_ACCOUNT_DATA:
      return { type: 'reqAccountUpdates', subscribe: r.bool(2, 'subscribe'), account: r.str(3, 'acctCode') };
    case OUT.REQ_EXECUTIONS:
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
      return parseGlobalCancel(r, version);
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
    case OUT.REQ_REAL_TIME_BARS:
      return realTimeBars(r);
    case OUT.CANCEL_REAL_TIME_BARS:
      return { type: 'cancelRealTimeBars', reqId: r.int(2, 'reqId') };
    case OUT.REQ_COMPLETED_ORDERS:
      return { type: 'reqCompletedOrders', apiOnly: r.bool(1, 'apiOnly') };
    case OUT.REQ_ACCOUNT_UPDATES_MULTI:
      return {
        type: 'reqAccountUpdatesMulti',
        reqId: r.int(2, 'reqId'),
        account: r.str(3, 'account'),
        modelCode: r.str(4, 'modelCode'),
        ledgerAndNlv: r.bool(5, 'ledgerAndNLV'),
      };
    case OUT.CANCEL_ACCOUNT_UPDATES_MULTI:
      return { type: 'cancelAccountUpdatesMulti', reqId: r.int(2, 'reqId') };
    case OUT.REQ_MARKET_RULE:
      return { type: 'reqMarketRule', marketRuleId: r.int(1, 'marketRuleId') };
    case OUT.REQ_NEWS_PROVIDERS:
      return { type: 'reqNewsProviders' };
    case OUT.REQ_MKT_DEPTH_EXCHANGES:
      return { type: 'reqMktDepthExchanges' };
    default:
      return { type: 'unsupported', msgId, name, reqId: requestIdOf(fields) };
  }
}
