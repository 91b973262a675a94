import type { BrokerInterface, CancelAck, SubmitAck } from '../../broker/BrokerInterface';
import type { Side } from '../../domain/enums';
import type { OrderRequest, Timestamp } from '../../domain/order';

export interface FlattenOrder {
  instrument: string;
  side: Side;
  quantity: number;
  ack: SubmitAck;
}

export interface KillSwitchReport {
  at: Timestamp;
  /** One acknowledgement per order that was open, in the broker's order. */
  cancelled: CancelAck[];
  /** The market orders sent to close positions: sells (closing longs) first, then buys. Empty without flatten. */
  flatten: FlattenOrder[];
}

/** What flattening a position tags its order with, so records show why it was sent. */
export const KILL_SWITCH_INTENT = 'KILL_SWITCH';

export interface KillSwitchOptions {
  flatten: boolean;
  at: Timestamp;
  /**
   * Readies an instrument for an order before the flattening orders go out (a broker that must look
   * symbols up first). A failure is not fatal: that order is then refused, and the report says why.
   */
  prepare?: (instrument: string) => Promise<unknown>;
}

/**
 * Cancels every open order at once and, with `flatten`, closes every position with a market order.
 * Sells go first so that closing longs frees buying power before shorts are bought back. Bypasses
 * the risk checks and the circuit breaker on purpose: it only ever reduces exposure.
 */
export async function runKillSwitch(broker: BrokerInterface, opts: KillSwitchOptions): Promise<KillSwitchReport> {
  const open = broker.getOpenOrders();
  const cancelled = open.length > 0 ? broker.cancelOrders(open.map((o) => o.id)) : [];
  const flatten: FlattenOrder[] = [];
  if (opts.flatten) {
    const held = broker.getPositions().filter((p) => p.quantity !== 0);
    const { prepare } = opts;
    if (prepare) await Promise.all(held.map((p) => prepare(p.instrument).catch(() => undefined)));
    const ordered = [...held.filter((p) => p.quantity > 0), ...held.filter((p) => p.quantity < 0)];
    for (const p of ordered) {
      const request: OrderRequest = {
        instrument: p.instrument,
        side: p.quantity > 0 ? 'SELL' : 'BUY',
        type: 'MARKET',
        quantity: Math.abs(p.quantity),
        timeInForce: 'DAY',
        metadata: { intent: KILL_SWITCH_INTENT },
      };
      flatten.push({ instrument: p.instrument, side: request.side, quantity: request.quantity, ack: broker.submitOrder(request) });
    }
  }
  return { at: opts.at, cancelled, flatten };
}
