import type { Timestamp } from '../../domain/order';
import type { StreamBar } from '../../domain/streamBar';

/** Where TWS or IB Gateway listens, and the API client id this app uses there (fixed: orders belong to it). */
export interface IbConnectionSettings {
  host: string;
  port: number;
  clientId: number;
  /** The account orders go to; the first managed account when omitted. */
  account?: string;
}

/**
 * - disconnected: not connected and not trying (before connect() or after disconnect()).
 * - connecting: first connection in progress, or connected and synchronising (no orders yet).
 * - ready: nextValidId and managedAccounts received and the store reconciled: orders may be sent.
 * - degraded: the socket is up but TWS lost IB (1100, 2110) or a data farm is down: no new orders.
 * - reconnecting: the connection dropped (or never came up); retrying with backoff.
 */
export type IbConnectionState = 'disconnected' | 'connecting' | 'ready' | 'degraded' | 'reconnecting';

export type FarmStatus = 'ok' | 'broken' | 'inactive';

export interface IbConnectionStatus {
  state: IbConnectionState;
  /** Why the state is what it is, for the trader (e.g. "client id 1 is already in use (326)"). */
  reason: string | null;
  since: Timestamp;
  /** The IB error code behind `reason`, when there is one (326, 1100, 2110, 502, ...). */
  code: number | null;
  /** Accounts TWS manages for this login, and the one orders go to. */
  accounts: string[];
  account: string | null;
  serverVersion: number | null;
  /** Data farms by name as TWS reported them (2103/2104/2105/2106/2107/2108/2157/2158). */
  farms: Record<string, FarmStatus>;
  /** Next reconnect attempt (epoch ms) while reconnecting. */
  nextAttemptAt: Timestamp | null;
}

export type IbLogLevel = 'info' | 'warning' | 'error';

/** One line of the IB message log: every TWS error and notice with its code, and connection events. */
export interface IbLogEntry {
  at: Timestamp;
  level: IbLogLevel;
  /** IB's message code; null for the adapter's own connection events. */
  code: number | null;
  /** The order or request id TWS named (-1 or null when none). */
  id: number | null;
  text: string;
}

export interface Quote {
  last: number | null;
  bid: number | null;
  ask: number | null;
  /** True when the prices are IB's delayed data (no live subscription on the account). */
  delayed: boolean;
}

/** One completed real-time bar as TWS streams it (reqRealTimeBars: 5-second bars). */
export type RealTimeBar = StreamBar;

/** TWS refused or failed a real-time bar stream (the error's code; null for the adapter's own, e.g. a failed look-up). */
export interface RealTimeBarsError {
  code: number | null;
  text: string;
}

export interface IbAccountSummary {
  account: string;
  netLiquidation: number;
  cash: number;
  buyingPower: number;
  /** Net liquidation now minus at the start of the day; null until a start-of-day value is known. */
  dayPnl: number | null;
  currency: string;
  at: Timestamp;
}

/** NautilusTrader-style reports of one reconciliation: what the broker said and what changed locally. */
export interface OrderStatusReportEntry {
  orderId: string;
  clientOrderRef: string;
  ibOrderId: number;
  permId: number | null;
  before: string;
  after: string;
  source: 'open' | 'completed' | 'unknown' | 'live';
}

export interface FillReportEntry {
  execId: string;
  orderId: string;
  instrument: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
}

export interface PositionReportEntry {
  instrument: string;
  /** What the store knew before (null: nothing) and what IB reports. */
  before: number | null;
  after: number;
}

export interface ReconciliationReport {
  at: Timestamp;
  /** Why it ran: a first connect, a reconnect, connectivity restored (1101/1102), or sync() asked for it. */
  trigger: 'connect' | 'reconnect' | 'restored' | 'manual';
  account: string;
  orders: OrderStatusReportEntry[];
  fills: FillReportEntry[];
  positions: PositionReportEntry[];
  /** Local orders TWS does not know (never reached it, or lost): the trader decides. */
  unknownOrders: string[];
  /** Working orders at TWS that are not this app's (other client ids, manual TWS orders). */
  externalOrders: { permId: number; instrument: string; side: string; quantity: number; status: string }[];
  /** Account values as TWS reported them (NetLiquidation, TotalCashValue, ...). */
  accountValues: Record<string, string>;
}
