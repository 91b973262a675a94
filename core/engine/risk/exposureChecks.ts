import { sideSign } from '../../domain/enums';
import { num, usd, withinLimit } from './limitCompare';
import type { RiskCheckResult, RiskLimits, RiskOrder, RiskSnapshot } from './riskTypes';

/**
 * The order's instrument before and after the order, counting every working order on the order's
 * side as filled (ten orders each under the limit must not add up past it). Opposite-side working
 * orders are not netted: they may be cancelled.
 */
export interface Projection {
  /** The price the order is valued at (see referencePrice). */
  price: number;
  /** Signed quantity held now. */
  held: number;
  /** The price the held quantity is marked at in the account's gross exposure. */
  mark: number;
  /** Signed quantity with this side's working orders filled. */
  before: number;
  /** ...and this order filled too. */
  after: number;
}

export function project(order: RiskOrder, price: number, snap: RiskSnapshot): Projection {
  const sign = sideSign(order.side);
  const pos = snap.positions.find((p) => p.instrument === order.instrument);
  const held = pos?.quantity ?? 0;
  let pending = 0;
  for (const o of snap.openOrders) {
    if (o.instrument === order.instrument && o.side === order.side) pending += Math.max(0, o.quantity - o.filledQuantity);
  }
  const mark = pos && Number.isFinite(pos.marketPrice) && pos.marketPrice > 0 ? pos.marketPrice : price;
  const before = held + sign * pending;
  return { price, held, mark, before, after: before + sign * order.quantity };
}

/** Whether the order moves the position away from flat (which is when the exposure limits bind). */
const increases = (p: Projection): boolean => Math.abs(p.after) > Math.abs(p.before) + 1e-12;

/**
 * Units of new exposure the order opens: the growth of a position, or the whole new side of one it
 * flips (the closed side frees buying power only once it has filled).
 */
function opened(p: Projection): number {
  if (Math.sign(p.after) * Math.sign(p.before) < 0) return Math.abs(p.after);
  return Math.max(0, Math.abs(p.after) - Math.abs(p.before));
}

const skipped = (check: RiskCheckResult['check']): RiskCheckResult => ({
  check,
  status: 'skipped',
  detail: 'not evaluated: the order has no valid quantity or price',
});

export function checkOrderNotional(order: RiskOrder, p: Projection | null, limits: RiskLimits): RiskCheckResult {
  const max = limits.max_order_size_usd;
  if (max === null) return { check: 'order_notional', status: 'off', detail: 'no max_order_size_usd configured' };
  if (!p) return skipped('order_notional');
  const notional = order.quantity * p.price;
  return withinLimit(notional, max)
    ? { check: 'order_notional', status: 'pass', detail: `order notional ${usd(notional)} is within max_order_size_usd ${usd(max)}` }
    : { check: 'order_notional', status: 'fail', detail: `order notional ${usd(notional)} exceeds max_order_size_usd ${usd(max)}` };
}

export function checkPosition(order: RiskOrder, p: Projection | null, limits: RiskLimits): RiskCheckResult {
  const max = limits.max_position_usd;
  if (max === null) return { check: 'position', status: 'off', detail: 'no max_position_usd configured' };
  if (!p) return skipped('position');
  const notional = Math.abs(p.after) * p.price;
  const what = `${order.instrument} position after the order ${num(p.after)} (${usd(notional)})`;
  if (withinLimit(notional, max)) return { check: 'position', status: 'pass', detail: `${what} is within max_position_usd ${usd(max)}` };
  if (opened(p) === 0) return { check: 'position', status: 'pass', detail: `${what} is over max_position_usd ${usd(max)} but the order reduces it` };
  return { check: 'position', status: 'fail', detail: `${what} exceeds max_position_usd ${usd(max)}` };
}

/**
 * Gross exposure / equity after the order (and this side's working orders): the instrument's
 * current value swapped for its value after.
 */
export function checkLeverage(p: Projection | null, snap: RiskSnapshot, limits: RiskLimits): RiskCheckResult {
  const max = limits.max_portfolio_leverage;
  if (max === null) return { check: 'leverage', status: 'off', detail: 'no max_portfolio_leverage configured' };
  if (!p) return skipped('leverage');
  if (!Number.isFinite(snap.grossExposure) || !Number.isFinite(snap.equity)) {
    return { check: 'leverage', status: 'fail', detail: 'the account equity and exposure are not known yet' };
  }
  const grossAfter = Math.max(0, snap.grossExposure - Math.abs(p.held) * p.mark + Math.abs(p.after) * p.price);
  if (!increases(p)) return { check: 'leverage', status: 'pass', detail: 'the order does not add exposure' };
  if (snap.equity <= 0) return { check: 'leverage', status: 'fail', detail: `equity is ${usd(snap.equity)}: no exposure can be added` };
  const lev = grossAfter / snap.equity;
  const what = `leverage after the order ${lev.toFixed(3)} (gross ${usd(grossAfter)} / equity ${usd(snap.equity)})`;
  return withinLimit(lev, max)
    ? { check: 'leverage', status: 'pass', detail: `${what} is within max_portfolio_leverage ${num(max)}` }
    : { check: 'leverage', status: 'fail', detail: `${what} exceeds max_portfolio_leverage ${num(max)}` };
}

/** The exposure the order opens, valued at its price, must fit in the buying power the broker reports. */
export function checkBuyingPower(p: Projection | null, snap: RiskSnapshot): RiskCheckResult {
  if (!p) return skipped('buying_power');
  const need = opened(p) * p.price;
  if (need === 0) return { check: 'buying_power', status: 'pass', detail: 'the order does not add exposure' };
  if (!Number.isFinite(snap.buyingPower)) return { check: 'buying_power', status: 'fail', detail: 'the buying power is not known yet' };
  return withinLimit(need, snap.buyingPower)
    ? { check: 'buying_power', status: 'pass', detail: `needs ${usd(need)} of buying power ${usd(snap.buyingPower)}` }
    : { check: 'buying_power', status: 'fail', detail: `needs ${usd(need)} but buying power is ${usd(snap.buyingPower)}` };
}
