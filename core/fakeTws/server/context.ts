import type { SimulatorConfig } from '../../config/simulatorSchema';
import type { Exchange } from '../market/exchange';
import type { Market } from '../market/market';
import type { Refusal } from '../market/orderChecks';
import type { Session } from './session';

/**
 * How the next placeOrder loses its connection: `unseen` - the order is discarded as if it never
 * arrived; `beforeAck` - the order is accepted and works, but the socket closes before any reply;
 * `afterAck` - the socket closes right after the order's acknowledgement (and any immediate fill).
 */
export type DropMode = 'unseen' | 'beforeAck' | 'afterAck';

/** Armed faults; one-shot ones are cleared when they fire. */
export interface FaultState {
  dropNextOrder: DropMode | null;
  clientIdInUse: Set<number>;
  fillsWithoutOrderStatus: boolean;
  duplicateExecDetails: boolean;
  rejectNext: Refusal | null;
  pacingNext: boolean;
  marketDataNotSubscribed: boolean;
  /** The next real-time bar is sent with its high and low swapped (a bar no client should accept). */
  malformedRealTimeBar: boolean;
}

/** What request handlers see of the server. */
export interface TwsContext {
  readonly market: Market;
  readonly exchange: Exchange;
  readonly accountId: string;
  readonly sim: SimulatorConfig;
  readonly faults: FaultState;
  readonly sessions: ReadonlySet<Session>;
  log(line: string): void;
  /** The id NEXT_VALID_ID reports to this client. */
  nextValidIdFor(clientId: number): number;
  /** Remembers an order id a client used, so later NEXT_VALID_IDs stay above it. */
  noteOrderId(clientId: number, orderId: number): void;
  /** Wall clock, ms. */
  now(): number;
}
