import { hasLimit, isTrailing } from '../../domain/enums';
import type { OrderRequest } from '../../domain/order';
import type { OrderListRequest } from '../../domain/orderList';
import type { RiskSnapshot } from '../../engine/risk/riskTypes';
import type { OrderTicket, QuoteDto } from '../../ipc/contract/trading';
import { lastOf } from './tradingDtos';
import type { TradingBroker } from './tradingBroker';

/** The request a ticket sends: only the fields its type uses, tagged as entered by hand. */
export function requestOf(t: OrderTicket): OrderRequest {
  const trailing = isTrailing(t.type);
  // A trailing stop-limit's limit follows its stop by the offset: it takes no limit price of its own.
  const usesLimit = t.type === 'LIMIT' || t.type === 'STOP_LIMIT';
  // A trailing order's stop price, when given, is its initial stop.
  const usesStop = t.type === 'STOP' || t.type === 'STOP_LIMIT' || trailing;
  return {
    instrument: t.instrument,
    side: t.side,
    type: t.type,
    quantity: t.quantity,
    ...(usesLimit && t.limitPrice !== undefined ? { limitPrice: t.limitPrice } : {}),
    ...(usesStop && t.stopPrice !== undefined ? { stopPrice: t.stopPrice } : {}),
    ...(trailing && t.trail !== undefined ? { trail: t.trail } : {}),
    ...(t.type === 'TRAILING_STOP_LIMIT' && t.limitOffset !== undefined ? { limitOffset: t.limitOffset } : {}),
    ...(hasLimit(t.type) && t.displayQuantity !== undefined ? { displayQuantity: t.displayQuantity } : {}),
    timeInForce: t.timeInForce,
    metadata: { source: 'ticket' },
  };
}

export type BracketRequest = Extract<OrderListRequest, { kind: 'BRACKET' }>;

/**
 * A ticket with a bracket as the list it sends: the ticket's order is the entry; the exits are on
 * the other side for its quantity, GTC (they outlive the entry's day once it has filled).
 */
export function bracketOf(t: OrderTicket): BracketRequest | null {
  if (t.bracket === undefined) return null;
  const entry = requestOf(t);
  const exit = {
    instrument: entry.instrument,
    side: entry.side === 'BUY' ? ('SELL' as const) : ('BUY' as const),
    quantity: entry.quantity,
    timeInForce: 'GTC' as const,
    metadata: { source: 'ticket' },
  };
  const sl = t.bracket.stopLoss;
  return {
    kind: 'BRACKET',
    entry,
    takeProfit: { ...exit, type: 'LIMIT', limitPrice: t.bracket.takeProfit.limitPrice },
    stopLoss: 'trail' in sl ? { ...exit, type: 'TRAILING_STOP', trail: sl.trail } : { ...exit, type: 'STOP', stopPrice: sl.stopPrice },
  };
}

/** With no broker, everything is unknown: the checks that need the account then fail closed. */
export const UNKNOWN_SNAPSHOT: RiskSnapshot = {
  lastPrice: Number.NaN,
  positions: [],
  openOrders: [],
  equity: Number.NaN,
  grossExposure: Number.NaN,
  buyingPower: Number.NaN,
};

/**
 * The account and market the checks see: the latest quote's last price (else the broker's mark of
 * a held position), positions, working orders except `excludeOrderId` (the order being modified),
 * and the account as the broker reported it.
 */
export function riskSnapshot(broker: TradingBroker, instrument: string, quote: QuoteDto | undefined, excludeOrderId?: string): RiskSnapshot {
  const positions = broker.getPositions();
  const held = positions.find((p) => p.instrument === instrument);
  const quoted = lastOf(quote);
  const mark = held && Number.isFinite(held.marketPrice) && held.marketPrice > 0 ? held.marketPrice : Number.NaN;
  const state = broker.getAccountState();
  const summary = broker.accountSummary();
  return {
    lastPrice: Number.isNaN(quoted) ? mark : quoted,
    positions,
    openOrders: broker.getOpenOrders().filter((o) => o.id !== excludeOrderId),
    // Until the broker has reported the account its figures are unknown, not zero.
    equity: summary ? summary.netLiquidation : Number.NaN,
    grossExposure: summary ? state.grossExposure : Number.NaN,
    buyingPower: summary ? summary.buyingPower : Number.NaN,
  };
}
