import { checkBuyingPower, checkLeverage, checkOrderNotional, checkPosition, project } from './exposureChecks';
import {
  checkLotSize,
  checkMaxQuantity,
  checkPriceBand,
  checkPrices,
  checkQuantity,
  checkSymbol,
  referencePrice,
  validQuantity,
} from './orderChecks';
import type { RiskLimits, RiskOrder, RiskSnapshot, RiskVerdict } from './riskTypes';

/**
 * Every pre-submission check on one order, all of them run so the ticket can show each result.
 * Pure: the same order, snapshot and limits always give the same verdict.
 */
export function checkOrder(order: RiskOrder, snap: RiskSnapshot, limits: RiskLimits): RiskVerdict {
  const price = referencePrice(order, snap.lastPrice);
  const projection = validQuantity(order.quantity) && Number.isFinite(price) ? project(order, price, snap) : null;
  const checks = [
    checkSymbol(order, limits),
    checkQuantity(order),
    checkLotSize(order, limits),
    checkMaxQuantity(order, limits),
    checkPrices(order, snap.lastPrice),
    checkPriceBand(order, snap.lastPrice, limits),
    checkOrderNotional(order, projection, limits),
    checkPosition(order, projection, limits),
    checkLeverage(projection, snap, limits),
    checkBuyingPower(projection, snap),
  ];
  const reasons = checks.filter((c) => c.status === 'fail').map((c) => c.detail);
  return { passed: reasons.length === 0, checks, reasons };
}
