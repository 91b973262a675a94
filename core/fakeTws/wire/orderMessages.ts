import { isWorking, type FakeOrder, type Instrument } from '../model';
import type { WireField } from './frames';
import { IN } from './msgIds';
import { UNSET_DOUBLE as D, UNSET_INT as I, bool, ibDateTime, optDouble } from './values';
import { V } from './versions';

/**
 * A what-if order's preview: margin before, the change and after (IB's initMargin, maintMargin,
 * equityWithLoan triples), and the commission estimate.
 */
export interface WhatIfPreview {
  initMarginBefore: number;
  maintMarginBefore: number;
  equityWithLoanBefore: number;
  initMarginAfter: number;
  maintMarginAfter: number;
  equityWithLoanAfter: number;
  commission: number;
  minCommission: number;
  maxCommission: number;
}

/** The 11 contract fields stoqey's OrderDecoder.readContractFields reads (conId .. tradingClass). */
function orderContract(inst: Instrument): WireField[] {
  return [inst.conId, inst.symbol, 'STK', '', 0, '', '', 'SMART', 'USD', inst.symbol, 'NMS'];
}

/** action .. orderRef: the order's terms, identical in OPEN_ORDER and COMPLETED_ORDER. */
function orderTerms(o: FakeOrder): WireField[] {
  return [
    o.action, o.totalQuantity, o.orderType, optDouble(o.lmtPrice), optDouble(o.auxPrice), o.tif,
    o.ocaGroup,
    o.account,
    '', // openClose
    0, // origin: customer
    o.orderRef,
  ];
}

/** faGroup .. faPercentage, and faProfile while the version still carries it. */
function faParams(version: number): WireField[] {
  return version < V.FA_PROFILE_DESUPPORT ? ['', '', '', ''] : ['', '', ''];
}

/** modelCode .. exemptCode (modelCode, goodTillDate, rule80A, percentOffset, settlingFirm, short-sale params). */
const MODEL_TO_SHORT_SALE: readonly WireField[] = [
  '', // modelCode
  '', // goodTillDate
  '', // rule80A
  D, // percentOffset
  '', // settlingFirm
  0, '', -1, // shortSaleSlot, designatedLocation, exemptCode
];

/** Box-order and peg-to-stock prices (unset), then displaySize. */
function boxRangeDisplay(o: FakeOrder): WireField[] {
  return [
    D, D, D, // startingPrice, stockRefPrice, delta
    D, D, // stockRangeLower, stockRangeUpper
    o.displaySize ?? I,
  ];
}

/** Combo legs (none), smart-combo params (none), scale params (unset), hedgeType (none). */
const COMBO_SCALE_HEDGE: readonly WireField[] = [
  '', 0, 0, // comboLegsDescription, comboLegsCount, orderComboLegsCount
  0, // smartComboRoutingParamsCount
  I, I, D, // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
  '', // hedgeType
];

/** PEG BEST/MID attributes (unset): minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf. */
const PEG_BEST_MID: readonly WireField[] = [I, I, D, D, D];

/** customerAccount (183) and professionalCustomer (184): the tail OPEN_ORDER and COMPLETED_ORDER share. */
function customerFields(version: number): WireField[] {
  const out: WireField[] = [];
  if (version >= V.CUSTOMER_ACCOUNT) out.push(''); // customerAccount
  if (version >= V.PROFESSIONAL_CUSTOMER) out.push(0); // professionalCustomer
  return out;
}

/** OPEN_ORDER only: bondAccruedInterest (185), includeOvernight (189), extOperator + manualOrderIndicator (193). */
function openOrderTail(version: number): WireField[] {
  const out: WireField[] = [];
  if (version >= V.BOND_ACCRUED_INTEREST) out.push(''); // bondAccruedInterest
  if (version >= V.INCLUDE_OVERNIGHT) out.push(0); // includeOvernight
  if (version >= V.CME_TAGGING_FIELDS_IN_OPEN_ORDER) out.push('', I); // extOperator, manualOrderIndicator
  return out;
}

/** The order state: margin before/change/after, then commission, min, max and its currency. */
function stateFields(o: FakeOrder, p: WhatIfPreview | null): WireField[] {
  if (p) {
    return [
      p.initMarginBefore, p.maintMarginBefore, p.equityWithLoanBefore,
      p.initMarginAfter - p.initMarginBefore, p.maintMarginAfter - p.maintMarginBefore, p.equityWithLoanAfter - p.equityWithLoanBefore,
      p.initMarginAfter, p.maintMarginAfter, p.equityWithLoanAfter,
      p.commission, p.minCommission, p.maxCommission, 'USD',
    ];
  }
  // Not a preview: no margin figures; the commission is known once something filled.
  return [D, D, D, D, D, D, D, D, D, ...(o.filled > 0 ? [o.commission, D, D, 'USD'] : [D, D, D, ''])];
}

/**
 * OPEN_ORDER at the negotiated version (no version field from 145 on), in the order of IB's
 * processOpenOrderMsg (and stoqey's decodeMsg_OPEN_ORDER). deltaNeutralOrderType is "None" as a real
 * TWS sends it, so the 8 delta-neutral extras follow; every other optional block (combo legs, scale,
 * hedge, algo, conditions, PEG) is empty. A what-if answer carries whatIf=1 and the preview.
 */
