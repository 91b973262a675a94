import { z } from 'zod';
import { invalidRequest } from '../wire/apiError';
import { ALPACA_ORDER_CLASSES, ALPACA_ORDER_TYPES, ALPACA_TIFS, type AlpacaOrderClass, type AlpacaOrderType, type AlpacaSide, type AlpacaTif } from '../model';

/** Alpaca takes amounts as JSON numbers or decimal strings ("1.5"). */
const amount = z
  .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'must be a decimal number')])
  .transform((v) => Number(v));

const postOrderSchema = z.object({
  symbol: z.string().min(1),
  side: z.enum(['buy', 'sell']),
  type: z.enum(ALPACA_ORDER_TYPES),
  time_in_force: z.enum(ALPACA_TIFS),
  qty: amount.nullish(),
  notional: amount.nullish(),
  limit_price: amount.nullish(),
  stop_price: amount.nullish(),
  trail_price: amount.nullish(),
  trail_percent: amount.nullish(),
  extended_hours: z.boolean().nullish(),
  client_order_id: z.string().max(128, 'client_order_id must be no more than 128 characters').nullish(),
  order_class: z.union([z.enum(ALPACA_ORDER_CLASSES), z.literal('')]).nullish(),
  take_profit: z.object({ limit_price: amount }).nullish(),
  stop_loss: z.object({ stop_price: amount, limit_price: amount.nullish() }).nullish(),
});

export interface StopLossSpec {
  stopPrice: number;
  limitPrice: number | null;
}

/** A POST /v2/orders body that passed Alpaca's field rules; price checks against the market are the book's. */
export interface OrderSpec {
  symbol: string;
  side: AlpacaSide;
  type: AlpacaOrderType;
  tif: AlpacaTif;
  qty: number | null;
  notional: number | null;
  limitPrice: number | null;
  stopPrice: number | null;
  trailPrice: number | null;
  trailPercent: number | null;
  extendedHours: boolean;
  clientOrderId: string | null;
  orderClass: AlpacaOrderClass;
  takeProfit: { limitPrice: number } | null;
  stopLoss: StopLossSpec | null;
}

function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  const where = issue.path.join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function positive(name: string, v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (!(v > 0)) throw invalidRequest(`${name} must be > 0`);
  return v;
}

/** Checks a POST /v2/orders body; throws an AlpacaApiError (422) naming the field at fault. */
export function parseOrderSpec(body: unknown): OrderSpec {
  const parsed = postOrderSchema.safeParse(body);
  if (!parsed.success) throw invalidRequest(zodMessage(parsed.error));
  const b = parsed.data;
  const spec: OrderSpec = {
    symbol: b.symbol.toUpperCase(),
    side: b.side,
    type: b.type,
    tif: b.time_in_force,
    qty: positive('qty', b.qty),
    notional: positive('notional', b.notional),
    limitPrice: positive('limit_price', b.limit_price),
    stopPrice: positive('stop_price', b.stop_price),
    trailPrice: positive('trail_price', b.trail_price),
    trailPercent: positive('trail_percent', b.trail_percent),
    extendedHours: b.extended_hours ?? false,
    clientOrderId: b.client_order_id ?? null,
    orderClass: b.order_class || 'simple',
    takeProfit: b.take_profit ? { limitPrice: positive('take_profit.limit_price', b.take_profit.limit_price) ?? 0 } : null,
    stopLoss: b.stop_loss
      ? { stopPrice: positive('stop_loss.stop_price', b.stop_loss.stop_price) ?? 0, limitPrice: positive('stop_loss.limit_price', b.stop_loss.limit_price) }
      : null,
  };
  // An OCO is a limit order at its take-profit price; Alpaca (and the official SDK's builder) leave limit_price out.
  if (spec.orderClass === 'oco' && spec.limitPrice === null && spec.takeProfit) spec.limitPrice = spec.takeProfit.limitPrice;
  checkQuantity(spec);
  checkPrices(spec);
  checkClass(spec);
  return spec;
}

function checkQuantity(s: OrderSpec): void {
  if (s.qty !== null && s.notional !== null) throw invalidRequest('only one of qty or notional may be given');
  if (s.qty === null && s.notional === null) throw invalidRequest('qty or notional is required');
  if (s.notional !== null && s.type !== 'market') throw invalidRequest('notional orders are only supported for market orders');
  const fractional = s.notional !== null || (s.qty !== null && !Number.isInteger(s.qty));
  if (!fractional) return;
  if (s.tif !== 'day') throw invalidRequest('fractional orders must be DAY orders');
  if (s.type === 'trailing_stop') throw invalidRequest('fractional orders are not supported for trailing_stop orders');
  if (s.orderClass !== 'simple') throw invalidRequest('fractional orders must be simple orders');
}

