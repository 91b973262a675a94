import type { Fill, Order } from '../../domain/order';
import type { AccountState, Position } from '../../domain/portfolio';
import type { AccountDto, ExecutionDto, PositionDto, QuoteDto, TradingOrderDto } from '../../ipc/contract/trading';
import type { BrokerAccountSummary } from './tradingBroker';

/** An order as the blotter shows it: the order without the engine's own bookkeeping. */
export function orderDto(o: Order): TradingOrderDto {
  const { mode: _mode, metadata: _metadata, triggered: _triggered, ...dto } = o;
  return dto;
}

/** A fill as the executions table shows it: price and commission, without the simulator's slippage accounting. */
export function executionDto(f: Fill): ExecutionDto {
  const { timestamp, ...dto } = f;
  return { ...dto, ts: timestamp };
}

/** A quote's last price when it is usable, else NaN. */
export function lastOf(quote: QuoteDto | undefined): number {
  const last = quote?.last;
  return typeof last === 'number' && Number.isFinite(last) && last > 0 ? last : Number.NaN;
}

/** A position marked at the latest quote when there is one, so its P&L moves with the market between broker updates. */
export function positionDto(p: Position, quote: QuoteDto | undefined): PositionDto {
  const last = lastOf(quote);
  const marketPrice = Number.isNaN(last) ? p.marketPrice : last;
  if (marketPrice === p.marketPrice) {
    const { instrument, quantity, avgCost, marketValue, unrealizedPnl, realizedPnl } = p;
    return { instrument, quantity, avgCost, marketPrice, marketValue, unrealizedPnl, realizedPnl };
  }
  return {
    instrument: p.instrument,
    quantity: p.quantity,
    avgCost: p.avgCost,
    marketPrice,
    marketValue: p.quantity * marketPrice,
    unrealizedPnl: p.quantity * (marketPrice - p.avgCost),
    realizedPnl: p.realizedPnl,
  };
}

/** The account panel: the broker's summary, with exposure and P&L from the port's account state. */
export function accountDto(state: AccountState, summary: BrokerAccountSummary): AccountDto {
  return {
    netLiquidation: summary.netLiquidation,
    cash: summary.cash,
    buyingPower: summary.buyingPower,
    dayPnl: summary.dayPnl,
    grossExposure: state.grossExposure,
    leverage: Number.isFinite(state.leverage) ? state.leverage : null,
    unrealizedPnl: state.unrealizedPnl,
    realizedPnl: state.realizedPnl,
  };
}