export function openOrderMessage(o: FakeOrder, version: number, preview: WhatIfPreview | null = null): WireField[] {
  return [
    IN.OPEN_ORDER,
    o.orderId,
    ...orderContract(o.instrument),
    ...orderTerms(o),
    o.clientId,
    o.permId,
    bool(o.outsideRth),
    0, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
    '', // sharesAllocation (skipped by the decoder)
    ...faParams(version),
    ...MODEL_TO_SHORT_SALE,
    0, // auctionStrategy
    ...boxRangeDisplay(o),
    0, 0, 0, // blockOrder, sweepToFill, allOrNone
    I, // minQty
    o.ocaType,
    0, 0, // eTradeOnly, firmQuoteOnly
    D, // nbboPriceCap
    o.parentId,
    0, // triggerMethod
    D, 0, // volatility, volatilityType
    'None', D, // deltaNeutralOrderType, deltaNeutralAuxPrice
    0, '', '', '', // deltaNeutral conId, settlingFirm, clearingAccount, clearingIntent
    '', 0, 0, '', // deltaNeutral openClose, shortSale, shortSaleSlot, designatedLocation
    0, 0, // continuousUpdate, referencePriceType
    optDouble(o.trailStopPrice), optDouble(o.trailingPercent),
    D, I, // basisPoints, basisPointsType
    ...COMBO_SCALE_HEDGE,
    0, // optOutSmartRouting
    '', 'IB', // clearingAccount, clearingIntent
    0, // notHeld
    0, // deltaNeutralContract present
    '', // algoStrategy
    0, // solicited
    bool(preview !== null), // whatIf
    o.status,
    ...stateFields(o, preview),
    '', // warningText
    0, 0, // randomizeSize, randomizePrice
    0, // nConditions
    'None', D, // adjustedOrderType, triggerPrice
    // trailStopPrice again (stoqey keeps this second one), lmtPriceOffset.
    optDouble(o.trailStopPrice), optDouble(o.lmtPriceOffset),
    D, D, D, 0, // adjustedStopPrice, adjustedStopLimitPrice, adjustedTrailingAmount, adjustableTrailingUnit
    '', '', '', // softDollarTier name, value, displayName
    D, // cashQty
    1, // dontUseAutoPriceForHedge
    0, // isOmsContainer
    0, // discretionaryUpToLimitPrice
    0, // usePriceMgmtAlgo
    I, // duration
    I, // postToAts
    0, // autoCancelParent
    ...PEG_BEST_MID,
    ...customerFields(version),
    ...openOrderTail(version),
  ];
}

/** ORDER_STATUS at 193 (no version field; mktCapPrice last). */
export function orderStatusMessage(o: FakeOrder): WireField[] {
  const remaining = isWorking(o.status) ? o.totalQuantity - o.filled : 0;
  return [IN.ORDER_STATUS, o.orderId, o.status, o.filled, remaining, o.avgFillPrice, o.permId, o.parentId, o.lastFillPrice, o.clientId, '', 0];
}

/**
 * COMPLETED_ORDER in the order of IB's processCompletedOrderMsg (stoqey's decodeMsg_COMPLETED_ORDER):
 * no orderId, no clientId, no sharesAllocation, and the shorter delta-neutral block (no settlingFirm,
 * clearing fields or openClose); then autoCancelDate .. completedStatus, PEG attributes and, from 183
 * and 184, customerAccount and professionalCustomer. bondAccruedInterest, includeOvernight and the
 * CME tags are OPEN_ORDER fields only. faProfile below 177 as in OPEN_ORDER: IB's Python decoder and
 * ib_async test the server version for it; stoqey tests its MAX_VALUE order version instead
 * and so never reads it, which only matters below 177, a version stoqey never negotiates.
 */
export function completedOrderMessage(o: FakeOrder, version: number): WireField[] {
  return [
    IN.COMPLETED_ORDER,
    ...orderContract(o.instrument),
    ...orderTerms(o),
    o.permId,
    bool(o.outsideRth),
    0, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
    ...faParams(version),
    ...MODEL_TO_SHORT_SALE,
    ...boxRangeDisplay(o),
    0, 0, // sweepToFill, allOrNone
    I, // minQty
    o.ocaType,
    0, // triggerMethod
    D, 0, // volatility, volatilityType
    'None', D, // deltaNeutralOrderType, deltaNeutralAuxPrice
    0, // deltaNeutralConId
    0, 0, '', // deltaNeutral shortSale, shortSaleSlot, designatedLocation
    0, 0, // continuousUpdate, referencePriceType
    optDouble(o.trailStopPrice), optDouble(o.trailingPercent),
    ...COMBO_SCALE_HEDGE,
    '', 'IB', // clearingAccount, clearingIntent
    0, // notHeld
    0, // deltaNeutralContract present
    '', // algoStrategy
    0, // solicited
    o.status,
    0, 0, // randomizeSize, randomizePrice
    0, // nConditions
    optDouble(o.trailStopPrice), optDouble(o.lmtPriceOffset),
    D, // cashQty
    1, // dontUseAutoPriceForHedge
    0, // isOmsContainer
    '', // autoCancelDate
    o.filled,
    0, // refFuturesConId
    0, // autoCancelParent
    '', // shareholder
    0, // imbalanceOnly
    0, // routeMarketableToBbo
    I, // parentPermId
    Number.isNaN(o.completedAt) ? '' : ibDateTime(o.completedAt),
    o.completedStatus,
    ...PEG_BEST_MID,
    ...customerFields(version),
  ];
}
