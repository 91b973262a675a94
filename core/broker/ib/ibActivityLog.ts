import type { BrokerEvent, BrokerEventType } from '../events';
import { logFor, type Log } from '../../log/log';

/** A line of a broker's message log: IB's carry the order or request id TWS named. */
interface ActivityLogEntry {
  level: 'info' | 'warning' | 'error';
  code: number | null;
  id?: number | null;
  text: string;
}

/** What of a broker adapter (IB's or Alpaca's) the log listens to: its message log, its connection states and its order events. */
export interface IbActivitySource {
  onLog(listener: (e: ActivityLogEntry) => void): () => void;
  onConnectionState(listener: (s: { state: string; reason: string | null; code?: number | null }) => void): () => void;
  subscribe(listener: (e: BrokerEvent) => void, types?: readonly BrokerEventType[]): () => void;
}

const ORDER_EVENTS: readonly BrokerEventType[] = ['OrderSubmitted', 'OrderAccepted', 'OrderPartiallyFilled', 'OrderFilled', 'OrderCancelled', 'OrderRejected'];

function orderLine(e: BrokerEvent, log: Log): void {
  if (e.type === 'AccountChanged') return;
  const o = e.order;
  const fields = { orderId: o.id, ref: o.clientOrderRef, symbol: o.instrument, side: o.side, qty: o.quantity, mode: o.mode };
  const what = `${o.side} ${o.quantity} ${o.instrument} ${o.type}`;
  switch (e.type) {
    case 'OrderSubmitted':
      return log.info(`order sent: ${what}`, fields);
    case 'OrderAccepted':
      return log.info(`order accepted: ${what}`, fields);
    case 'OrderPartiallyFilled':
    case 'OrderFilled':
      return log.info(`order ${e.type === 'OrderFilled' ? 'filled' : 'partially filled'}: ${e.fill.quantity} ${o.instrument} at ${e.fill.price}`, {
        ...fields,
        fillId: e.fill.id,
        commission: e.fill.commission,
      });
    case 'OrderCancelled':
      return log.info(`order cancelled: ${what}: ${e.reason}`, fields);
    case 'OrderRejected':
      return log.warn(`order rejected: ${what}: ${e.reason}`, fields);
  }
}

/**
 * Writes the IB adapter's activity into the engine log: every TWS message (with its code and id),
 * each connection state change (with its reason), and order events. Answers the unsubscribe.
 */
export function logIbActivity(broker: IbActivitySource, log: Log = logFor('ib')): () => void {
  let lastState = '';
  const offs = [
    broker.onLog((e) => {
      const fields = { code: e.code, id: e.id ?? null };
      if (e.level === 'error') log.error(e.text, fields);
      else if (e.level === 'warning') log.warn(e.text, fields);
      else log.info(e.text, fields);
    }),
    broker.onConnectionState((s) => {
      const line = `connection ${s.state}${s.reason ? `: ${s.reason}` : ''}`;
      // The status is re-announced on every farm notice; the log keeps changes only.
      if (line === lastState) return;
      lastState = line;
      if (s.state === 'disconnected' && s.reason) log.warn(line, { code: s.code ?? null });
      else log.info(line, { code: s.code ?? null });
    }),
    broker.subscribe((e) => orderLine(e, log), ORDER_EVENTS),
  ];
  return () => {
    for (const off of offs) off();
  };
}
