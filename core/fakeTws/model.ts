/** The order types, times in force and statuses the fake TWS models, spelled as IB spells them. */
export const IB_ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT'] as const;
export type IbOrderType = (typeof IB_ORDER_TYPES)[number];

export const IB_TIFS = ['DAY', 'GTC', 'IOC', 'FOK'] as const;
export type IbTif = (typeof IB_TIFS)[number];

export type IbStatus = 'PreSubmitted' | 'Submitted' | 'Filled' | 'Cancelled' | 'Inactive';

export function isWorking(status: IbStatus): boolean {
  return status === 'PreSubmitted' || status === 'Submitted';
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
  lmtPrice: number | null;
  auxPrice: number | null;
  tif: IbTif;
  outsideRth: boolean;
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
