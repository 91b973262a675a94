import type { TimeInForce } from '../../domain/enums';
import type { Order } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';
import { alpacaOrderBody, decimalString, type AlpacaOrderBody } from './orderMapping';

/**
 * A bracket, OCO or OTO list (already valid for the domain: invalidOrderListReason) as one Alpaca
 * request of the matching order class: one member goes as the parent under its own client_order_id,
 * the others as its take_profit / stop_loss legs. What Alpaca's classes cannot carry is refused:
 * - BRACKET: a MARKET or LIMIT entry; a LIMIT take-profit and a STOP or STOP_LIMIT stop-loss (no
 *   trailing stop-loss).
 * - OCO: exactly a take-profit LIMIT and a STOP or STOP_LIMIT, same side and quantity, closing a held
 *   position; a fill cancels the other (Alpaca cannot reduce it).
 * - OTO: a parent and exactly one child, a LIMIT (take-profit) or a stop (stop-loss) exiting the
 *   parent's shares.
 * Alpaca gives the whole request one time in force, DAY or GTC: the legs' own, which a LIMIT or stop
 * entry must share (a MARKET entry fills at once whichever it says). No member may be fractional,
 * trailing (except as refused above) or an iceberg.
 */
export interface AlpacaListPlan {
  body: AlpacaOrderBody;
  /** The member sent as the parent; the others are its legs. */
  parent: number;
}

type Plan = AlpacaListPlan | { refusal: string };

const isWhole = (q: number): boolean => Math.abs(q - Math.round(q)) < 1e-9;
const isStop = (o: Order): boolean => o.type === 'STOP' || o.type === 'STOP_LIMIT';

/** `orders` are the members in the list's order (orderListMembers), `position` the instrument's held quantity (signed). */
export function alpacaListPlan(list: OrderListRequest, orders: readonly Order[], position: number): Plan {
  for (const o of orders) {
    if (o.extras?.displayQuantity !== undefined) return { refusal: 'Alpaca has no display size, and the adapter works icebergs only as single orders, not in a list' };
    if (!isWhole(o.quantity)) return { refusal: `Alpaca takes ${list.kind} orders in whole shares only, not ${o.quantity}` };
  }
  switch (list.kind) {
    case 'BRACKET':
      return bracket(orders);
    case 'OCO':
      return list.onFill === 'reduce' ? { refusal: 'Alpaca\'s OCO cancels the other order when one fills; it cannot reduce it (onFill "reduce")' } : oco(orders, position);
    case 'OTO':
      return oto(orders);
  }
}

function bracket([entry, tp, sl]: readonly Order[]): Plan {
  if (entry.type !== 'MARKET' && entry.type !== 'LIMIT') return { refusal: `Alpaca's bracket entry is a MARKET or LIMIT order, not ${entry.type}` };
  if (!isStop(sl)) return { refusal: `Alpaca's bracket stop-loss is a STOP or STOP_LIMIT order (it has no trailing stop-loss), not ${sl.type}` };
  const tif = sharedTif(entry, [tp, sl]);
  if (typeof tif !== 'string') return tif;
  return { parent: 0, body: { ...parentBody(entry, tif), order_class: 'bracket', take_profit: takeProfit(tp), stop_loss: stopLoss(sl) } };
}

function oco(orders: readonly Order[], position: number): Plan {
  if (orders.length !== 2) return { refusal: `Alpaca's OCO is exactly two orders (a take-profit LIMIT and a stop-loss), got ${orders.length}` };
  const parent = orders.findIndex((o) => o.type === 'LIMIT');
  const tp = orders[parent];
  const sl = orders[1 - parent];
  if (!tp || !isStop(sl)) return { refusal: `Alpaca's OCO is a take-profit LIMIT and a STOP or STOP_LIMIT stop-loss, got ${orders.map((o) => o.type).join(' and ')}` };
  if (tp.side !== sl.side || tp.quantity !== sl.quantity || tp.instrument !== sl.instrument) {
    return { refusal: 'Alpaca\'s OCO orders trade the same instrument, side and quantity' };
  }
  const held = tp.side === 'SELL' ? position : -position;
  if (held + 1e-9 < tp.quantity) {
    return { refusal: `Alpaca's OCO closes a position: ${tp.side} ${tp.quantity} ${tp.instrument} needs a ${tp.side === 'SELL' ? 'long' : 'short'} position of at least ${tp.quantity}, held ${position}` };
  }
  const stop = sl.stopPrice ?? 0;
  const limit = tp.limitPrice ?? 0;
  if (tp.side === 'SELL' ? limit <= stop : limit >= stop) {
    return { refusal: `Alpaca's OCO take-profit ${limit} must be ${tp.side === 'SELL' ? 'above' : 'below'} its stop-loss ${stop}` };
  }
  const tif = sharedTif(tp, [sl]);
  if (typeof tif !== 'string') return tif;
  return { parent, body: { ...parentBody(tp, tif), order_class: 'oco', take_profit: takeProfit(tp), stop_loss: stopLoss(sl) } };
}

function oto(orders: readonly Order[]): Plan {
  const [parent, ...children] = orders;
  if (children.length !== 1) return { refusal: `Alpaca's OTO has exactly one child order, got ${children.length}` };
  const child = children[0];
  if (parent.type === 'TRAILING_STOP' || parent.type === 'TRAILING_STOP_LIMIT') return { refusal: `Alpaca's OTO parent cannot be a trailing order (${parent.type})` };
  if (child.type !== 'LIMIT' && !isStop(child)) return { refusal: `Alpaca's OTO child is a LIMIT (take-profit) or a STOP or STOP_LIMIT (stop-loss), not ${child.type}` };
  if (child.instrument !== parent.instrument || child.side === parent.side || child.quantity !== parent.quantity) {
    return { refusal: `Alpaca's OTO child exits the parent's shares: the same instrument and quantity on the other side` };
  }
  const tif = sharedTif(parent, [child]);
  if (typeof tif !== 'string') return tif;
  const leg = child.type === 'LIMIT' ? { take_profit: takeProfit(child) } : { stop_loss: stopLoss(child) };
  return { parent: 0, body: { ...parentBody(parent, tif), order_class: 'oto', ...leg } };
}

/** The one time in force of the request: the legs', shared by the parent unless it is a MARKET order. */
function sharedTif(parent: Order, legs: readonly Order[]): TimeInForce | { refusal: string } {
  const tif = legs[0].timeInForce;
  if (tif !== 'DAY' && tif !== 'GTC') return { refusal: `Alpaca takes linked orders as DAY or GTC only, not ${tif}` };
  if (legs.some((l) => l.timeInForce !== tif)) return { refusal: 'Alpaca gives linked orders one time in force: the exits must share it' };
  const parentTif = parent.timeInForce;
  if (parent.type === 'MARKET' ? parentTif !== 'DAY' && parentTif !== 'GTC' : parentTif !== tif) {
    return { refusal: `Alpaca gives linked orders one time in force: the ${parent.type} parent's ${parentTif} must be the exits' ${tif}` };
  }
  return tif;
}

function parentBody(o: Order, tif: TimeInForce): AlpacaOrderBody {
  return { ...alpacaOrderBody(o), time_in_force: tif === 'DAY' ? 'day' : 'gtc' };
}

function takeProfit(o: Order): { limit_price: string } {
  return { limit_price: decimalString(o.limitPrice ?? 0) };
}

function stopLoss(o: Order): { stop_price: string; limit_price?: string } {
  const stop = decimalString(o.stopPrice ?? 0);
  return o.limitPrice === null ? { stop_price: stop } : { stop_price: stop, limit_price: decimalString(o.limitPrice) };
}
