import type { Order } from '../../../domain/order';
import type { NewDifference } from '../store/differences';
import type { ReconciliationReport } from '../types';

/**
 * What a reconciliation found that the app's own record did not have, one entry per difference:
 * positions that differ from the last snapshot plus the fills since, and executions the app never
 * saw (both only when the app had a record at all: a first connect adopts the account); orders of
 * ours the broker does not know, and working orders at the broker that are not ours.
 */
export function differencesOf(r: ReconciliationReport, hadRecord: boolean, newlyUnknown: readonly Order[]): NewDifference[] {
  const out: NewDifference[] = [];
  if (hadRecord) {
    for (const p of r.positions) {
      const ours = p.before ?? 0;
      out.push({
        kind: 'position',
        key: p.instrument,
        instrument: p.instrument,
        ours,
        broker: p.after,
        detail: `position ${ours} in our records (last snapshot plus the fills since), ${p.after} at the broker`,
      });
    }
  }
  for (const o of newlyUnknown) {
    out.push({
      kind: 'unknown_order',
      key: o.id,
      instrument: o.instrument,
      ours: null,
      broker: null,
      detail: `order ${o.id} (${o.side} ${o.quantity}, ${o.status}) is not known at the broker: not sent again`,
    });
  }
  for (const x of r.externalOrders) {
    out.push({
      kind: 'external_order',
      key: String(x.permId),
      instrument: x.instrument,
      ours: null,
      broker: x.quantity,
      detail: `${x.side} ${x.quantity} (${x.status}, permId ${x.permId}) is working at the broker but was not placed by this app`,
    });
  }
  for (const f of hadRecord ? r.fills : []) {
    out.push({
      kind: 'unseen_fill',
      key: f.execId,
      instrument: f.instrument,
      ours: null,
      broker: f.quantity,
      detail: `execution ${f.execId} (${f.side} ${f.quantity} @ ${f.price}, order ${f.orderId}) happened while the app was not listening`,
    });
  }
  return out;
}
