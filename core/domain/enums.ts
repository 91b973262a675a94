export const SIDES = ['BUY', 'SELL'] as const;
export type Side = (typeof SIDES)[number];

export const ORDER_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT', 'TRAILING_STOP', 'TRAILING_STOP_LIMIT'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** Types whose order triggers at a stop price: a trailing stop's moves with the market. */
export function isStopType(type: OrderType): boolean {
  return type === 'STOP' || type === 'STOP_LIMIT' || type === 'TRAILING_STOP' || type === 'TRAILING_STOP_LIMIT';
}

/** Types that end as (or are) a limit order once live. */
export function hasLimit(type: OrderType): boolean {
  return type === 'LIMIT' || type === 'STOP_LIMIT' || type === 'TRAILING_STOP_LIMIT';
}

export function isTrailing(type: OrderType): boolean {
  return type === 'TRAILING_STOP' || type === 'TRAILING_STOP_LIMIT';
}

/**
 * Orders submitted together: BRACKET (an entry whose take-profit and stop-loss work once it fills, as
 * one OCO pair sized by the entry's fills), OCO (one fill cancels or reduces the others) and OTO
 * (children work once the parent fills).
 */
export const ORDER_LIST_KINDS = ['BRACKET', 'OCO', 'OTO'] as const;
export type OrderListKind = (typeof ORDER_LIST_KINDS)[number];

/** An order's place in its list. */
export const ORDER_ROLES = ['ENTRY', 'TAKE_PROFIT', 'STOP_LOSS', 'PARENT', 'CHILD', 'MEMBER'] as const;
export type OrderRole = (typeof ORDER_ROLES)[number];

export const TIME_IN_FORCE = ['DAY', 'GTC', 'IOC', 'FOK', 'AT_OPEN', 'AT_CLOSE'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

/** A round trip is OPEN while its position is held (at the end of a run: marked, not exited). */
export const TRADE_STATUSES = ['CLOSED', 'OPEN'] as const;
export type TradeStatus = (typeof TRADE_STATUSES)[number];

/**
 * Why a round trip ended, from the order that closed it: the strategy's targets (SIGNAL), a stop,
 * target or trailing-stop order, the run ending under close_at_end (END_OF_RUN), a margin call's
 * liquidation, or a risk rule. An open trip has none.
 */
export const EXIT_REASONS = ['SIGNAL', 'STOP', 'TARGET', 'TRAILING_STOP', 'END_OF_RUN', 'MARGIN_CALL', 'RISK'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const MODES = ['BACKTEST', 'PAPER', 'LIVE'] as const;
export type Mode = (typeof MODES)[number];

export const ORDER_STATUSES = [
  'PENDING',
  'SUBMITTED',
  'ACCEPTED',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELLED',
  'REJECTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** +1 for BUY, -1 for SELL: the sign a fill applies to a position. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'BUY' ? 1 : -1;
}
