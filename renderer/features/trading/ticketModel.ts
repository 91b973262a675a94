import type { MethodInput } from '../../../core/ipc/contract';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';

export type Side = TradingOrderDto['side'];
export type OrderType = TradingOrderDto['type'];
export type TimeInForce = TradingOrderDto['timeInForce'];
export type TicketInput = MethodInput<'trading.checkOrder'>;
export type Trail = NonNullable<TicketInput['trail']>;
export type TrailKind = 'amount' | 'percent';
/** A bracket's stop-loss: a stop at a price, or a trailing stop by amount or percent. */
export type StopLossKind = 'stop' | TrailKind;

/** The order ticket as typed: text fields stay text until the ticket is read. */
export interface TicketDraft {
  symbol: string;
  side: Side;
  quantity: string;
  type: OrderType;
  limitPrice: string;
  /** A stop's price; a trailing order's initial stop (optional). */
  stopPrice: string;
  timeInForce: TimeInForce;
  trailKind: TrailKind;
  trail: string;
  /** Trailing stop-limit: how far past the stop its limit sits. */
  limitOffset: string;
  /** Iceberg, limit-type orders only: the quantity shown at a time; empty shows it all. */
  displayQuantity: string;
  /** "Attach bracket": a take-profit and a stop-loss that work once the order fills. */
  bracket: boolean;
  takeProfit: string;
  stopLossKind: StopLossKind;
  stopLoss: string;
}

export type TicketField = 'symbol' | 'quantity' | 'limitPrice' | 'stopPrice' | 'trail' | 'limitOffset' | 'displayQuantity' | 'takeProfit' | 'stopLoss';

export const EMPTY_TICKET: TicketDraft = {
  symbol: '',
  side: 'BUY',
  quantity: '',
  type: 'LIMIT',
  limitPrice: '',
  stopPrice: '',
  timeInForce: 'DAY',
  trailKind: 'amount',
  trail: '',
  limitOffset: '',
  displayQuantity: '',
  bracket: false,
  takeProfit: '',
  stopLossKind: 'stop',
  stopLoss: '',
};

export const TYPE_LABELS: Record<OrderType, string> = {
  MARKET: 'Market',
  LIMIT: 'Limit',
  STOP: 'Stop',
  STOP_LIMIT: 'Stop limit',
  TRAILING_STOP: 'Trailing stop',
  TRAILING_STOP_LIMIT: 'Trailing stop limit',
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

/** Which prices an order type carries: only these are shown and sent. A trailing stop-limit's limit follows its stop. */
export const needsLimit = (type: OrderType): boolean => type === 'LIMIT' || type === 'STOP_LIMIT';
export const needsStop = (type: OrderType): boolean => type === 'STOP' || type === 'STOP_LIMIT';
export const isTrailing = (type: OrderType): boolean => type === 'TRAILING_STOP' || type === 'TRAILING_STOP_LIMIT';
/** Types that rest as a limit order, which an iceberg's display size applies to. */
export const takesDisplay = (type: OrderType): boolean => type === 'LIMIT' || type === 'STOP_LIMIT' || type === 'TRAILING_STOP_LIMIT';

const SYMBOL = /^[A-Za-z0-9. /-]{1,32}$/;

/** A number above 0 (`min` 'zero': 0 or more), null when missing or malformed. */
function numberIn(text: string, min: 'positive' | 'zero' = 'positive'): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) && (min === 'zero' ? v >= 0 : v > 0) ? v : null;
}

/** An optional field: undefined when empty, else as numberIn. */
const optional = (text: string): number | null | undefined => (text.trim() === '' ? undefined : numberIn(text));

export const trailOf = (kind: TrailKind, value: number): Trail => (kind === 'amount' ? { amount: value } : { percent: value });

export interface TicketReading {
  /** What the engine is asked to check and send; null while a field is missing or malformed. */
  ticket: TicketInput | null;
  issues: Partial<Record<TicketField, string>>;
}

/**
 * Reads the draft. Only what is needed to ask the engine is checked here (a symbol, positive
 * numbers, the fields the type and the bracket need); limits, lot size, price bands, a display size
 * over the quantity or a take-profit beyond the stop-loss are the engine's to say, whose verdict the
 * ticket shows before sending.
 */
