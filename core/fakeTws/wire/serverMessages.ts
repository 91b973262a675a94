import type { Bar } from '../../data/BarSeries';
import type { FakeExecution, Instrument } from '../model';
import type { WireField } from './frames';
import { IN } from './msgIds';
import { UNSET_DOUBLE as D, ibDateTime, optDouble } from './values';
import { V } from './versions';

/**
 * Layouts of the server's messages other than orders (see the protocol notes §4). Those that change
 * between 176 and 193 take the negotiated version.
 */

export const PRIMARY_EXCHANGE = 'NASDAQ';

export function nextValidIdMessage(orderId: number): WireField[] {
  return [IN.NEXT_VALID_ID, 1, orderId];
}

export function managedAccountsMessage(accounts: string): WireField[] {
  return [IN.MANAGED_ACCTS, 1, accounts];
}

/** id -1 reaches stoqey as an `info` event, any other id as `error`. The JSON field must be "" or valid JSON. */
export function errorMessage(id: number, code: number, text: string, advancedOrderRejectJson = ''): WireField[] {
  return [IN.ERR_MSG, 2, id, code, text, advancedOrderRejectJson];
}

export function currentTimeMessage(epochSeconds: number): WireField[] {
  return [IN.CURRENT_TIME, 1, epochSeconds];
}

export function openOrderEndMessage(): WireField[] {
  return [IN.OPEN_ORDER_END, 1];
}

/**
 * EXECUTION_DATA (no version field from 136 on; pendingPriceRevision from 178). reqId -1 marks a live
 * fill rather than a reqExecutions answer. evMultiplier is empty, never DBL_MAX: Python decoders
 * convert it with int()/float() of the text.
 */
export function execDetailsMessage(reqId: number, e: FakeExecution, version: number): WireField[] {
  const o = e.order;
  const inst = o.instrument;
  const out: WireField[] = [
    IN.EXECUTION_DATA, reqId, o.orderId,
    inst.conId, inst.symbol, 'STK', '', 0, '', '', 'SMART', 'USD', inst.symbol, 'NMS',
    e.execId, ibDateTime(e.time), o.account, 'ISLAND', e.side, e.shares, e.price, o.permId, o.clientId,
    0, // liquidation
    e.cumQty, e.avgPrice, o.orderRef,
    '', '', // evRule, evMultiplier
    '', // modelCode
    1, // lastLiquidity: added
  ];
  if (version >= V.PENDING_PRICE_REVISION) out.push(0); // pendingPriceRevision
  return out;
}

export function execDetailsEndMessage(reqId: number): WireField[] {
  return [IN.EXECUTION_DATA_END, 1, reqId];
}

export function commissionReportMessage(e: FakeExecution): WireField[] {
  return [IN.COMMISSION_REPORT, 1, e.execId, e.commission, 'USD', optDouble(e.realizedPnl), D, ''];
}

export function positionMessage(account: string, inst: Instrument, quantity: number, avgCost: number): WireField[] {
  return [
    IN.POSITION, 3, account,
    inst.conId, inst.symbol, 'STK', '', 0, '', '', PRIMARY_EXCHANGE, 'USD', inst.symbol, 'NMS',
    quantity, avgCost,
  ];
}

export function positionEndMessage(): WireField[] {
  return [IN.POSITION_END, 1];
}

export function accountSummaryMessage(reqId: number, account: string, tag: string, value: string, currency: string): WireField[] {
  return [IN.ACCOUNT_SUMMARY, 1, reqId, account, tag, value, currency];
}

export function accountSummaryEndMessage(reqId: number): WireField[] {
  return [IN.ACCOUNT_SUMMARY_END, 1, reqId];
}

export function accountValueMessage(key: string, value: string, currency: string, account: string): WireField[] {
  return [IN.ACCT_VALUE, 2, key, value, currency, account];
}

export interface PortfolioLine {
  inst: Instrument;
  position: number;
  marketPrice: number;
  marketValue: number;
  averageCost: number;
  unrealizedPnl: number;
  realizedPnl: number;
}

/** PORTFOLIO_VALUE version 8, the highest stoqey decodes. */
export function portfolioValueMessage(p: PortfolioLine, account: string): WireField[] {
  const inst = p.inst;
  return [
    IN.PORTFOLIO_VALUE, 8,
    inst.conId, inst.symbol, 'STK', '', 0, '', '', PRIMARY_EXCHANGE, 'USD', inst.symbol, 'NMS',
    p.position, p.marketPrice, p.marketValue, p.averageCost, p.unrealizedPnl, p.realizedPnl, account,
  ];
}

export function accountUpdateMultiMessage(reqId: number, account: string, modelCode: string, key: string, value: string, currency: string): WireField[] {
  return [IN.ACCOUNT_UPDATE_MULTI, 1, reqId, account, modelCode, key, value, currency];
}

export function accountUpdateMultiEndMessage(reqId: number): WireField[] {
  return [IN.ACCOUNT_UPDATE_MULTI_END, 1, reqId];
}

export function accountUpdateTimeMessage(hhmm: string): WireField[] {
  return [IN.ACCT_UPDATE_TIME, 1, hhmm];
}

export function accountDownloadEndMessage(account: string): WireField[] {
  return [IN.ACCT_DOWNLOAD_END, 1, account];
}

