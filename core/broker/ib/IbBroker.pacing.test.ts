import { afterEach, describe, expect, it } from 'vitest';
import { runKillSwitch } from '../../engine/risk/killSwitch';
import { QUEUED_REASON } from './orders/commandDeps';
import { eventually, settled, startRig, type IbRig } from './testing/ibRig';

/** Orders held back by the client's message pacing are queued until they leave the process (issue 14 §2). */

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface StoredOrder {
  id: string;
  client_order_ref: string;
  status: string;
  status_reason: string | null;
  left_at: number | null;
}

const BURST = 80;

describe('IbBroker message pacing', () => {
  it('a burst of 80 orders killed mid-way: the store tells which left and which never did, and the kill switch report matches the fake', async () => {
    // 50 messages a second: the library lets 5 out every 100 ms and holds the rest.
    rig = await startRig({ broker: { maxReqPerSec: 50 } });
    const acks = Array.from({ length: BURST }, (_, i) =>
      rig?.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 50 + (i % 10), timeInForce: 'GTC' }),
    );
    expect(acks.every((a) => a?.accepted)).toBe(true);
    const stored = (): StoredOrder[] =>
      (rig?.db.prepare('SELECT o.id, o.client_order_ref, o.status, o.status_reason, i.left_at FROM orders o JOIN ib_orders i USING (client_order_ref) ORDER BY o.row').all() ?? []) as StoredOrder[];
    expect(stored().filter((o) => o.left_at === null).length).toBeGreaterThan(0);
    expect(stored().filter((o) => o.left_at === null).every((o) => o.status_reason === QUEUED_REASON)).toBe(true);
    await eventually(() => stored().filter((o) => o.left_at !== null).length >= 10, 'some orders to leave');

    const report = await runKillSwitch(rig.broker, { flatten: false, at: 1 });
    expect(report.cancelled).toHaveLength(BURST);
    const withdrawn = new Set(report.cancelled.filter((c) => c.reason?.startsWith('withdrawn')).map((c) => c.orderId));
    expect(withdrawn.size).toBeGreaterThan(0);
    expect(withdrawn.size).toBeLessThan(BURST);
    expect(report.cancelled.every((c) => c.accepted)).toBe(true);

    await settled(rig, rig.broker, 10_000);
    const after = stored();
    const seenAtFake = new Set(rig.tws.snapshot().orders.map((o) => o.orderRef));
    // What left is what the fake saw, and the kill switch cancelled there; what never left stayed here.
    expect(after.filter((o) => o.left_at !== null).map((o) => o.client_order_ref).sort()).toEqual([...seenAtFake].sort());
    expect(after.filter((o) => withdrawn.has(o.id)).every((o) => o.left_at === null && o.status === 'CANCELLED' && !seenAtFake.has(o.client_order_ref))).toBe(true);
    expect(after.filter((o) => !withdrawn.has(o.id)).every((o) => seenAtFake.has(o.client_order_ref))).toBe(true);
    expect(rig.tws.snapshot().orders.every((o) => o.status === 'Cancelled')).toBe(true);
    expect(after.every((o) => o.status === 'CANCELLED')).toBe(true);
  });
});
