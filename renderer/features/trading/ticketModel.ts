import type { MethodInput } from '../../../core/ipc/contract';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';

export type Side = TradingOrderDto['side'];
export type OrderType = TradingOrderDto['type'];
export type TimeInForce = TradingOrderDto['timeInForce'];
export type TicketInput = MethodInput<'trading.checkOrder'>;

/** The order ticket as typed: text fields stay text until the ticket is read. */
export interface TicketDraft {
  symbol: string;
  side: Side;
  quantity: string;
  type: OrderType;
  limitPrice: string;
  stopPrice: string;
  timeInForce: TimeInForce;
}

export type TicketField = 'symbol' | 'quantity' | 'limitPrice' | 'stopPrice';

export const EMPTY_TICKET: TicketDraft = {
  symbol: '',
  side: 'BUY',
  quantity: '',
  type: 'LIMIT',
  limitPrice: '',
  stopPrice: '',
  timeInForce: 'DAY',
};

export const TYPE_LABELS: Record<OrderType, string> = {
  MARKET: 'Market',
  LIMIT: 'Limit',
  STOP: 'Stop',
  STOP_LIMIT: 'Stop limit',
};

export const TIF_LABELS: Record<TimeInForce, string> = {
  DAY: 'DAY',
  GTC: 'GTC (until cancelled)',
  IOC: 'IOC (immediate or cancel)',
  FOK: 'FOK (fill or kill)',
  AT_OPEN: 'At the open',
  AT_CLOSE: 'At the close',
};

export const ORDER_TYPE_OPTIONS = Object.keys(TYPE_LABELS) as OrderType[];
export const TIF_OPTIONS = Object.keys(TIF_LABELS) as TimeInForce[];

/** Which prices an order type carries: only these are shown and sent. */
export const needsLimit = (type: OrderType): boolean => type === 'LIMIT' || type === 'STOP_LIMIT';
export const needsStop = (type: OrderType): boolean => type === 'STOP' || type === 'STOP_LIMIT';

const SYMBOL = /^[A-Za-z0-9. /-]{1,32}$/;

function positive(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) && v > 0 ? v : null;
}

export interface TicketReading {
  /** What the engine is asked to check and send; null while a field is missing or malformed. */
  ticket: TicketInput | null;
  issues: Partial<Record<TicketField, string>>;
}

/**
 * Reads the draft. Only what is needed to ask the engine is checked here (a symbol, positive
 * numbers, the prices the type needs); limits, lot size and price bands are the engine's risk
 * checks, whose verdict the ticket shows before sending.
 */
export function readTicket(d: TicketDraft): TicketReading {
  const issues: TicketReading['issues'] = {};
  const symbol = d.symbol.trim().toUpperCase();
  if (symbol === '') issues.symbol = 'enter a symbol';
  else if (!SYMBOL.test(symbol)) issues.symbol = 'letters, digits, dot, slash, dash and space only';
  const quantity = positive(d.quantity);
  if (quantity === null) issues.quantity = 'a quantity above 0';
  const limitPrice = needsLimit(d.type) ? positive(d.limitPrice) : undefined;
  if (limitPrice === null) issues.limitPrice = 'a limit price above 0';
  const stopPrice = needsStop(d.type) ? positive(d.stopPrice) : undefined;
  if (stopPrice === null) issues.stopPrice = 'a stop price above 0';
  if (Object.keys(issues).length > 0 || quantity === null || limitPrice === null || stopPrice === null) return { ticket: null, issues };
  const ticket: TicketInput = { instrument: symbol, side: d.side, type: d.type, quantity, timeInForce: d.timeInForce };
  if (limitPrice !== undefined) ticket.limitPrice = limitPrice;
  if (stopPrice !== undefined) ticket.stopPrice = stopPrice;
  return { ticket, issues };
}

const price = (v: number): string => String(v);

/** One line for a confirmation: "BUY 10 AAPL LIMIT 180.5 DAY", "SELL 5 AAPL STOP_LIMIT 170 / 169.5 GTC". */
export function describeTicket(t: TicketInput): string {
  const prices = [t.stopPrice, t.limitPrice].filter((p): p is number => p !== undefined).map(price);
  const at = t.type === 'STOP_LIMIT' ? `stop ${prices[0]} limit ${prices[1]}` : prices.join(' ');
  return [t.side, String(t.quantity), t.instrument, TYPE_LABELS[t.type].toUpperCase(), at, t.timeInForce ?? 'DAY'].filter((s) => s !== '').join(' ');
}

/** Where a key was pressed: typing the symbol, in another field, or on a button (which Enter clicks natively). */
export type KeyTarget = 'text' | 'field' | 'button';
export type TicketKeyAction = 'submit' | 'clear' | 'buy' | 'sell';

export const TICKET_KEYS_HELP = 'Enter sends the order once it passes the checks · Esc clears the ticket · B / S pick buy or sell (except while typing the symbol)';

/** The ticket's keyboard shortcuts. */
export function ticketKeyAction(key: string, target: KeyTarget, modified: boolean): TicketKeyAction | null {
  if (modified) return null;
  if (key === 'Escape') return 'clear';
  if (key === 'Enter') return target === 'button' ? null : 'submit';
  if (target === 'text') return null;
  if (key === 'b' || key === 'B') return 'buy';
  if (key === 's' || key === 'S') return 'sell';
  return null;
}
