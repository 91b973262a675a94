import type { OrderBook } from '../book/orderBook';
import type { AlpacaAsset, FakeAlpacaFill, FakeAlpacaOrder } from '../model';

/** Alpaca writes amounts as decimal strings; prices to at most 9 decimals, without trailing zeros. */
export function decimal(n: number): string {
  return String(Math.round(n * 1e9) / 1e9);
}

function money(n: number): string {
  return n.toFixed(2);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function maybe(n: number | null): string | null {
  return n === null ? null : decimal(n);
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Alpaca's order object; a parent's legs are nested in it when `nested` (else listed as orders of their own). */
export function orderJson(o: FakeAlpacaOrder, book: OrderBook, nested = true): { [key: string]: Json } {
  return {
    id: o.id,
    client_order_id: o.clientOrderId,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    submitted_at: iso(o.submittedAt),
    filled_at: iso(o.filledAt),
    expired_at: iso(o.expiredAt),
    canceled_at: iso(o.canceledAt),
    failed_at: iso(o.failedAt),
    replaced_at: iso(o.replacedAt),
    replaced_by: o.replacedBy,
    replaces: o.replaces,
    asset_id: o.asset.id,
    symbol: o.asset.symbol,
    asset_class: 'us_equity',
    notional: maybe(o.notional),
    qty: o.notional === null ? decimal(o.qty) : null,
    filled_qty: decimal(o.filledQty),
    filled_avg_price: o.filledQty > 0 ? decimal(o.filledAvgPrice) : null,
    // Alpaca reports a plain order's class as the empty string.
    order_class: o.orderClass === 'simple' ? '' : o.orderClass,
    order_type: o.type,
    type: o.type,
    side: o.side,
    position_intent: positionIntent(o, book),
    time_in_force: o.tif,
    limit_price: maybe(o.limitPrice),
    stop_price: maybe(o.stopPrice),
    status: o.status,
    extended_hours: o.extendedHours,
    legs: !nested || o.legIds.length === 0 ? null : o.legIds.map((id) => orderJson(book.get(id), book)),
    trail_percent: maybe(o.trailPercent),
    trail_price: maybe(o.trailPrice),
    hwm: maybe(o.hwm),
    subtag: null,
    source: null,
    expires_at: null,
  };
}

function positionIntent(o: FakeAlpacaOrder, book: OrderBook): string {
  const held = book.portfolio.qty[o.asset.index];
  if (o.side === 'buy') return held < 0 ? 'buy_to_close' : 'buy_to_open';
  return held > 0 ? 'sell_to_close' : 'sell_to_open';
}

/** One trade update's `data`: {event, order, timestamp} and, for fills, execution_id, price, qty, position_qty. */
export function tradeUpdateJson(event: string, o: FakeAlpacaOrder, fill: FakeAlpacaFill | null, book: OrderBook, now: number): { [key: string]: Json } {
  const data: { [key: string]: Json } = { event, order: orderJson(o, book), timestamp: iso(fill?.time ?? now) };
  if (fill) {
    data.execution_id = fill.id;
    data.price = decimal(fill.price);
    data.qty = decimal(fill.qty);
    data.position_qty = decimal(fill.positionQty);
  }
  return data;
}

export interface AccountIdentity {
  id: string;
  number: string;
  createdAt: number;
}

export function accountJson(book: OrderBook, who: AccountIdentity, lastEquity: number, now: number): { [key: string]: Json } {
  const p = book.portfolio;
  let longValue = 0;
  let shortValue = 0;
  for (const i of p.heldIndices()) {
    const v = p.positionValue(i);
    if (v > 0) longValue += v;
    else shortValue += v;
  }
  const equity = p.equity;
  const bp = book.buyingPower();
  const margin = p.account.type === 'margin';
  return {
    id: who.id,
    account_number: who.number,
    status: 'ACTIVE',
    crypto_status: 'INACTIVE',
    currency: 'USD',
    cash: money(p.cash),
    portfolio_value: money(equity),
    equity: money(equity),
    last_equity: money(lastEquity),
    buying_power: money(bp),
    regt_buying_power: money(bp),
    daytrading_buying_power: '0',
    effective_buying_power: money(bp),
    non_marginable_buying_power: money(Math.max(0, p.cash)),
    options_buying_power: money(Math.max(0, p.cash)),
    long_market_value: money(longValue),
    short_market_value: money(shortValue),
    position_market_value: money(longValue - shortValue),
    initial_margin: money(p.grossExposure() / p.account.max_leverage),
    maintenance_margin: money(p.grossExposure() * p.account.maintenance_margin),
    last_maintenance_margin: '0',
    sma: '0',
    daytrade_count: 0,
    multiplier: margin ? String(p.account.max_leverage) : '1',
    shorting_enabled: margin && p.account.allow_short !== false,
    pattern_day_trader: false,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    trade_suspended_by_user: false,
    accrued_fees: '0',
    pending_transfer_in: '0',
    pending_transfer_out: '0',
    options_approved_level: 0,
    options_trading_level: 0,
    created_at: new Date(who.createdAt).toISOString(),
    balance_asof: new Date(now).toISOString().slice(0, 10),
  };
}

export function positionJson(book: OrderBook, asset: AlpacaAsset, lastdayPrice: number): { [key: string]: Json } {
  const p = book.portfolio;
  const i = asset.index;
  const qty = p.qty[i];
  const price = p.mark[i];
  const avg = p.avgCost[i];
  const costBasis = qty * avg;
  const marketValue = qty * price;
  const unrealized = marketValue - costBasis;
  const prev = Number.isFinite(lastdayPrice) ? lastdayPrice : price;
  const intraday = qty * (price - prev);
  const available = qty > 0 ? book.qtyAvailable(asset) : qty;
  return {
    asset_id: asset.id,
    symbol: asset.symbol,
    exchange: 'NASDAQ',
    asset_class: 'us_equity',
    asset_marginable: true,
    avg_entry_price: decimal(avg),
    qty: decimal(qty),
    qty_available: decimal(available),
    side: qty >= 0 ? 'long' : 'short',
    market_value: money(marketValue),
    cost_basis: money(costBasis),
    unrealized_pl: money(unrealized),
    unrealized_plpc: decimal(costBasis === 0 ? 0 : unrealized / Math.abs(costBasis)),
    unrealized_intraday_pl: money(intraday),
    unrealized_intraday_plpc: decimal(prev === 0 ? 0 : (price - prev) / prev),
    current_price: decimal(price),
    lastday_price: decimal(prev),
    change_today: decimal(prev === 0 ? 0 : (price - prev) / prev),
  };
}

/** GET /v2/account/activities: a FILL activity. Its id is time-ordered like Alpaca's ("<yyyyMMddHHmmssSSS>::<uuid>"). */
export function fillActivityJson(f: FakeAlpacaFill): { [key: string]: Json } {
  return {
    id: activityId(f),
    activity_type: 'FILL',
    transaction_time: new Date(f.time).toISOString(),
    type: f.partial ? 'partial_fill' : 'fill',
    price: decimal(f.price),
    qty: decimal(f.qty),
    side: f.order.side,
    symbol: f.order.asset.symbol,
    leaves_qty: decimal(f.leavesQty),
    order_id: f.order.id,
    cum_qty: decimal(f.cumQty),
    order_status: f.partial ? 'partially_filled' : 'filled',
  };
}

export function activityId(f: FakeAlpacaFill): string {
  return `${new Date(f.time).toISOString().replace(/\D/g, '').slice(0, 17)}::${f.id}`;
}

export function assetJson(asset: AlpacaAsset): { [key: string]: Json } {
  return {
    id: asset.id,
    class: 'us_equity',
    exchange: 'NASDAQ',
    symbol: asset.symbol,
    name: `${asset.symbol} (fake Alpaca)`,
    status: 'active',
    tradable: true,
    marginable: true,
    shortable: true,
    easy_to_borrow: true,
    fractionable: true,
    maintenance_margin_requirement: 30,
    margin_requirement_long: '30',
    margin_requirement_short: '100',
    attributes: [],
  };
}