function checkPrices(s: OrderSpec): void {
  const needsLimit = s.type === 'limit' || s.type === 'stop_limit';
  const needsStop = s.type === 'stop' || s.type === 'stop_limit';
  if (needsLimit && s.limitPrice === null) throw invalidRequest(`limit_price is required for ${s.type} orders`);
  if (!needsLimit && s.limitPrice !== null) throw invalidRequest(`limit_price must not be given for ${s.type} orders`);
  if (needsStop && s.stopPrice === null) throw invalidRequest(`stop_price is required for ${s.type} orders`);
  if (!needsStop && s.stopPrice !== null) throw invalidRequest(`stop_price must not be given for ${s.type} orders`);
  if (s.type === 'trailing_stop') {
    if ((s.trailPrice === null) === (s.trailPercent === null)) throw invalidRequest('trailing_stop orders need exactly one of trail_price or trail_percent');
    if (s.trailPercent !== null && s.trailPercent >= 100) throw invalidRequest('trail_percent must be < 100');
    if (s.tif !== 'day' && s.tif !== 'gtc') throw invalidRequest('trailing_stop orders must be day or gtc');
  } else if (s.trailPrice !== null || s.trailPercent !== null) {
    throw invalidRequest(`trail_price and trail_percent are only for trailing_stop orders, not ${s.type}`);
  }
  if (s.extendedHours && (s.type !== 'limit' || s.tif !== 'day')) throw invalidRequest('extended hours orders must be DAY limit orders');
}

function checkClass(s: OrderSpec): void {
  const tp = s.takeProfit;
  const sl = s.stopLoss;
  switch (s.orderClass) {
    case 'simple':
      if (tp || sl) throw invalidRequest('take_profit and stop_loss need order_class bracket, oco or oto');
      return;
    case 'bracket':
      if (!tp || !sl) throw invalidRequest('bracket orders need both take_profit and stop_loss');
      if (s.type !== 'market' && s.type !== 'limit') throw invalidRequest('bracket orders must be market or limit orders');
      break;
    case 'oco':
      if (!tp || !sl) throw invalidRequest('oco orders need both take_profit and stop_loss');
      if (s.type !== 'limit') throw invalidRequest('oco orders must be limit orders');
      if (s.limitPrice !== tp.limitPrice) throw invalidRequest('oco orders: limit_price must equal take_profit.limit_price');
      break;
    case 'oto':
      if (!tp === !sl) throw invalidRequest('oto orders need exactly one of take_profit or stop_loss');
      if (s.type === 'trailing_stop') throw invalidRequest('oto orders cannot be trailing_stop orders');
      break;
  }
  if (s.tif !== 'day' && s.tif !== 'gtc') throw invalidRequest(`${s.orderClass} orders must be day or gtc`);
  if (s.extendedHours) throw invalidRequest(`${s.orderClass} orders cannot trade in extended hours`);
}

const patchSchema = z.object({
  qty: amount.nullish(),
  time_in_force: z.enum(ALPACA_TIFS).nullish(),
  limit_price: amount.nullish(),
  stop_price: amount.nullish(),
  trail: amount.nullish(),
  client_order_id: z.string().max(128, 'client_order_id must be no more than 128 characters').nullish(),
});

export interface ReplaceSpec {
  qty: number | null;
  tif: AlpacaTif | null;
  limitPrice: number | null;
  stopPrice: number | null;
  trail: number | null;
  clientOrderId: string | null;
}

/** Checks a PATCH /v2/orders/{id} body. */
export function parseReplaceSpec(body: unknown): ReplaceSpec {
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success) throw invalidRequest(zodMessage(parsed.error));
  const b = parsed.data;
  const spec: ReplaceSpec = {
    qty: positive('qty', b.qty),
    tif: b.time_in_force ?? null,
    limitPrice: positive('limit_price', b.limit_price),
    stopPrice: positive('stop_price', b.stop_price),
    trail: positive('trail', b.trail),
    clientOrderId: b.client_order_id ?? null,
  };
  if (Object.values(spec).every((v) => v === null)) throw invalidRequest('nothing to replace: give qty, time_in_force, limit_price, stop_price, trail or client_order_id');
  return spec;
}
