import type { CancelAck } from '../../broker/BrokerInterface';
import type { CancelOutcome } from '../../broker/cancelOutcome';
import type { Order } from '../../domain/order';
import type { KillSwitchCancelDto } from '../../ipc/contract/trading';
import type { TradingBroker } from './tradingBroker';

/** How often the kill switch looks for the broker's answers while it waits. */
const POLL_MS = 20;

/**
 * Waits until the broker has answered every cancel in `orderIds` (none is pending), or `waitMs`
 * has passed: the report then says which answers are still missing.
 */
export async function settleCancels(broker: TradingBroker, orderIds: readonly string[], waitMs: number): Promise<void> {
  const pending = (): boolean => orderIds.some((id) => broker.cancelOutcome(id).state === 'pending');
  let left = waitMs;
  while (pending() && left > 0) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    left -= POLL_MS;
  }
}

/** One line of the kill switch report: the order, whether the cancel was taken, and what the broker said. */
export function killSwitchCancelDto(ack: CancelAck, order: Order, outcome: CancelOutcome): KillSwitchCancelDto {
  return {
    orderId: ack.orderId,
    clientOrderRef: order.clientOrderRef,
    instrument: order.instrument,
    side: order.side,
    quantity: order.quantity,
    accepted: ack.accepted,
    reason: ack.reason ?? null,
    outcome: ack.accepted ? outcome.state : 'not_requested',
    detail: ack.accepted ? outcome.detail : (ack.reason ?? null),
  };
}
