import type { OrderRequest } from './order';
import { hasLimit, isStopType, isTrailing, type OrderType, type Side, type TimeInForce } from './enums';

// Plain comparisons: every order, millions in a backtest, passes through here.
const isSide = (v: Side): boolean => v === 'BUY' || v === 'SELL';
const isType = (v: OrderType): boolean =>
  v === 'MARKET' || v === 'LIMIT' || v === 'STOP' || v === 'STOP_LIMIT' || v === 'TRAILING_STOP' || v === 'TRAILING_STOP_LIMIT';
const isTif = (v: TimeInForce): boolean =>
  v === 'DAY' || v === 'GTC' || v === 'IOC' || v === 'FOK' || v === 'AT_OPEN' || v === 'AT_CLOSE';
const positive = (v: number | undefined): boolean => Number.isFinite(v) && (v as number) > 0;

/** Checks a request's own shape; returns the reason it is invalid, or null. Account checks come later. */
export function invalidOrderReason(r: OrderRequest, knownInstrument: boolean): string | null {
  if (!knownInstrument) return `unknown instrument "${r.instrument}"`;
  if (!isSide(r.side)) return `side must be BUY or SELL, got "${String(r.side)}"`;
  if (!isType(r.type)) return `unknown order type "${String(r.type)}"`;
  if (!isTif(r.timeInForce)) return `unknown time in force "${String(r.timeInForce)}"`;
  if (!Number.isFinite(r.quantity) || r.quantity <= 0) return `quantity must be a positive number, got ${r.quantity}`;
  // Small pieces, so the plain order's path (millions of orders pass here) stays short.
  const extended = isTrailing(r.type) || r.trail !== undefined || r.limitOffset !== undefined || r.displayQuantity !== undefined;
  return pricesReason(r) ?? (extended ? extendedReason(r) : null) ?? auctionReason(r);
}

/** The limit and stop prices the type carries, and none it does not (a trailing order's stop is its optional initial one). */
function pricesReason(r: OrderRequest): string | null {
  // A trailing stop-limit's limit follows its stop by limitOffset: it takes no limit price of its own.
  const needsLimit = r.type === 'LIMIT' || r.type === 'STOP_LIMIT';
  const needsStop = r.type === 'STOP' || r.type === 'STOP_LIMIT';
  if (needsLimit && !positive(r.limitPrice)) return `${r.type} order needs a positive limit price`;
  if (needsStop && !positive(r.stopPrice)) return `${r.type} order needs a positive stop price`;
  if (!needsLimit && r.limitPrice != null) return `${r.type} order must not carry a limit price`;
  if (!needsStop && r.stopPrice != null) {
    if (!isTrailing(r.type)) return `${r.type} order must not carry a stop price`;
    if (!positive(r.stopPrice)) return `${r.type} order's initial stop price must be positive`;
  }
  return null;
}

/** A trailing order's trail and limit offset, an iceberg's display size, and no such field on another order. */
function extendedReason(r: OrderRequest): string | null {
  if (isTrailing(r.type) || r.trail !== undefined) {
    const why = trailReason(r);
    if (why !== null) return why;
  }
  if (r.limitOffset !== undefined || r.type === 'TRAILING_STOP_LIMIT') {
    if (r.type !== 'TRAILING_STOP_LIMIT') return `${r.type} order must not carry a limit offset`;
    if (!(Number.isFinite(r.limitOffset) && (r.limitOffset as number) >= 0))
      return `TRAILING_STOP_LIMIT order needs a limit offset of 0 or more, got ${r.limitOffset}`;
  }
  if (r.displayQuantity !== undefined) {
    if (!hasLimit(r.type)) return `a display size applies to limit orders, not ${r.type}`;
    if (!positive(r.displayQuantity) || (r.displayQuantity as number) > r.quantity)
      return `display size must be positive and at most the quantity ${r.quantity}, got ${r.displayQuantity}`;
  }
  return null;
}

function auctionReason(r: OrderRequest): string | null {
  return (r.timeInForce === 'AT_OPEN' || r.timeInForce === 'AT_CLOSE') && isStopType(r.type) ? `${r.timeInForce} applies to market and limit orders only` : null;
}

function trailReason(r: OrderRequest): string | null {
  const t = r.trail;
  if (!isTrailing(r.type)) return `${r.type} order must not carry a trail`;
  if (t === undefined || t === null) return `${r.type} order needs a trail: an amount or a percent`;
  if ('amount' in t) return positive(t.amount) ? null : `trail amount must be positive, got ${t.amount}`;
  if ('percent' in t) return positive(t.percent) && t.percent < 100 ? null : `trail percent must be above 0 and below 100, got ${t.percent}`;
  return `${r.type} order needs a trail: an amount or a percent`;
}
