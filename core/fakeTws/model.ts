/** The order types, times in force and statuses the fake TWS models, spelled as IB spells them. */
export const IB_ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL', 'TRAIL LIMIT'] as const;
export type IbOrderType = (typeof IB_ORDER_TYPES)[number];

export const IB_TIFS = ['DAY', 'GTC', 'IOC', 'FOK'] as const;
export type IbTif = (typeof IB_TIFS)[number];

export type IbStatus = 'PreSubmitted' | 'Submitted' | 'Filled' | 'Cancelled' | 'Inactive';

export function isWorking(status: IbStatus): boolean {
  return status === 'PreSubmitted' || status === 'Submitted';
}

export function isTrailingType(type: IbOrderType): boolean {
  return type === 'TRAIL' || type === 'TRAIL LIMIT';
}

/** Types that wait for a stop price (in PreSubmitted, as at IB). */
export function isStopType(type: IbOrderType): boolean {
  return type === 'STP' || type === 'STP LMT' || isTrailingType(type);
}

/** A tradable stock of the fake's market. */
export interface Instrument {
  readonly symbol: string;
  readonly conId: number;
  /** Position of its series in the market (and in the portfolio's arrays). */
  readonly index: number;
}

export interface FakeOrder {
  readonly clientId: number;
  readonly orderId: number;
  readonly permId: number;
  readonly orderRef: string;
  readonly account: string;
  readonly instrument: Instrument;
  readonly action: 'BUY' | 'SELL';
  totalQuantity: number;
  orderType: IbOrderType;
  /** TRAIL LIMIT: the limit, the stop less (sell) or plus (buy) lmtPriceOffset; fixed once triggered. */
  lmtPrice: number | null;
  /** STP and STP LMT: the stop. TRAIL and TRAIL LIMIT: the trailing amount (null with a trailing percent). */
  auxPrice: number | null;
  trailingPercent: number | null;
  /** Trailing orders: the stop now; null until the order works (it starts from the market then, unless given). */
  trailStopPrice: number | null;
  lmtPriceOffset: number | null;
  /** Iceberg: at most this much fills per bar. */
  displaySize: number | null;
  tif: IbTif;
  outsideRth: boolean;
  /** The order this one is attached to (0: none); it works once that one has filled, sized by its fills. */
  readonly parentId: number;
  /** As the client sent it ('' for none; an attached order without one shares its siblings' implicit group). */
  readonly ocaGroup: string;
  /** 1 cancel the others on a fill, 2 or 3 reduce them by the fill (3 when the client left it unset). */
  readonly ocaType: number;
  /** Attached and its parent has not filled yet: PreSubmitted and not matched. */
  awaitingParent: boolean;
  /** The quantity asked for; an attached order works this in proportion to its parent's fills, less what its OCA group took off. */
  requestedQuantity: number;
  /** Taken off by fills of other members of its OCA group. */
  ocaReduced: number;
  status: IbStatus;
  filled: number;
  avgFillPrice: number;
  lastFillPrice: number;
  commission: number;
  /** Stop and stop-limit orders: the stop price has been reached. */
  triggered: boolean;
  /** Market step at which it was placed or last modified (it may fill on later bars). */
  placedStep: number;
  /** Wall-clock ms when it reached a final status; NaN while working. */
  completedAt: number;
  /** Why it ended (expiry, cancel, reject), as IB's completedStatus text. */
  completedStatus: string;
}

export interface FakeExecution {
  readonly execId: string;
  readonly order: FakeOrder;
  readonly side: 'BOT' | 'SLD';
  readonly shares: number;
  readonly price: number;
  /** Order totals after this fill. */
  readonly cumQty: number;
  readonly avgPrice: number;
  /** Wall-clock ms. */
  readonly time: number;
  readonly commission: number;
  /** P&L this fill realized (closing part only), before commission; NaN when it opened or added. */
  readonly realizedPnl: number;
}
