import type { Order } from '../../domain/order';
import type { ReconciliationDifferenceDto, UnknownOrderDto } from '../../ipc/contract/trading';
import type { BrokerReconciliation } from './tradingBroker';

/** What the last reconciliation changed or found foreign, one line per difference, for the trader to review. */
export function reconciliationDifferences(r: BrokerReconciliation | null): ReconciliationDifferenceDto[] {
  if (!r) return [];
  const at = r.at;
  return [
    ...r.orders
      .filter((o) => o.before !== o.after)
      .map((o) => ({ ts: at, kind: 'order', instrument: null, detail: `order ${o.orderId}: ${o.before} -> ${o.after} (${o.source})` })),
    ...r.fills.map((f) => ({
      ts: at,
      kind: 'fill',
      instrument: f.instrument,
      detail: `execution ${f.execId} recorded: ${f.side} ${f.quantity} @ ${f.price}`,
    })),
    ...r.positions
      .filter((p) => p.before !== p.after)
      .map((p) => ({ ts: at, kind: 'position', instrument: p.instrument, detail: `position ${p.before ?? 'none'} in our records, ${p.after} at the broker` })),
    ...r.externalOrders.map((o) => ({
      ts: at,
      kind: 'external_order',
      instrument: o.instrument,
      detail: `${o.side} ${o.quantity} (${o.status}, permId ${o.permId}) is working at the broker but was not placed by this app`,
    })),
  ];
}

export function unknownOrderDto(o: Order): UnknownOrderDto {
  return {
    orderId: o.id,
    clientOrderRef: o.clientOrderRef,
    instrument: o.instrument,
    side: o.side,
    quantity: o.quantity,
    detail: o.statusReason ?? 'sent, but the broker knows neither an open nor a completed order by its ref',
  };
}
