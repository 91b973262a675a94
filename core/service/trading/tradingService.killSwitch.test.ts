import { afterEach, describe, expect, it } from 'vitest';
import { EXACT_SIM, TEST_TIMINGS } from '../../broker/ib/testing/ibRig';
import { dailySeries } from '../../data/seriesFromBars';
import { startFakeTws, type FakeTws } from '../../fakeTws/index';
import { eventually } from '../../fakeTws/testing/ibTestClient';
import type { KillSwitchCancelDto } from '../../ipc/contract/trading';
import { brokerFactory } from './brokerFactory';
import { tradingHarness } from './tradingTestHarness';

/**
 * The kill switch report against the fake TWS over loopback (issue 14 §2): per order, whether TWS
 * confirmed the cancel, did not know the order, or the order never left the app.
 */

const market = () => [dailySeries('AAA', Array.from({ length: 40 }, () => [100, 101, 99, 100]))];

let tws: FakeTws | null = null;
let h: ReturnType<typeof tradingHarness> | null = null;

afterEach(async () => {
  await h?.close();
  await tws?.close();
  h = null;
  tws = null;
});

async function connected(maxReqPerSec: number) {
  tws = await startFakeTws({ port: 0, series: market(), startBar: 5, sim: EXACT_SIM });
  const t = tradingHarness((settings, db) => brokerFactory(db, { ib: { ...TEST_TIMINGS, maxReqPerSec } })(settings));
  h = t;
  expect((await t.service.connect({ preset: 'custom', port: tws.port, clientId: 21 })).state).toBe('ready');
  t.service.quote('AAA', 'subscribe');
  await eventually(() => t.service.state().quotes.length === 1 && t.service.state().account !== null, 'a quote and the account', 5_000);
  return t;
}

interface StoredOrder {
  id: string;
  ref: string;
  status: string;
  left_at: number | null;
}

const byOutcome = (cancelled: readonly KillSwitchCancelDto[], outcome: KillSwitchCancelDto['outcome']): string[] =>
  cancelled.filter((c) => c.outcome === outcome).map((c) => c.clientOrderRef).sort();

describe('kill switch report with IbBroker and the fake TWS', () => {
  it('a burst of 80 orders killed mid-way: the store shows which left and which never did, and the report matches what the fake saw', async () => {
    // 50 messages a second: the client library lets 5 out every 100 ms and holds the rest.
    const t = await connected(50);
    const sent = [];
    for (let i = 0; i < 80; i++) {
      sent.push(await t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 96 + (i % 4), timeInForce: 'GTC', confirm: false }));
    }
    expect(sent.every((s) => s.accepted)).toBe(true);
    const stored = (): StoredOrder[] =>
      t.db.prepare('SELECT o.id, o.client_order_ref AS ref, o.status, i.left_at FROM orders o JOIN ib_orders i USING (client_order_ref) ORDER BY o.row').all() as StoredOrder[];
    await eventually(() => stored().filter((o) => o.left_at !== null).length >= 10, 'some orders to leave', 5_000);
    expect(stored().some((o) => o.left_at === null)).toBe(true);

    const report = await t.service.killSwitch({ flatten: false, confirm: true });

    expect(report.cancelled).toHaveLength(80);
    const atFake = tws?.snapshot().orders ?? [];
    const seen = atFake.map((o) => o.orderRef).sort();
    // Every order the fake saw was cancelled there, and the report says TWS confirmed exactly those.
    expect(atFake.every((o) => o.status === 'Cancelled')).toBe(true);
    expect(byOutcome(report.cancelled, 'confirmed')).toEqual(seen);
    // The rest never left the app: the report, the store and the fake agree.
    const neverSent = byOutcome(report.cancelled, 'never_sent');
    expect(neverSent.length).toBeGreaterThan(0);
    expect(neverSent.length + seen.length).toBe(80);
    const after = stored();
    expect(after.filter((o) => o.left_at === null).map((o) => o.ref).sort()).toEqual(neverSent);
    expect(after.filter((o) => o.left_at !== null).map((o) => o.ref).sort()).toEqual(seen);
    expect(after.every((o) => o.status === 'CANCELLED')).toBe(true);
    expect(report.cancelled.find((c) => c.outcome === 'never_sent')?.detail).toMatch(/withdrawn/);
    expect(t.service.state().lastKillSwitch).toEqual(report);
  });

  it('reports an order TWS did not know (10147) apart from the cancels it confirmed', async () => {
    const t = await connected(1_000);
    tws?.faults.dropOnNextOrder('unseen');
    const lost = await t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 2, limitPrice: 97, timeInForce: 'GTC', confirm: false });
    await eventually(() => t.service.state().unknownOrders.length === 1 && t.service.state().connection.state === 'ready', 'the lost order found unknown', 5_000);
    const kept = await t.service.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 3, limitPrice: 98, timeInForce: 'GTC', confirm: false });
    await eventually(() => t.service.state().openOrders.some((o) => o.id === kept.orderId && o.status === 'ACCEPTED'), 'the second order working', 5_000);

    const report = await t.service.killSwitch({ flatten: false, confirm: true });

    const outcome = (id: string | null) => report.cancelled.find((c) => c.orderId === id);
    expect(outcome(kept.orderId)).toMatchObject({ outcome: 'confirmed', quantity: 3 });
    expect(outcome(lost.orderId)).toMatchObject({ outcome: 'not_found', quantity: 2, detail: expect.stringMatching(/10147/) });
    expect(tws?.snapshot().orders.map((o) => [o.orderRef, o.status])).toEqual([[kept.clientOrderRef, 'Cancelled']]);
  });
});
