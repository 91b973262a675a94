import { isTrailing } from '../../domain/enums';
import { num, withinLimit } from './limitCompare';
import type { RiskCheckResult, RiskLimits, RiskOrder } from './riskTypes';

const pass = (check: RiskCheckResult['check'], detail: string): RiskCheckResult => ({ check, status: 'pass', detail });
const fail = (check: RiskCheckResult['check'], detail: string): RiskCheckResult => ({ check, status: 'fail', detail });

export function validQuantity(q: number): boolean {
  return Number.isFinite(q) && q > 0;
}

const validPrice = (p: number | null | undefined): p is number => typeof p === 'number' && Number.isFinite(p) && p > 0;

export function checkSymbol(order: RiskOrder, limits: RiskLimits): RiskCheckResult {
  if (limits.allowed_symbols.length === 0) return { check: 'symbol', status: 'off', detail: 'every symbol is allowed' };
  const symbol = order.instrument.trim().toUpperCase();
  return limits.allowed_symbols.some((s) => s.trim().toUpperCase() === symbol)
    ? pass('symbol', `${order.instrument} is an allowed symbol`)
    : fail('symbol', `${order.instrument} is not in allowed_symbols (${limits.allowed_symbols.join(', ')})`);
}

export function checkQuantity(order: RiskOrder): RiskCheckResult {
  return validQuantity(order.quantity)
    ? pass('quantity', `quantity ${num(order.quantity)} is positive`)
    : fail('quantity', `quantity must be a positive number, got ${String(order.quantity)}`);
}

export function checkLotSize(order: RiskOrder, limits: RiskLimits): RiskCheckResult {
  const lot = limits.lot_size;
  if (lot === 0) return { check: 'lot_size', status: 'off', detail: 'fractional quantities are allowed (lot size 0)' };
  if (!validQuantity(order.quantity)) return { check: 'lot_size', status: 'skipped', detail: 'the quantity is invalid' };
  const lots = order.quantity / lot;
  return Math.abs(lots - Math.round(lots)) <= 1e-9 * Math.max(1, lots)
    ? pass('lot_size', `quantity ${num(order.quantity)} is ${num(Math.round(lots))} lots of ${num(lot)}`)
    : fail('lot_size', `quantity ${num(order.quantity)} is not a multiple of the lot size ${num(lot)}`);
}

export function checkMaxQuantity(order: RiskOrder, limits: RiskLimits): RiskCheckResult {
  const max = limits.max_order_quantity;
  if (max === null) return { check: 'max_quantity', status: 'off', detail: 'no max_order_quantity configured' };
  if (!validQuantity(order.quantity)) return { check: 'max_quantity', status: 'skipped', detail: 'the quantity is invalid' };
  return withinLimit(order.quantity, max)
    ? pass('max_quantity', `quantity ${num(order.quantity)} is within max_order_quantity ${num(max)}`)
    : fail('max_quantity', `quantity ${num(order.quantity)} exceeds max_order_quantity ${num(max)}`);
}

/** The prices an order of this type must carry, by the name its ticket field has. */
function requiredPrices(order: RiskOrder): { name: 'limit' | 'stop'; value: number | null | undefined }[] {
  switch (order.type) {
    case 'MARKET':
    case 'TRAILING_STOP':
    case 'TRAILING_STOP_LIMIT':
      // A trailing order's stop and limit follow the market from its trail: only a market price values it.
      return [];
    case 'LIMIT':
      return [{ name: 'limit', value: order.limitPrice }];
    case 'STOP':
      return [{ name: 'stop', value: order.stopPrice }];
    case 'STOP_LIMIT':
      return [
        { name: 'stop', value: order.stopPrice },
        { name: 'limit', value: order.limitPrice },
      ];
  }
}

/**
 * The price the order is valued at for the notional checks: the last price for a market order,
 * the limit for limit and stop-limit orders, the stop for a stop order (it becomes a market order
 * there), a trailing order's initial stop or, when it starts from the market, the last price.
 * NaN when that price is missing.
 */
export function referencePrice(order: RiskOrder, lastPrice: number): number {
  switch (order.type) {
    case 'MARKET':
      return validPrice(lastPrice) ? lastPrice : Number.NaN;
    case 'LIMIT':
    case 'STOP_LIMIT':
      return validPrice(order.limitPrice) ? order.limitPrice : Number.NaN;
    case 'STOP':
      return validPrice(order.stopPrice) ? order.stopPrice : Number.NaN;
    case 'TRAILING_STOP':
    case 'TRAILING_STOP_LIMIT':
      if (validPrice(order.stopPrice)) return order.stopPrice;
      return validPrice(lastPrice) ? lastPrice : Number.NaN;
  }
}

/** Every price the order type needs is present and positive; a market order needs a last price to be valued. */
export function checkPrices(order: RiskOrder, lastPrice: number): RiskCheckResult {
  const missing = requiredPrices(order).filter((p) => !validPrice(p.value));
  if (missing.length > 0) {
    const what = missing.map((p) => `${p.name} price`).join(' and ');
    return fail('prices', `a ${order.type} order needs a positive ${what}`);
  }
  if (order.type === 'MARKET' || (isTrailing(order.type) && !validPrice(order.stopPrice))) {
    const what = order.type === 'MARKET' ? 'market' : order.type;
    return validPrice(lastPrice)
      ? pass('prices', `${what} order valued at the last price ${num(lastPrice)}`)
      : fail('prices', `no last price for ${order.instrument}: a ${what} order cannot be valued`);
  }
  return pass('prices', `${order.type} order valued at ${num(referencePrice(order, lastPrice))}`);
}

/** Fat finger: each price the order carries lies within price_band_pct of the last price. */
export function checkPriceBand(order: RiskOrder, lastPrice: number, limits: RiskLimits): RiskCheckResult {
  const band = limits.price_band_pct;
  if (band === null) return { check: 'price_band', status: 'off', detail: 'no price_band_pct configured' };
  const prices = requiredPrices(order);
  if (prices.length === 0) return pass('price_band', 'a market order trades at the market price');
  if (prices.some((p) => !validPrice(p.value))) return { check: 'price_band', status: 'skipped', detail: 'a price is missing' };
  if (!validPrice(lastPrice)) return fail('price_band', `no last price for ${order.instrument} to check the price band against`);
  const pct = (band * 100).toFixed(2).replace(/\.?0+$/, '');
  const outside = prices.filter((p) => !withinLimit(Math.abs((p.value as number) - lastPrice), band * lastPrice));
  if (outside.length === 0) return pass('price_band', `within ${pct}% of the last price ${num(lastPrice)}`);
  const which = outside
    .map((p) => {
      const dev = (((p.value as number) - lastPrice) / lastPrice) * 100;
      return `${p.name} price ${num(p.value as number)} is ${dev > 0 ? '+' : ''}${dev.toFixed(2)}%`;
    })
    .join(', ');
  return fail('price_band', `${which} from the last price ${num(lastPrice)}, outside the ${pct}% band`);
}
