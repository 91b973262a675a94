import type { OrderStatus, OrderType, TimeInForce } from '../../domain/enums';
import type { Order } from '../../domain/order';

/** The body of POST /v2/orders, as Alpaca spells it (quantities and prices as decimal strings). */
export interface AlpacaOrderBody {
  symbol: string;
  qty: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop' | 'stop_limit';
  time_in_force: 'day' | 'gtc' | 'ioc' | 'fok' | 'opg' | 'cls';
  limit_price?: string;
  stop_price?: string;
  client_order_id: string;
}

const TIF: Record<TimeInForce, AlpacaOrderBody['time_in_force']> = {
  DAY: 'day',
  GTC: 'gtc',
  IOC: 'ioc',
  FOK: 'fok',
  AT_OPEN: 'opg',
  AT_CLOSE: 'cls',
};

const TYPE: Record<OrderType, AlpacaOrderBody['type']> = {
  MARKET: 'market',
  LIMIT: 'limit',
  STOP: 'stop',
  STOP_LIMIT: 'stop_limit',
};

/** A quantity or price as a decimal string without float noise (0.1 + 0.2 is sent as "0.3"). */
export function decimalString(v: number): string {
  return String(Number(v.toFixed(9)));
}

const isWhole = (q: number): boolean => Math.abs(q - Math.round(q)) < 1e-9;

/**
 * Why Alpaca would refuse an order for what it is, before it is sent: fractional quantities are
 * taken only as DAY orders on fractionable assets. Null when it may go.
 */
export function alpacaRefusal(o: Pick<Order, 'quantity' | 'timeInForce' | 'instrument'>, fractionable: boolean): string | null {
  if (isWhole(o.quantity)) return null;
  if (!fractionable) return `${o.instrument} is not fractionable at Alpaca: the quantity ${o.quantity} must be whole`;
  if (o.timeInForce !== 'DAY') return `Alpaca takes fractional quantities (${o.quantity}) only with time in force DAY, not ${o.timeInForce}`;
  return null;
}

/** Our order as Alpaca's order request, under our client order ref. */
export function alpacaOrderBody(o: Order): AlpacaOrderBody {
  const body: AlpacaOrderBody = {
    symbol: o.instrument,
    qty: decimalString(o.quantity),
    side: o.side === 'BUY' ? 'buy' : 'sell',
    type: TYPE[o.type],
    time_in_force: TIF[o.timeInForce],
    client_order_id: o.clientOrderRef,
  };
  if (o.limitPrice !== null) body.limit_price = decimalString(o.limitPrice);
  if (o.stopPrice !== null) body.stop_price = decimalString(o.stopPrice);
  return body;
}

/** Where an Alpaca status moves our order (fills move it through the fills themselves), with the reason. */
export interface StatusTarget {
  status: OrderStatus;
  reason: string | null;
}

/**
 * Alpaca's order status as ours. Working states are ACCEPTED; partially_filled and filled are
 * reached by applying the fills, so they say ACCEPTED here too; `replaced` is a modification
 * (null: the order lives on under its replacement).
 */
export function statusTarget(alpacaStatus: string, cancelRequested: boolean): StatusTarget | null {
  switch (alpacaStatus) {
    case 'canceled':
      return { status: 'CANCELLED', reason: cancelRequested ? 'cancelled at the trader\'s request' : 'cancelled by Alpaca' };
    case 'expired':
      return { status: 'CANCELLED', reason: 'expired: its time in force ended' };
    case 'rejected':
      return { status: 'REJECTED', reason: 'rejected by Alpaca' };
    case 'replaced':
      return null;
    default:
      return { status: 'ACCEPTED', reason: null };
  }
}

/** A fill's identity at Alpaca: its order and the cumulative quantity the fill brought it to. */
export function fillKey(alpacaOrderId: string, cumulativeQty: number): string {
  return `${alpacaOrderId}:${decimalString(cumulativeQty)}`;
}
