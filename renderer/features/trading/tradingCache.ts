import type { EventName, EventPayload } from '../../../core/ipc/contract';
import type {
  ExecutionDto,
  LogEntryDto,
  PositionDto,
  QuoteDto,
  TradingOrderDto,
  TradingStateDto,
} from '../../../core/ipc/contract/trading';

type OrderStatus = TradingOrderDto['status'];

/** How many entries the screens keep of what arrives as events (the engine keeps as many). */
export const MAX_LOG = 500;
export const MAX_EXECUTIONS = 500;

const WORKING: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['PENDING', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED']);

export const isWorking = (o: TradingOrderDto): boolean => WORKING.has(o.status);

/** The open orders with `order` in place (or added), or without it once it is final. */
export function upsertOpenOrder(orders: readonly TradingOrderDto[], order: TradingOrderDto): TradingOrderDto[] {
  const rest = orders.filter((o) => o.id !== order.id);
  if (!isWorking(order)) return rest;
  const i = orders.findIndex((o) => o.id === order.id);
  if (i === -1) return [...orders, order];
  const out = [...orders];
  out[i] = order;
  return out;
}

/** Executions newest first; an execution already listed is not listed twice. */
export function addExecution(executions: readonly ExecutionDto[], fill: ExecutionDto): ExecutionDto[] {
  if (executions.some((e) => e.id === fill.id)) return [...executions];
  return [fill, ...executions].slice(0, MAX_EXECUTIONS);
}

/** The log oldest first, as the engine sends it, trimmed to its newest MAX_LOG entries. */
export function appendLog(log: readonly LogEntryDto[], entry: LogEntryDto): LogEntryDto[] {
  const out = [...log, entry];
  return out.length > MAX_LOG ? out.slice(out.length - MAX_LOG) : out;
}

const usable = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/** A position marked at the quote's last price, so its P&L moves between the broker's updates. */
export function markPosition(p: PositionDto, quote: QuoteDto): PositionDto {
  if (p.instrument !== quote.symbol || !usable(quote.last) || quote.last === p.marketPrice) return p;
  const price = quote.last;
  return { ...p, marketPrice: price, marketValue: p.quantity * price, unrealizedPnl: p.quantity * (price - p.avgCost) };
}

export function upsertQuote(quotes: readonly QuoteDto[], quote: QuoteDto): QuoteDto[] {
  return [...quotes.filter((q) => q.symbol !== quote.symbol), quote];
}

export interface CacheUpdate {
  state: TradingStateDto;
  /** What the event changed that no event carries (positions after a fill or an account update, everything after a reconnect): ask again. */
  refetch: boolean;
}

/** The trading state after one pushed event. */
export function applyTradingEvent<E extends EventName>(state: TradingStateDto, event: E, payload: EventPayload<E>): CacheUpdate {
  switch (event) {
    case 'trading.connection': {
      const connection = payload as EventPayload<'trading.connection'>;
      // A (re)connection reconciles orders, positions and the account: the whole picture may change.
      const refetch = connection.state === 'ready' && state.connection.state !== 'ready';
      return { state: { ...state, connection }, refetch };
    }
    case 'trading.account':
      // The broker reports positions with the account: they are not in any event.
      return { state: { ...state, account: payload as EventPayload<'trading.account'> }, refetch: true };
    case 'trading.order':
      return { state: { ...state, openOrders: upsertOpenOrder(state.openOrders, payload as TradingOrderDto) }, refetch: false };
    case 'trading.fill':
      return { state: { ...state, executions: addExecution(state.executions, payload as ExecutionDto) }, refetch: true };
    case 'trading.log':
      return { state: { ...state, log: appendLog(state.log, payload as LogEntryDto) }, refetch: false };
    case 'trading.risk':
      return { state: { ...state, risk: payload as EventPayload<'trading.risk'> }, refetch: false };
    case 'trading.quote': {
      const quote = payload as QuoteDto;
      return {
        state: { ...state, quotes: upsertQuote(state.quotes, quote), positions: state.positions.map((p) => markPosition(p, quote)) },
        refetch: false,
      };
    }
    default:
      return { state, refetch: false };
  }
}

/** The events that change what the trading screens show. */
export const TRADING_EVENTS = [
  'trading.connection',
  'trading.account',
  'trading.order',
  'trading.fill',
  'trading.log',
  'trading.risk',
  'trading.quote',
] as const satisfies readonly EventName[];

/** Orders that ended in this session as the blotter's "done" list: newest first, each once, at most `max`. */
export function recordDone(done: readonly TradingOrderDto[], order: TradingOrderDto, max = 50): TradingOrderDto[] {
  if (isWorking(order)) return [...done];
  return [order, ...done.filter((o) => o.id !== order.id)].slice(0, max);
}
