export const SIDES = ['BUY', 'SELL'] as const;
export type Side = (typeof SIDES)[number];

export const ORDER_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const TIME_IN_FORCE = ['DAY', 'GTC', 'IOC', 'FOK', 'AT_OPEN', 'AT_CLOSE'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

/** A round trip is OPEN while its position is held (at the end of a run: marked, not exited). */
export const TRADE_STATUSES = ['CLOSED', 'OPEN'] as const;
export type TradeStatus = (typeof TRADE_STATUSES)[number];

export const MODES = ['BACKTEST', 'PAPER', 'LIVE'] as const;
export type Mode = (typeof MODES)[number];

export const ORDER_STATUSES = [
  'PENDING',
  'SUBMITTED',
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
