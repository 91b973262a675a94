/**
 * Client requests laid out by hand for a given negotiated version, field by field as IB's clients
 * write them (stoqey's encoder, the Java/Python EClient): the raw-socket tests send these, so the
 * fake's parser is checked against an independent spelling of each layout.
 */

const MAX_INT = 2147483647;

export interface RawOrder {
  orderId: number;
  symbol: string;
  action: 'BUY' | 'SELL';
  quantity: number;
  orderType: 'MKT' | 'LMT' | 'STP' | 'STP LMT' | 'TRAIL' | 'TRAIL LIMIT';
  lmtPrice?: number;
  auxPrice?: number;
  tif?: string;
  orderRef?: string;
  whatIf?: boolean;
  /** Default true. */
  transmit?: boolean;
  parentId?: number;
  ocaGroup?: string;
  ocaType?: number;
  displaySize?: number;
  trailStopPrice?: number;
  trailingPercent?: number;
  lmtPriceOffset?: number;
}

/** PLACE_ORDER for a plain stock order (no combo, algo, conditions, hedge, scale, delta-neutral or PEG attributes). */
export function placeOrderFields(version: number, o: RawOrder): (string | number)[] {
  const f: (string | number)[] = [
    3, o.orderId,
    '', o.symbol, 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', // contract: conId .. tradingClass
    '', '', // secIdType, secId
    o.action, o.quantity, o.orderType, o.lmtPrice ?? '', o.auxPrice ?? '', o.tif ?? 'DAY',
    o.ocaGroup ?? '', '', '', 0, o.orderRef ?? '', // ocaGroup, account, openClose, origin, orderRef
    o.transmit === false ? 0 : 1, o.parentId ?? 0, // transmit, parentId
    0, 0, o.displaySize ?? '', 0, 0, 0, // blockOrder, sweepToFill, displaySize, triggerMethod, outsideRth, hidden
    '', '', '', '', // sharesAllocation, discretionaryAmt, goodAfterTime, goodTillDate
    '', '', '', // faGroup, faMethod, faPercentage
  ];
  if (version < 177) f.push(''); // faProfile
  f.push(
    '', 0, '', -1, o.ocaType ?? 0, '', '', // modelCode, shortSaleSlot, designatedLocation, exemptCode, ocaType, rule80A, settlingFirm
    0, '', '', 0, 0, '', 0, // allOrNone, minQty, percentOffset, eTradeOnly, firmQuoteOnly, nbboPriceCap, auctionStrategy
    '', '', '', '', '', 0, // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper, overridePercentageConstraints
    '', '', '', '', // volatility, volatilityType, deltaNeutralOrderType, deltaNeutralAuxPrice
    0, '', o.trailStopPrice ?? '', o.trailingPercent ?? '', // continuousUpdate, referencePriceType, trailStopPrice, trailingPercent
    '', '', '', '', '', '', // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement, scaleTable, activeStartTime, activeStopTime
    '', 0, '', '', 0, // hedgeType, optOutSmartRouting, clearingAccount, clearingIntent, notHeld
    0, '', '', // deltaNeutralContract flag, algoStrategy, algoId
    o.whatIf ? 1 : 0, '', 0, 0, 0, // whatIf, orderMiscOptions, solicited, randomizeSize, randomizePrice
    0, // nConditions
    '', '', o.lmtPriceOffset ?? '', '', '', '', 0, // adjustedOrderType, triggerPrice, lmtPriceOffset, adjustedStopPrice .. adjustableTrailingUnit
    '', '', '', '', // extOperator, softDollarTier name, value, cashQty
    '', '', '', '', // mifid2 decision maker/algo, execution trader/algo
    0, 0, 0, '', '', '', 0, // dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice, usePriceMgmtAlgo, duration, postToAts, autoCancelParent
    '', '', // advancedErrorOverride, manualOrderTime
  );
  if (version >= 183) f.push(''); // customerAccount
  if (version >= 184) f.push(0); // professionalCustomer
  if (version >= 187 && version < 190) f.push('', MAX_INT); // RFQ placeholders
  if (version >= 189) f.push(0); // includeOvernight
  if (version >= 192) f.push(MAX_INT); // manualOrderIndicator
  return f;
}

/** CANCEL_ORDER: a version field before 192 (and 3 RFQ placeholders at 187..189); from 192 the CME tags instead. */
export function cancelOrderFields(version: number, orderId: number): (string | number)[] {
  if (version >= 192) return [4, orderId, '', '', MAX_INT];
  return version >= 187 && version < 190 ? [4, 1, orderId, '', '', '', MAX_INT] : [4, 1, orderId, ''];
}

export function contractDetailsFields(reqId: number, symbol: string): (string | number)[] {
  // version 8, reqId, the 12 contract fields, includeExpired, secIdType, secId, issuerId (from 176).
  return [9, 8, reqId, '', symbol, 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', 0, '', '', ''];
}

export function executionsFields(reqId: number): (string | number)[] {
  return [7, 3, reqId, '', '', '', '', '', '', ''];
}