export function readTicket(d: TicketDraft): TicketReading {
  const issues: TicketReading['issues'] = {};
  const symbol = d.symbol.trim().toUpperCase();
  if (symbol === '') issues.symbol = 'enter a symbol';
  else if (!SYMBOL.test(symbol)) issues.symbol = 'letters, digits, dot, slash, dash and space only';
  const quantity = numberIn(d.quantity);
  if (quantity === null) issues.quantity = 'a quantity above 0';
  const trailing = isTrailing(d.type);
  const limitPrice = needsLimit(d.type) ? numberIn(d.limitPrice) : undefined;
  if (limitPrice === null) issues.limitPrice = 'a limit price above 0';
  const stopPrice = needsStop(d.type) ? numberIn(d.stopPrice) : trailing ? optional(d.stopPrice) : undefined;
  if (stopPrice === null) issues.stopPrice = trailing ? 'an initial stop above 0, or empty' : 'a stop price above 0';
  const trail = trailing ? numberIn(d.trail) : undefined;
  if (trail === null) issues.trail = d.trailKind === 'amount' ? 'a trail amount above 0' : 'a trail percent above 0';
  const limitOffset = d.type === 'TRAILING_STOP_LIMIT' ? numberIn(d.limitOffset, 'zero') : undefined;
  if (limitOffset === null) issues.limitOffset = 'a limit offset of 0 or more';
  const displayQuantity = takesDisplay(d.type) ? optional(d.displayQuantity) : undefined;
  if (displayQuantity === null) issues.displayQuantity = 'a display size above 0, or empty';
  const takeProfit = d.bracket ? numberIn(d.takeProfit) : undefined;
  if (takeProfit === null) issues.takeProfit = 'a take-profit price above 0';
  const stopLoss = d.bracket ? numberIn(d.stopLoss) : undefined;
  if (stopLoss === null) issues.stopLoss = d.stopLossKind === 'stop' ? 'a stop-loss price above 0' : 'a stop-loss trail above 0';
  if (
    Object.keys(issues).length > 0 ||
    quantity === null ||
    limitPrice === null ||
    stopPrice === null ||
    trail === null ||
    limitOffset === null ||
    displayQuantity === null ||
    takeProfit === null ||
    stopLoss === null
  )
    return { ticket: null, issues };
  const ticket: TicketInput = { instrument: symbol, side: d.side, type: d.type, quantity, timeInForce: d.timeInForce };
  if (limitPrice !== undefined) ticket.limitPrice = limitPrice;
  if (stopPrice !== undefined) ticket.stopPrice = stopPrice;
  if (trail !== undefined) ticket.trail = trailOf(d.trailKind, trail);
  if (limitOffset !== undefined) ticket.limitOffset = limitOffset;
  if (displayQuantity !== undefined) ticket.displayQuantity = displayQuantity;
  if (takeProfit !== undefined && stopLoss !== undefined) {
    ticket.bracket = {
      takeProfit: { limitPrice: takeProfit },
      stopLoss: d.stopLossKind === 'stop' ? { stopPrice: stopLoss } : { trail: trailOf(d.stopLossKind, stopLoss) },
    };
  }
  return { ticket, issues };
}

const price = (v: number): string => String(v);

/** "trail 2" or "trail 1.5%". */
export const describeTrail = (t: Trail): string => ('amount' in t ? `trail ${price(t.amount)}` : `trail ${price(t.percent)}%`);

/**
 * One line for a confirmation: "BUY 10 AAPL LIMIT 180.5 DAY", "SELL 5 AAPL STOP LIMIT stop 170 limit 169.5 GTC",
 * "SELL 10 AAPL TRAILING STOP trail 1.5% GTC", "BUY 10 AAPL LIMIT 180.5 DAY with take-profit 190 and stop-loss 175".
 */
export function describeTicket(t: TicketInput): string {
  const prices = [t.stopPrice, t.limitPrice].filter((p): p is number => p !== undefined).map(price);
  const at =
    t.type === 'STOP_LIMIT'
      ? `stop ${prices[0]} limit ${prices[1]}`
      : t.trail !== undefined
        ? [describeTrail(t.trail), t.stopPrice !== undefined ? `from ${price(t.stopPrice)}` : '', t.limitOffset !== undefined ? `offset ${price(t.limitOffset)}` : '']
            .filter((s) => s !== '')
            .join(' ')
        : prices.join(' ');
  const display = t.displayQuantity !== undefined ? `display ${String(t.displayQuantity)}` : '';
  const b = t.bracket;
  const exits = b ? `with take-profit ${price(b.takeProfit.limitPrice)} and stop-loss ${'trail' in b.stopLoss ? describeTrail(b.stopLoss.trail) : price(b.stopLoss.stopPrice)}` : '';
  return [t.side, String(t.quantity), t.instrument, TYPE_LABELS[t.type].toUpperCase(), at, display, t.timeInForce ?? 'DAY', exits].filter((s) => s !== '').join(' ');
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
