import { isWorking, type FakeOrder, type Instrument } from '../model';
import type { WireField } from './frames';
import { IN } from './msgIds';
import { UNSET_DOUBLE as D, UNSET_INT as I, bool, ibDateTime, optDouble } from './values';

/** The 11 contract fields stoqey's OrderDecoder.readContractFields reads (conId .. tradingClass). */
function orderContract(inst: Instrument): WireField[] {
  return [inst.conId, inst.symbol, 'STK', '', 0, '', '', 'SMART', 'USD', inst.symbol, 'NMS'];
}

/** action .. orderRef: the order's terms, identical in OPEN_ORDER and COMPLETED_ORDER. */
function orderTerms(o: FakeOrder): WireField[] {
  return [
    o.action, o.totalQuantity, o.orderType, optDouble(o.lmtPrice), optDouble(o.auxPrice), o.tif,
    '', // ocaGroup
    o.account,
    '', // openClose
    0, // origin: customer
    o.orderRef,
  ];
}

/** faGroup .. exemptCode (FA params, modelCode, goodTillDate, rule80A, percentOffset, settlingFirm, short-sale params). */
const FA_TO_SHORT_SALE: readonly WireField[] = [
  '', '', '', // faGroup, faMethod, faPercentage
  '', // modelCode
  '', // goodTillDate
  '', // rule80A
  D, // percentOffset
  '', // settlingFirm
  0, '', -1, // shortSaleSlot, designatedLocation, exemptCode
];

/** Box-order and peg-to-stock prices, then displaySize. */
const BOX_RANGE_DISPLAY: readonly WireField[] = [
  D, D, D, // startingPrice, stockRefPrice, delta
  D, D, // stockRangeLower, stockRangeUpper
  I, // displaySize
];

/** Combo legs (none), smart-combo params (none), scale params (unset), hedgeType (none). */
const COMBO_SCALE_HEDGE: readonly WireField[] = [
  '', 0, 0, // comboLegsDescription, comboLegsCount, orderComboLegsCount
  0, // smartComboRoutingParamsCount
  I, I, D, // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
  '', // hedgeType
];

/** PEG BEST/MID attributes (unset), customerAccount, professionalCustomer. */
const PEG_AND_CUSTOMER: readonly WireField[] = [
  I, I, D, D, D, // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
  '', // customerAccount
  0, // professionalCustomer
];

function commissionFields(o: FakeOrder): WireField[] {
  // commission, minCommission, maxCommission, commissionCurrency: known once something filled.
  return o.filled > 0 ? [o.commission, D, D, 'USD'] : [D, D, D, ''];
}

/**
 * OPEN_ORDER at server version 193 (no version field), in the order of stoqey's decodeMsg_OPEN_ORDER.
 * deltaNeutralOrderType is "None" as a real TWS sends it, so the 8 delta-neutral extras follow; every
 * other optional block (combo legs, scale, hedge, algo, conditions, PEG) is empty.
 */
export function openOrderMessage(o: FakeOrder): WireField[] {
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
    ...FA_TO_SHORT_SALE,
    0, // auctionStrategy
    ...BOX_RANGE_DISPLAY,
    0, 0, 0, // blockOrder, sweepToFill, allOrNone
    I, // minQty
    3, // ocaType
    0, 0, // eTradeOnly, firmQuoteOnly
    D, // nbboPriceCap
    0, // parentId
    0, // triggerMethod
    D, 0, // volatility, volatilityType
    'None', D, // deltaNeutralOrderType, deltaNeutralAuxPrice
    0, '', '', '', // deltaNeutral conId, settlingFirm, clearingAccount, clearingIntent
    '', 0, 0, '', // deltaNeutral openClose, shortSale, shortSaleSlot, designatedLocation
    0, 0, // continuousUpdate, referencePriceType
    D, D, // trailStopPrice, trailingPercent
    D, I, // basisPoints, basisPointsType
    ...COMBO_SCALE_HEDGE,
    0, // optOutSmartRouting
    '', 'IB', // clearingAccount, clearingIntent
    0, // notHeld
    0, // deltaNeutralContract present
    '', // algoStrategy
    0, // solicited
    0, // whatIf
    o.status,
    D, D, D, D, D, D, // margin/equity before and change
    D, D, D, // margin/equity after
    ...commissionFields(o),
    '', // warningText
    0, 0, // randomizeSize, randomizePrice
    0, // nConditions
    'None', D, // adjustedOrderType, triggerPrice
    D, D, // trailStopPrice, lmtPriceOffset
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
    ...PEG_AND_CUSTOMER,
    '', // bondAccruedInterest
    0, // includeOvernight
    '', I, // extOperator, manualOrderIndicator
  ];
}

/** ORDER_STATUS at 193 (no version field; mktCapPrice last). */
export function orderStatusMessage(o: FakeOrder): WireField[] {
  const remaining = isWorking(o.status) ? o.totalQuantity - o.filled : 0;
  return [IN.ORDER_STATUS, o.orderId, o.status, o.filled, remaining, o.avgFillPrice, o.permId, 0, o.lastFillPrice, o.clientId, '', 0];
}

/**
 * COMPLETED_ORDER in the order of stoqey's decodeMsg_COMPLETED_ORDER, which decodes with version
 * MAX_VALUE: no orderId, no clientId, no sharesAllocation, and the shorter delta-neutral block
 * (no settlingFirm, clearing fields or openClose); then autoCancelDate .. completedStatus.
 */
export function completedOrderMessage(o: FakeOrder): WireField[] {
  return [
    IN.COMPLETED_ORDER,
    ...orderContract(o.instrument),
    ...orderTerms(o),
    o.permId,
    bool(o.outsideRth),
    0, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
    ...FA_TO_SHORT_SALE,
    ...BOX_RANGE_DISPLAY,
    0, 0, // sweepToFill, allOrNone
    I, // minQty
    3, // ocaType
    0, // triggerMethod
    D, 0, // volatility, volatilityType
    'None', D, // deltaNeutralOrderType, deltaNeutralAuxPrice
    0, // deltaNeutralConId
    0, 0, '', // deltaNeutral shortSale, shortSaleSlot, designatedLocation
    0, 0, // continuousUpdate, referencePriceType
    D, D, // trailStopPrice, trailingPercent
    ...COMBO_SCALE_HEDGE,
    '', 'IB', // clearingAccount, clearingIntent
    0, // notHeld
    0, // deltaNeutralContract present
    '', // algoStrategy
    0, // solicited
    o.status,
    0, 0, // randomizeSize, randomizePrice
    0, // nConditions
    D, D, // trailStopPrice, lmtPriceOffset
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
    ...PEG_AND_CUSTOMER,
  ];
}
