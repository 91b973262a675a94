import type { OrderStatus, OrderType, TimeInForce } from '../../domain/enums';
import type { Order, Trail } from '../../domain/order';

/** The body of POST /v2/orders, as Alpaca spells it (quantities and prices as decimal strings). */
export interface AlpacaOrderBody {
  symbol: string;
  qty: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
  time_in_force: 'day' | 'gtc' | 'ioc' | 'fok' | 'opg' | 'cls';
  limit_price?: string;
  stop_price?: string;
  trail_price?: string;
  trail_percent?: string;
  client_order_id: string;
  /** Linked orders (see orderListMapping): the legs go with their parent in one request. */
  order_class?: 'bracket' | 'oco' | 'oto';
  take_profit?: { limit_price: string };
  stop_loss?: { stop_price: string; limit_price?: string };
}

const TIF: Record<TimeInForce, AlpacaOrderBody['time_in_force']> = {
  DAY: 'day',
  GTC: 'gtc',
  IOC: 'ioc',
  FOK: 'fok',
  AT_OPEN: 'opg',
  AT_CLOSE: 'cls',
};

/** Why Alpaca cannot take a TRAILING_STOP_LIMIT: its only trailing order is the trailing stop. */
export const NO_TRAILING_STOP_LIMIT = 'Alpaca has no trailing stop-limit order (its only trailing order is trailing_stop): send a TRAILING_STOP instead';

/** Alpaca's name for an order type; null for the one it lacks. */
export function alpacaType(type: OrderType): AlpacaOrderBody['type'] | null {
  switch (type) {
    case 'MARKET':
      return 'market';
    case 'LIMIT':
      return 'limit';
    case 'STOP':
      return 'stop';
    case 'STOP_LIMIT':
      return 'stop_limit';
    case 'TRAILING_STOP':
      return 'trailing_stop';
    case 'TRAILING_STOP_LIMIT':
      return null;
  }
}

/** A quantity or price as a decimal string without float noise (0.1 + 0.2 is sent as "0.3"). */
export function decimalString(v: number): string {
  return String(Number(v.toFixed(9)));
}

/** A trail as Alpaca's trail_price (an amount) or trail_percent. */
export function trailFields(trail: Trail): { trail_price: string } | { trail_percent: string } {
  return 'amount' in trail ? { trail_price: decimalString(trail.amount) } : { trail_percent: decimalString(trail.percent) };
}

/**
 * Our order as Alpaca's order request, under our client order ref. A trailing stop's trail goes as
 * trail_price or trail_percent (it starts from the market price: Alpaca takes no initial stop).
 * Throws for what Alpaca has no order for; alpacaRefusal turns such orders away before they get here.
 */
export function alpacaOrderBody(o: Order): AlpacaOrderBody {
  const type = alpacaType(o.type);
  if (type === null) throw new Error(`order ${o.id}: ${NO_TRAILING_STOP_LIMIT}`);
  const body: AlpacaOrderBody = {
    symbol: o.instrument,
    qty: decimalString(o.quantity),
    side: o.side === 'BUY' ? 'buy' : 'sell',
    type,
    time_in_force: TIF[o.timeInForce],
    client_order_id: o.clientOrderRef,
  };
  if (o.limitPrice !== null) body.limit_price = decimalString(o.limitPrice);
  if (type === 'trailing_stop') {
    const trail = o.extras?.trail;
    if (!trail) throw new Error(`order ${o.id}: a trailing stop needs its trail`);
    Object.assign(body, trailFields(trail));
  } else if (o.stopPrice !== null) {
    body.stop_price = decimalString(o.stopPrice);
  }
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
 * (null: the order lives on under its replacement). A `held` leg still waiting for its parent's fill
 * is left SUBMITTED by the book (see AlpacaBook.applyReport).
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
