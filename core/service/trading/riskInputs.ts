import type { OrderRequest } from '../../domain/order';
import type { RiskSnapshot } from '../../engine/risk/riskTypes';
import type { OrderTicket, QuoteDto } from '../../ipc/contract/trading';
import { lastOf } from './tradingDtos';
import type { TradingBroker } from './tradingBroker';

/** The request a ticket sends: only the prices its type uses, tagged as entered by hand. */
export function requestOf(t: OrderTicket): OrderRequest {
  const usesLimit = t.type === 'LIMIT' || t.type === 'STOP_LIMIT';
  const usesStop = t.type === 'STOP' || t.type === 'STOP_LIMIT';
  return {
    instrument: t.instrument,
    side: t.side,
    type: t.type,
    quantity: t.quantity,
    ...(usesLimit && t.limitPrice !== undefined ? { limitPrice: t.limitPrice } : {}),
    ...(usesStop && t.stopPrice !== undefined ? { stopPrice: t.stopPrice } : {}),
    timeInForce: t.timeInForce,
    metadata: { source: 'ticket' },
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
