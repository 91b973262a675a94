import type { AccountState } from '../domain/portfolio';
import type { Fill, Order, Timestamp } from '../domain/order';

/**
 * Outcomes of commands, in past tense; every mode emits the same events. OrderSubmitted: the order
 * left for a broker that has yet to acknowledge it; OrderAccepted: the venue took it (a simulator
 * takes it at once, so it emits OrderAccepted alone).
 */
export type BrokerEvent =
  | { type: 'OrderSubmitted'; order: Order; at: Timestamp }
  | { type: 'OrderAccepted'; order: Order; at: Timestamp }
  | { type: 'OrderPartiallyFilled'; order: Order; fill: Fill; at: Timestamp }
  | { type: 'OrderFilled'; order: Order; fill: Fill; at: Timestamp }
  | { type: 'OrderCancelled'; order: Order; reason: string; at: Timestamp }
  | { type: 'OrderRejected'; order: Order; reason: string; at: Timestamp }
  | { type: 'AccountChanged'; account: AccountState; at: Timestamp };

export type BrokerEventType = BrokerEvent['type'];
export type BrokerListener = (event: BrokerEvent) => void;
