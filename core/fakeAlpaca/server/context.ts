import type { SimulatorConfig } from '../../config/simulatorSchema';
import type { Market } from '../../fakeTws/market/market';
import type { OrderBook } from '../book/orderBook';
import type { FakeAlpacaFaults, FakeAlpacaState } from '../types';
import type { AlpacaAsset } from '../model';

/** What the REST routes and streams read and act on. */
export interface AlpacaContext {
  readonly market: Market;
  readonly assets: readonly AlpacaAsset[];
  /** Replaced by a new one when the account is reset. */
  readonly book: OrderBook;
  readonly sim: SimulatorConfig;
  readonly accountId: string;
  readonly accountNumber: string;
  readonly createdAt: number;
  readonly faults: FakeAlpacaFaults;
  /** Equity at the previous bar's close (Alpaca's last_equity). */
  lastEquity(): number;
  now(): number;
  /** True once for the order request the lost-response fault was armed for. */
  takeLostOrderResponse(): boolean;
  /** True once for the order request the reject fault was armed for. */
  takeRejectOrder(): boolean;
  step(n: number): void;
  state(): FakeAlpacaState;
}
