/** Alpaca's order vocabulary, spelled as its Trading API v2 spells it. */
export const ALPACA_ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'] as const;
export type AlpacaOrderType = (typeof ALPACA_ORDER_TYPES)[number];

export const ALPACA_TIFS = ['day', 'gtc', 'ioc', 'fok', 'opg', 'cls'] as const;
export type AlpacaTif = (typeof ALPACA_TIFS)[number];

export const ALPACA_ORDER_CLASSES = ['simple', 'bracket', 'oco', 'oto'] as const;
export type AlpacaOrderClass = (typeof ALPACA_ORDER_CLASSES)[number];

export type AlpacaSide = 'buy' | 'sell';

export type AlpacaStatus =
  | 'accepted'
  | 'new'
  | 'held'
  | 'partially_filled'
  | 'filled'
  | 'pending_cancel'
  | 'canceled'
  | 'expired'
  | 'replaced'
  | 'rejected';

/** Statuses an order can still fill or be cancelled in. */
export function isOpen(status: AlpacaStatus): boolean {
  return status === 'accepted' || status === 'new' || status === 'held' || status === 'partially_filled' || status === 'pending_cancel';
}

export type TradeEvent = 'new' | 'fill' | 'partial_fill' | 'canceled' | 'expired' | 'rejected' | 'replaced' | 'pending_cancel';

/** A tradable US equity of the fake's market. */
export interface AlpacaAsset {
  readonly id: string;
  readonly symbol: string;
  /** Position of its series in the market (and in the portfolio's arrays). */
  readonly index: number;
}

export interface FakeAlpacaOrder {
  readonly id: string;
  clientOrderId: string;
  readonly asset: AlpacaAsset;
  readonly side: AlpacaSide;
  readonly orderClass: AlpacaOrderClass;
  type: AlpacaOrderType;
  tif: AlpacaTif;
  /** Shares; for a notional order, the shares the notional bought at acceptance. */
  qty: number;
  /** Dollar amount of a notional order; null for a qty order. */
  readonly notional: number | null;
  limitPrice: number | null;
  stopPrice: number | null;
  trailPrice: number | null;
  trailPercent: number | null;
  /** Trailing stop: the best price seen since it started working. */
  hwm: number | null;
  extendedHours: boolean;
  status: AlpacaStatus;
  filledQty: number;
  filledAvgPrice: number;
  /** Stops: the stop price was reached. */
  triggered: boolean;
  /** Bracket/OCO/OTO: the parent's id for a leg. */
  parentId: string | null;
  /** Bracket/OCO/OTO: the legs of a parent. */
  readonly legIds: string[];
  /** Market step at which it was accepted or replaced: it works on later bars. */
  placedStep: number;
  /** Fills wait until this market step (the delayed-fill fault); -1 = no wait. */
  fillNotBeforeStep: number;
  /** Fills wait until this wall-clock ms (the delayed-fill fault); 0 = no wait. */
  fillNotBeforeMs: number;
  readonly createdAt: number;
  updatedAt: number;
  submittedAt: number;
  filledAt: number | null;
  canceledAt: number | null;
  expiredAt: number | null;
  failedAt: number | null;
  replacedAt: number | null;
  replacedBy: string | null;
  replaces: string | null;
}

export interface FakeAlpacaFill {
  /** The execution id of the trade update, and the activity's id suffix. */
  readonly id: string;
  readonly order: FakeAlpacaOrder;
  readonly qty: number;
  readonly price: number;
  /** Order totals after this fill. */
  readonly cumQty: number;
  readonly leavesQty: number;
  readonly partial: boolean;
  /** Position of the symbol after this fill (signed). */
  readonly positionQty: number;
  /** Wall-clock ms. */
  readonly time: number;
}
