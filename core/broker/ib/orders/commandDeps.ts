import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../../events';
import type { SessionScope } from '../connection/sessionScope';
import type { ContractRegistry } from '../marketData/contracts';
import type { LiveMode } from '../store/ibStore';
import type { IbConnectionState, IbLogEntry, Quote } from '../types';
import type { OrderIdAllocator } from './idAllocator';
import type { OrderBook } from './orderBook';
import type { IbOrderLink } from './trackedOrder';

/** What order commands see of the connection. */
export interface ConnectionView {
  state(): IbConnectionState;
  reason(): string | null;
  scope(): SessionScope | null;
  account(): string | null;
  clientId(): number | null;
}

export interface CommandDeps {
  db: Database.Database;
  mode: LiveMode;
  book: OrderBook;
  contracts: ContractRegistry;
  allocator: OrderIdAllocator;
  connection: ConnectionView;
  now: () => number;
  emit: (e: BrokerEvent) => void;
  log: (level: IbLogEntry['level'], text: string, id?: number) => void;
  /** The latest quote of a symbol, when one is streaming. */
  quote: (symbol: string) => Quote | null;
}

/** The link of an order not (yet) sent: no ids, nothing heard from TWS. */
export const NO_LINK: IbOrderLink = {
  account: null,
  clientId: null,
  ibOrderId: null,
  permId: null,
  conId: null,
  ibStatus: null,
  acknowledged: false,
  unknown: false,
  cancelRequested: false,
  referencePrice: null,
  leftAt: null,
};

/** statusReason of an order still waiting in the client's message pacing. */
export const QUEUED_REASON = 'queued: waiting in the client library\'s message pacing, not yet sent to TWS';
