import type { Timestamp } from '../domain/order';
import type { Kernel } from '../engine/kernel/kernel';
import type { BacktestBroker } from '../sim/BacktestBroker';
import type { RunSink } from './RunSink';

/** The intent of the orders close_at_end sends, and the executed_actions entry that records it. */
export const CLOSE_AT_END = 'CLOSE_AT_END';
export const CLOSE_AT_END_REASON = 'the run ended (close_at_end)';

/**
 * `close_at_end: true`: at the last session's close, cancels what still works and sends a market order
 * against every position, filled at that close with the simulator's costs, as a same_close fill is. So
 * they are orders, fills and trades like any other. What the close cannot take (the participation cap,
 * an instrument without a bar that session) stays held and is listed as an open trade.
 */
export function closeAtEnd(kernel: Kernel, broker: BacktestBroker, asOf: Timestamp, sink: RunSink | undefined): void {
  broker.cancelAll(CLOSE_AT_END_REASON);
  const portfolio = broker.portfolio;
  const held = [...portfolio.heldIndices()];
  if (held.length === 0) return;
  for (const i of held) {
    const q = portfolio.qty[i];
    kernel.submitOrder({
      instrument: portfolio.instruments[i],
      side: q > 0 ? 'SELL' : 'BUY',
      type: 'MARKET',
      quantity: Math.abs(q),
      timeInForce: 'DAY',
      metadata: { action: CLOSE_AT_END },
    }, 'engine');
  }
  broker.processDecision();
  // Nothing trades after the last close: a remainder is cancelled, not left working.
  broker.cancelAll(`${CLOSE_AT_END_REASON}: not filled at the last close`);
  const stillHeld = [...portfolio.heldIndices()].map((i) => portfolio.instruments[i]);
  sink?.action(asOf, CLOSE_AT_END, null, { positions: held.length, stillHeld });
}
