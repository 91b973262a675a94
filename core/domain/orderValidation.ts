import type { OrderRequest } from './order';
import type { OrderType, Side, TimeInForce } from './enums';

// Plain comparisons: every order, millions in a backtest, passes through here.
const isSide = (v: Side): boolean => v === 'BUY' || v === 'SELL';
const isType = (v: OrderType): boolean => v === 'MARKET' || v === 'LIMIT' || v === 'STOP' || v === 'STOP_LIMIT';
const isTif = (v: TimeInForce): boolean =>
  v === 'DAY' || v === 'GTC' || v === 'IOC' || v === 'FOK' || v === 'AT_OPEN' || v === 'AT_CLOSE';

/** Checks a request's own shape; returns the reason it is invalid, or null. Account checks come later. */
export function invalidOrderReason(r: OrderRequest, knownInstrument: boolean): string | null {
  if (!knownInstrument) return `unknown instrument "${r.instrument}"`;
  if (!isSide(r.side)) return `side must be BUY or SELL, got "${String(r.side)}"`;
  if (!isType(r.type)) return `unknown order type "${String(r.type)}"`;
  if (!isTif(r.timeInForce)) return `unknown time in force "${String(r.timeInForce)}"`;
  if (!Number.isFinite(r.quantity) || r.quantity <= 0) return `quantity must be a positive number, got ${r.quantity}`;
  const needsLimit = r.type === 'LIMIT' || r.type === 'STOP_LIMIT';
  const needsStop = r.type === 'STOP' || r.type === 'STOP_LIMIT';
  if (needsLimit && !(Number.isFinite(r.limitPrice) && (r.limitPrice as number) > 0))
    return `${r.type} order needs a positive limit price`;
  if (needsStop && !(Number.isFinite(r.stopPrice) && (r.stopPrice as number) > 0))
    return `${r.type} order needs a positive stop price`;
  if (!needsLimit && r.limitPrice != null) return `${r.type} order must not carry a limit price`;
  if (!needsStop && r.stopPrice != null) return `${r.type} order must not carry a stop price`;
  if ((r.timeInForce === 'AT_OPEN' || r.timeInForce === 'AT_CLOSE') && needsStop)
    return `${r.timeInForce} applies to market and limit orders only`;
  return null;
}
