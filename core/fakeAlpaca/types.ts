import type { SimulatorConfig } from '../config/simulatorSchema';
import type { BarSeries } from '../data/BarSeries';
import type { AlpacaOrderClass, AlpacaOrderType, AlpacaSide, AlpacaStatus, AlpacaTif } from './model';

export const DEMO_KEY_ID = 'FAKEALPACAKEYID';
export const DEMO_SECRET_KEY = 'fake-alpaca-secret-key';

export interface FakeAlpacaOptions {
  /** Bars to replay from CSV files; default the seeded synthetic market (see `series`). */
  csv?: { file: string; symbol: string }[];
  /** The market as series (tests); wins over `csv`. Default: 20 synthetic symbols over 10 years, seed 1. */
  series?: BarSeries[];
  /** Default DEMO_KEY_ID / DEMO_SECRET_KEY. */
  keyId?: string;
  secretKey?: string;
  /** 'manual' (default): only step() moves the market; {intervalMs}: one bar per interval. */
  clock?: 'manual' | { intervalMs: number };
  /** Port of the trading server (0 = ephemeral, the default); the data server takes the next free one. */
  port?: number;
  /** Port of the market-data server; default 0 (ephemeral). */
  dataPort?: number;
  /** Calendar step the replay starts at; default 252 (a year of history), or the last bar of shorter data. */
  startBar?: number;
  /** Default 100,000 (Alpaca's paper default). */
  initialCash?: number;
  /** Fill and cost models; default the backtest defaults with Alpaca's zero commission. */
  sim?: SimulatorConfig;
  /** Seed of the touch-fill lottery; default 1. */
  seed?: number;
  /** Wall clock, ms (order and fill times); default Date.now. */
  now?: () => number;
  log?: (line: string) => void;
}

/** Scriptable failures; each can be armed at any time and affects what happens next. */
export interface FakeAlpacaFaults {
  /** The next `count` REST requests (under `path`, a path prefix, when given) get 429 with Retry-After. */
  rateLimit(count?: number, opts?: { retryAfterSeconds?: number; path?: string }): void;
  /** The next `count` REST requests (under `path` when given) get 500 or 503. */
  serverError(count?: number, opts?: { status?: 500 | 503; path?: string }): void;
  /** Closes every trade_updates socket now (0), or after the next `afterEvents` events have been sent. */
  dropTradeStream(afterEvents?: number): void;
  /** Closes every market-data socket now (clients reconnect and subscribe again). */
  dropDataStream(): void;
  /** Every trade_updates event is sent twice. */
  duplicateEvents(on?: boolean): void;
  /** Orders placed from now on fill no earlier than `ms` later and/or `steps` bars later; null ends it. */
  delayFills(delay: { ms?: number; steps?: number } | null): void;
  /** The next POST /v2/orders is accepted (and works), but its socket is closed before any response. */
  loseNextOrderResponse(): void;
  /** The next POST /v2/orders is accepted (answered), then rejected: status rejected, trade update `rejected`. */
  rejectNextOrder(): void;
  /** An emptied account: no orders, fills or positions, the initial cash. Streams stay connected. */
  resetAccount(): void;
  /** Disarms every fault. */
  clear(): void;
}

export interface FakeAlpacaOrderState {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: AlpacaSide;
  type: AlpacaOrderType;
  timeInForce: AlpacaTif;
  orderClass: AlpacaOrderClass;
  qty: number;
  notional: number | null;
  limitPrice: number | null;
  stopPrice: number | null;
  status: AlpacaStatus;
  filledQty: number;
  filledAvgPrice: number;
  parentId: string | null;
  replaces: string | null;
  replacedBy: string | null;
}

export interface FakeAlpacaFillState {
  id: string;
  orderId: string;
  clientOrderId: string;
  symbol: string;
  side: AlpacaSide;
  qty: number;
  price: number;
  /** Wall-clock ms. */
  time: number;
}

export interface FakeAlpacaPositionState {
  symbol: string;
  /** Signed: negative when short. */
  qty: number;
  avgEntryPrice: number;
}

export interface FakeAlpacaState {
  /** Market time: epoch ms of the current bar. */
  marketTime: number;
  cash: number;
  equity: number;
  buyingPower: number;
  orders: FakeAlpacaOrderState[];
  /** Held positions only. */
  positions: FakeAlpacaPositionState[];
  fills: FakeAlpacaFillState[];
}

/** Where clients connect; the field names are core/broker/alpaca/alpacaTarget.ts's AlpacaTarget. */
export interface FakeAlpaca {
  readonly tradingBaseUrl: string;
  readonly dataBaseUrl: string;
  /** The trade_updates WebSocket (…/stream). */
  readonly tradingStreamUrl: string;
  /** The market-data WebSocket root: feeds are at …/v2/iex and …/v2/sip. */
  readonly dataStreamUrl: string;
  readonly keyId: string;
  readonly secretKey: string;
  /** The market's symbols, in series order. */
  readonly symbols: readonly string[];
  /** Advances the replay by `n` bars (default 1); working orders are matched on each. */
  step(n?: number): void;
  /** Last price of a symbol (the current bar's close). Throws for an unknown symbol. */
  price(symbol: string): number;
  readonly faults: FakeAlpacaFaults;
  state(): FakeAlpacaState;
  close(): Promise<void>;
}
