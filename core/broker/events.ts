import type { AccountState } from '../domain/portfolio';
import type { Fill, Order, Timestamp } from '../domain/order';

/** Outcomes of commands, in past tense; every mode emits the same events. */
export type BrokerEvent =
  | { type: 'OrderAccepted'; order: Order; at: Timestamp }
  | { type: 'OrderPartiallyFilled'; order: Order; fill: Fill; at: Timestamp }
  | { type: 'OrderFilled'; order: Order; fill: Fill; at: Timestamp }
  | { type: 'OrderCancelled'; order: Order; reason: string; at: Timestamp }
  | { type: 'OrderRejected'; order: Order; reason: string; at: Timestamp }
  | { type: 'AccountChanged'; account: AccountState; at: Timestamp };

export type BrokerEventType = BrokerEvent['type'];
export type BrokerListener = (event: BrokerEvent) => void;