/**
 * HISTORICAL_DATA at 193: no version, no hasGaps; per bar date, O, H, L, C, volume, WAP, barCount.
 * stoqey emits the "finished-<start>-<end>" end marker itself from this one message.
 */
export function historicalDataMessage(
  reqId: number,
  startMs: number,
  endMs: number,
  bars: readonly Bar[],
  barDate: (ts: number) => string,
): WireField[] {
  const out: WireField[] = [IN.HISTORICAL_DATA, reqId, ibDateTime(startMs, ' '), ibDateTime(endMs, ' '), bars.length];
  for (const b of bars) {
    const wap = (b.high + b.low + b.close) / 3;
    out.push(barDate(b.ts), b.open, b.high, b.low, b.close, Math.round(b.volume), wap, Math.max(1, Math.round(b.volume / 100)));
  }
  return out;
}

/**
 * REAL_TIME_BARS (version 3, the same at every server version): reqId, the bar's start in epoch
 * seconds, open, high, low, close, volume and WAP (decimals), trade count.
 */
export function realTimeBarMessage(
  reqId: number,
  timeSeconds: number,
  bar: { open: number; high: number; low: number; close: number; volume: number; wap: number; count: number },
): WireField[] {
  return [IN.REAL_TIME_BARS, 3, reqId, timeSeconds, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.wap, bar.count];
}

export function tickPriceMessage(reqId: number, tickType: number, price: number, size: number | null): WireField[] {
  // attrMask 0: no canAutoExecute/pastLimit/preOpen bits.
  return [IN.TICK_PRICE, 6, reqId, tickType, price, size ?? '', 0];
}

export function tickSizeMessage(reqId: number, tickType: number, size: number): WireField[] {
  return [IN.TICK_SIZE, 6, reqId, tickType, size];
}

export function marketDataTypeMessage(reqId: number, marketDataType: number): WireField[] {
  return [IN.MARKET_DATA_TYPE, 1, reqId, marketDataType];
}

/** minTick travels as text; stoqey reads it with readInt, so "0.01" arrives as 0 (a known client quirk). */
export function tickReqParamsMessage(reqId: number): WireField[] {
  return [IN.TICK_REQ_PARAMS, reqId, '0.01', 'SMART', 3];
}

export function tickSnapshotEndMessage(reqId: number): WireField[] {
  return [IN.TICK_SNAPSHOT_END, 1, reqId];
}

/** The one price ladder every instrument of the fake has: `MIN_TICK` at any price (reqMarketRule answers it). */
export const MARKET_RULE_ID = 26;
export const MIN_TICK = 0.01;

/**
 * CONTRACT_DATA (no version field from 164 on): lastTradeDate from 182, the ineligibility reasons
 * count from 186. evMultiplier is empty, never DBL_MAX, which the Python decoders cannot convert.
 */
export function contractDataMessage(reqId: number, inst: Instrument, version: number): WireField[] {
  const lastTradeDate: WireField[] = version >= V.LAST_TRADE_DATE ? [''] : [];
  const ineligibility: WireField[] = version >= V.INELIGIBILITY_REASONS ? [0] : [];
  return [
    IN.CONTRACT_DATA, reqId,
    inst.symbol, 'STK', '', // symbol, secType, lastTradeDateOrContractMonth
    ...lastTradeDate,
    0, '', 'SMART', 'USD', inst.symbol, 'NMS', 'NMS', inst.conId, // strike, right, exchange, currency, localSymbol, marketName, tradingClass, conId
    MIN_TICK,
    '', // multiplier
    'LMT,MKT,STP,STP LMT', // orderTypes
    `SMART,${PRIMARY_EXCHANGE}`, // validExchanges
    1, // priceMagnifier
    0, // underConId
    `${inst.symbol} (fake TWS)`, // longName
    PRIMARY_EXCHANGE,
    '', // contractMonth
    '', '', '', // industry, category, subcategory
    'UTC', // timeZoneId
    '', '', // tradingHours, liquidHours
    '', '', // evRule, evMultiplier
    0, // secIdListCount
    1, // aggGroup
    '', '', // underSymbol, underSecType
    String(MARKET_RULE_ID), // marketRuleIds
    '', // realExpirationDate
    'COMMON', // stockType
    1, 1, 100, // minSize, sizeIncrement, suggestedSizeIncrement
    ...ineligibility,
  ];
}

/** MARKET_RULE: the rule's price increments, each (lowEdge, increment). */
export function marketRuleMessage(marketRuleId: number, increments: readonly (readonly [number, number])[]): WireField[] {
  return [IN.MARKET_RULE, marketRuleId, increments.length, ...increments.flat()];
}

/** NEWS_PROVIDERS with no provider: the fake has no news. */
export function noNewsProvidersMessage(): WireField[] {
  return [IN.NEWS_PROVIDERS, 0];
}

/** MKT_DEPTH_EXCHANGES with no exchange: the fake has no market depth. */
export function noMktDepthExchangesMessage(): WireField[] {
  return [IN.MKT_DEPTH_EXCHANGES, 0];
}

export function contractDataEndMessage(reqId: number): WireField[] {
  return [IN.CONTRACT_DATA_END, 1, reqId];
}

export function completedOrdersEndMessage(): WireField[] {
  return [IN.COMPLETED_ORDERS_END];
}
