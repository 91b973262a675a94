import type { AlpacaTarget } from '../../broker/alpaca/alpacaTarget';
import type { StreamBar } from '../../domain/streamBar';
import type { BrokerInterface, CancelAck } from '../../broker/BrokerInterface';
import type { CancelOutcome } from '../../broker/cancelOutcome';
import type { BarSeries } from '../../data/BarSeries';
import type { Order, OrderChanges, Timestamp } from '../../domain/order';
import type { ConnectionState, KeySource, TradingMode } from '../../ipc/contract/trading';

/** Where TWS or IB Gateway listens, and the API client id the session uses there. */
export interface IbTarget {
  host: string;
  port: number;
  clientId: number;
}

/** Where a session connects (TWS / IB Gateway, or Alpaca's APIs with keys), and the mode it trades in. */
export type BrokerSettings =
  | { broker: 'ib'; mode: TradingMode; target: IbTarget }
  | { broker: 'alpaca'; mode: TradingMode; target: AlpacaTarget; keysFrom: KeySource };

export interface BrokerConnectionStatus {
  state: ConnectionState;
  /** Why the state is what it is, for the trader (e.g. "client id 1 is already in use (326)"). */
  reason: string | null;
}

/** One line of the broker's message log: a TWS error or notice with its code, or a connection event. */
export interface BrokerLogEntry {
  at: Timestamp;
  level: 'info' | 'warning' | 'error';
  /** The broker's message code; null for the adapter's own events. */
  code: number | null;
  text: string;
}

/** A quote as the broker streams it; the service stamps it with the symbol and its clock. */
export interface BrokerQuote {
  last: number | null;
  bid: number | null;
  ask: number | null;
  /** True when the account has no live data permission and the broker sends delayed prices. */
  delayed: boolean;
}

/** One bar of the broker's real-time stream: IB's 5-second bars, Alpaca's minute bars. */
export type BrokerBar = StreamBar;

/** The broker refused or failed a bar stream: its message code (IB's 162, 200, 354, 420, ...; null for the adapter's own) and text. */
export interface BrokerBarsError {
  code: number | null;
  text: string;
}

/** Account figures as the broker reports them (IB's NetLiquidation, TotalCashValue, BuyingPower, day P&L). */
export interface BrokerAccountSummary {
  netLiquidation: number;
  cash: number;
  buyingPower: number;
  /** Null until the broker knows the start-of-day value. */
  dayPnl: number | null;
}

/**
 * The broker port plus what a session with a real broker adds: a connection, a message log, order
 * modification, quotes, history and the orders a reconciliation found unknown. IbBroker and AlpacaBroker
 * are such brokers; tests use the simulator-backed TestSimBroker. How each connects takes its own kind
 * of target, so connecting goes through the BrokerSession the factory binds to the session's settings.
 */
export interface TradingBroker extends BrokerInterface {
  disconnect(): void;
  readonly connectionState: BrokerConnectionStatus;
  /** Returns the unsubscribe function. */
  onConnectionState(listener: (status: BrokerConnectionStatus) => void): () => void;
  onLog(listener: (entry: BrokerLogEntry) => void): () => void;
  /** Changes a working order's quantity (new total) or prices; the outcome arrives as events. */
  modifyOrder(orderId: string, changes: OrderChanges): CancelAck;
  /** What became of a cancel this session asked for (the kill switch reports it per order). */
  cancelOutcome(orderId: string): CancelOutcome;
  /** Orders sent but never acknowledged and not found at the broker after a reconnect: the trader decides. */
  unknownOrders(): Order[];
  /** The trader's decision that an unknown order never reached the broker: closed here as cancelled. */
  dismissUnknownOrder(orderId: string): CancelAck;
  /** Looks a symbol up so orders can name it; rejects when the broker does not know it. */
  qualifyInstrument(symbol: string): Promise<unknown>;
  /** Streams a symbol's quotes until the returned function is called. */
  subscribeQuotes(symbol: string, listener: (quote: BrokerQuote) => void): () => void;
  /**
   * Streams a symbol's completed real-time bars until the returned function is called; renewed across
   * reconnects. `onError` hears when the broker refuses or fails the stream (no permission, unknown
   * symbol, ...): it is logged too, and asked for again on the next connection.
   */
  subscribeBars(symbol: string, listener: (bar: BrokerBar) => void, onError?: (error: BrokerBarsError) => void): () => void;
  /** Daily bars of the last `years` years, ascending; `done` of `total` requests answered so far. */
  downloadDailyHistory(symbol: string, opts: { years: number }, onProgress?: (done: number, total: number) => void): Promise<BarSeries>;
  /** The last `bars` completed bars of `barSeconds` (under a day), all hours, stamped at their start as subscribeBars's are. */
  downloadIntradayHistory(symbol: string, opts: { barSeconds: number; bars: number }): Promise<BarSeries>;
  /** Null until the broker has reported the account. */
  accountSummary(): BrokerAccountSummary | null;
}

/** A broker that connects to targets of one kind (IbTarget for IbBroker, AlpacaTarget for AlpacaBroker). */
export interface ConnectableBroker<T> extends TradingBroker {
  /** Resolves once the connection is first ready; the broker keeps retrying meanwhile. */
  connect(target: T): Promise<void>;
}

/** One session's broker, and its connect bound to the session's target. */
export interface BrokerSession {
  broker: TradingBroker;
  connect(): Promise<void>;
}

/** Binds a broker to the target it connects to. */
export function sessionOf<T>(broker: ConnectableBroker<T>, target: T): BrokerSession {
  return { broker, connect: () => broker.connect(target) };
}

/** Builds the broker for one session (IbBroker or AlpacaBroker by the settings' kind in the host; tests their own). */
export type BrokerFactory = (settings: BrokerSettings) => BrokerSession;
