import type { Order } from '../../domain/order';
import { NO_TRAILING_STOP_LIMIT } from './orderMapping';

const isWhole = (q: number): boolean => Math.abs(q - Math.round(q)) < 1e-9;

/**
 * Why Alpaca (or the adapter's iceberg emulation) cannot take a single order for what it is, before
 * it is sent; null when it may go. The domain's own checks (invalidOrderReason) come first.
 */
export function alpacaRefusal(o: Order, fractionable: boolean): string | null {
  return typeRefusal(o) ?? icebergRefusal(o) ?? fractionRefusal(o, fractionable);
}

/**
 * Alpaca's trailing stop: no stop-limit variant, and it starts from the market price when it goes
 * live, with no field for an initial stop. A request with one is refused rather than sent without it:
 * the trader asked for a stop that Alpaca would not place.
 */
function typeRefusal(o: Order): string | null {
  if (o.type === 'TRAILING_STOP_LIMIT') return NO_TRAILING_STOP_LIMIT;
  if (o.type !== 'TRAILING_STOP') return null;
  if (o.stopPrice !== null) {
    return `Alpaca's trailing stop starts from the market price when it goes live and takes no initial stop price (${o.stopPrice}): send it without one`;
  }
  if (o.timeInForce !== 'DAY' && o.timeInForce !== 'GTC') return `Alpaca takes trailing stops as DAY or GTC only, not ${o.timeInForce}`;
  return null;
}

/** The adapter works an iceberg as whole-share LIMIT slices that rest until filled (see iceberg.ts). */
function icebergRefusal(o: Order): string | null {
  const display = o.extras?.displayQuantity;
  if (display === undefined) return null;
  const what = 'Alpaca has no display size; the adapter works an iceberg as a sequence of limit orders';
  if (o.type !== 'LIMIT') return `${what}, so it takes LIMIT icebergs only, not ${o.type}`;
  if (o.timeInForce !== 'DAY' && o.timeInForce !== 'GTC') return `${what} that rest until filled: DAY or GTC only, not ${o.timeInForce}`;
  if (!isWhole(display) || !isWhole(o.quantity)) return `${what} in whole shares: quantity ${o.quantity} and display size ${display} must be whole`;
  return null;
}

/** Fractional quantities: only DAY orders on fractionable assets, and no trailing stops. */
function fractionRefusal(o: Order, fractionable: boolean): string | null {
  if (isWhole(o.quantity)) return null;
  if (!fractionable) return `${o.instrument} is not fractionable at Alpaca: the quantity ${o.quantity} must be whole`;
  if (o.type === 'TRAILING_STOP') return `Alpaca takes no fractional trailing stops: the quantity ${o.quantity} must be whole`;
  if (o.timeInForce !== 'DAY') return `Alpaca takes fractional quantities (${o.quantity}) only with time in force DAY, not ${o.timeInForce}`;
  return null;
}
