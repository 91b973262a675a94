import type { Bar, BarSeries } from '../data/BarSeries';
import type { SimulatorConfig } from '../config/simulatorSchema';
import type { IbOrderType, IbStatus, IbTif } from './model';
import type { DropMode } from './server/context';

export type { DropMode } from './server/context';
export { startFakeTws } from './server/fakeTwsServer';

export interface FakeTwsOptions {
  /** Default '127.0.0.1'. Loopback only: any other address is refused. */
  host?: string;
  /** 0 = an ephemeral port (tests). Default 0; the CLI defaults to 7497. */
  port?: number;
  /** The market; default a synthetic universe of 20 symbols over 10 years (seed 1). */
  series?: BarSeries[];
  /** Calendar step the replay starts at; default 252 (a year of history before "now"), or the last bar of shorter data. */
  startBar?: number;
  /** Replay speed; 0 or undefined = manual stepping only (tests call step()). */
  barsPerSecond?: number;
  /** Default 'DU1234567'. */
  accountId?: string;
  /** Default 1,000,000. */
  initialCash?: number;
  /** First order id offered to every client; default 1. */
  nextValidId?: number;
  /**
   * Fed live: `series` are GrowingSeries and the market steps when appendBars adds a session's bars
   * (the local simulator trading on a broker's live bars), never reaching an end of data.
   */
  live?: boolean;
  /** Fill, cost and commission models; default the backtest defaults (configs/execution/backtest.yaml's simulator block). */
  sim?: SimulatorConfig;
  /** Seed of the touch-fill lottery (limit_fill_prob); default 1. */
  seed?: number;
  log?: (line: string) => void;
  /** Wall clock, ms (execution times, current time); default Date.now. */
  now?: () => number;
}

/** Scriptable failures; each can be armed at any time and affects what happens next. */
export interface FakeTwsFaults {
  /** Closes every client socket now; orders and executions stay. */
  dropConnections(): void;
  /** The next placeOrder (from any client) loses its connection: see DropMode. Default 'beforeAck'. */
  dropOnNextOrder(mode?: DropMode): void;
  /**
   * Like TWS's nightly restart: closes every socket and keeps orders and executions. With
   * `rollBackNextValidId` the next connections are offered that id (IB forgetting the last ids it
   * was sent). With `downMs` the port refuses connections for that long. Resolves once it is back.
   */
  restart(opts?: { rollBackNextValidId?: number; downMs?: number }): Promise<void>;
  /** Error 1100 (IB <-> TWS connectivity lost) to every client, sockets stay open. */
  connectivityLost(): void;
  /** 1101 (data lost: subscriptions are forgotten and must be renewed) or 1102 (data maintained), then farm-OK notices. */
  connectivityRestored(dataLost: boolean): void;
  /** The next handshake with this client id gets error 326 and is closed. */
  clientIdInUse(clientId: number): void;
  /** Fills send execDetails, openOrder and commissionReport but no orderStatus. */
  fillsWithoutOrderStatus(on?: boolean): void;
  /** Every live execDetails and commissionReport is sent twice (same execId). */
  duplicateExecDetails(on?: boolean): void;
  /** The next order is acknowledged (Submitted), then rejected: error `code` and status Inactive. */
  rejectNextOrder(code?: number, text?: string): void;
  /** The next reqHistoricalData gets error 162 (pacing violation). */
  pacingViolationNext(): void;
  /** Sends every client an error message whose advancedOrderRejectJson is not JSON (it throws inside @stoqey/ib). */
  sendMalformedError(): void;
  /** Current sessions stop answering and discard what they receive, but their sockets stay open. */
  halfOpen(): void;
  /**
   * Live market data needs a subscription the account lacks: types 1/2 get error 354, 3/4 get delayed
   * data + 10167; real-time bars (which have no delayed form) get 420.
   */
  marketDataNotSubscribed(on?: boolean): void;
  /** The next real-time bar sent (to any client) has its high and low swapped. */
  malformedRealTimeBarNext(): void;
}

export interface FakeTwsOrderState {
  clientId: number;
  orderId: number;
  permId: number;
  orderRef: string;
  symbol: string;
  action: 'BUY' | 'SELL';
  orderType: IbOrderType;
  totalQuantity: number;
  lmtPrice: number | null;
  /** The stop; a trailing order's trailing amount. */
  auxPrice: number | null;
  trailingPercent: number | null;
  /** A trailing order's stop now. */
  trailStopPrice: number | null;
  lmtPriceOffset: number | null;
  displaySize: number | null;
  tif: IbTif;
  parentId: number;
  ocaGroup: string;
  ocaType: number;
  /** Attached and waiting for its parent's first fill. */
  held: boolean;
  status: IbStatus;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  commission: number;
}

export interface FakeTwsExecutionState {
  execId: string;
  orderId: number;
  clientId: number;
  permId: number;
  orderRef: string;
  symbol: string;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  commission: number;
  /** Wall-clock ms. */
  time: number;
}

export interface FakeTwsPositionState {
  symbol: string;
  quantity: number;
  avgCost: number;
}

export interface FakeTwsState {
  accountId: string;
  /** Market time (epoch ms of the current bar). */
  marketTime: number;
  orders: FakeTwsOrderState[];
  executions: FakeTwsExecutionState[];
  /** Every instrument traded in this run (closed positions with quantity 0). */
  positions: FakeTwsPositionState[];
  cash: number;
  netLiquidation: number;
}

export interface FakeTws {
  readonly port: number;
  readonly host: string;
  readonly accountId: string;
  /** The market's symbols, in series order. */
  readonly symbols: readonly string[];
  /** Advances the market by `bars` steps (default 1); working orders are matched on each new bar. */
  step(bars?: number): void;
  /** Current last price (the latest bar's close). Throws for an unknown symbol. */
  price(symbol: string): number;
  readonly faults: FakeTwsFaults;
  snapshot(): FakeTwsState;
  /** A market fed live: adds session `ts`'s bars (symbols without one have none) and steps to it. */
  appendBars(ts: number, bars: ReadonlyMap<string, Bar>): void;
  /** Open client sockets. */
  clientCount(): number;
  close(): Promise<void>;
}
