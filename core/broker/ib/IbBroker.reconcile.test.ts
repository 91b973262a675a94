import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import { IbBroker } from './IbBroker';
import { acknowledgeDifference, openDifferences } from './store/differences';
import { TEST_TIMINGS, eventually, restartEmpty, settled, startRig, type IbRig } from './testing/ibRig';

/** Reconciliation against the app's own record (issue 14 §2): differences are stored until the trader acknowledges them. */

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const count = (r: IbRig, table: string): number => (r.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE mode = 'PAPER'`).get() as { n: number }).n;

describe('IbBroker reconciliation differences', () => {
  it('a reconnect to an emptied account shows the lost position and the lost order, and keeps every fill and order', async () => {
    rig = await startRig();
    const bought = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    const working = rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 40, timeInForce: 'GTC' });
    await settled(rig);
    expect(openDifferences(rig.db, 'PAPER')).toEqual([]);
    const ordersBefore = rig.db.prepare('SELECT id, status, filled_quantity FROM orders ORDER BY row').all();
    const fillsBefore = rig.db.prepare('SELECT id, quantity, price FROM fills ORDER BY row').all();

    const wasReady = rig.broker.connectionState.since;
    await restartEmpty(rig);
    await eventually(() => rig?.broker.connectionState.state === 'ready' && rig.broker.connectionState.since !== wasReady, 'a reconnect to the emptied fake');

    const diffs = openDifferences(rig.db, 'PAPER');
    expect(diffs).toEqual([
      expect.objectContaining({ kind: 'position', key: 'AAA', instrument: 'AAA', ours: 10, broker: 0 }),
      expect.objectContaining({ kind: 'unknown_order', key: working.orderId, instrument: 'BBB' }),
    ]);
    // History is not rewritten: the fill and both orders stay as they were (the working one is marked unknown, not cancelled).
    expect(rig.db.prepare('SELECT id, quantity, price FROM fills ORDER BY row').all()).toEqual(fillsBefore);
    expect(rig.db.prepare('SELECT id, status, filled_quantity FROM orders ORDER BY row').all()).toEqual(ordersBefore);
    expect(rig.broker.getOrderStatus(bought.orderId)?.status).toBe('FILLED');
    expect(rig.broker.unknownOrders().map((o) => o.id)).toEqual([working.orderId]);

    // Acknowledged differences leave; the next reconciliation raises neither again (the account now agrees with the snapshot).
    for (const d of diffs) expect(acknowledgeDifference(rig.db, 'PAPER', d.id, 1)).toBe(true);
    await rig.broker.sync();
    expect(openDifferences(rig.db, 'PAPER')).toEqual([]);
    expect(count(rig, 'ib_differences')).toBe(2);
  });

  it('a fill made while the app was away is a difference, and so is the position it moved', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 4, limitPrice: 91, timeInForce: 'GTC' });
    await settled(rig);
    rig.broker.disconnect();
    rig.tws.step(3);
    await eventually(() => (rig?.tws.snapshot().executions.length ?? 0) === 1, 'the order to fill at the fake');
    const again = rig.reopen();
    await again.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    const diffs = openDifferences(rig.db, 'PAPER');
    expect(diffs.map((d) => [d.kind, d.instrument, d.ours, d.broker])).toEqual([
      ['position', 'AAA', 0, 4],
      ['unseen_fill', 'AAA', null, 4],
    ]);
    expect(diffs[1]?.detail).toContain(ack.orderId);
  });

  it('a first connect adopts the account: positions held before the app ever ran are not differences', async () => {
    rig = await startRig();
    rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    await settled(rig);
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'fresh.db'));
    const fresh = new IbBroker({ mode: 'PAPER', db, ...TEST_TIMINGS });
    try {
      await fresh.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId + 1 });
      expect(fresh.getPositions().map((p) => [p.instrument, p.quantity])).toEqual([['AAA', 10]]);
      expect(openDifferences(db, 'PAPER')).toEqual([]);
      // From then on the app has a record: another client's sale moves the position behind its back.
      rig.broker.submitOrder({ instrument: 'AAA', side: 'SELL', type: 'MARKET', quantity: 3, timeInForce: 'DAY' });
      await settled(rig);
      await fresh.sync();
      expect(openDifferences(db, 'PAPER').map((d) => [d.kind, d.ours, d.broker])).toEqual([
        ['position', 10, 7],
        ['unseen_fill', null, 3],
      ]);
    } finally {
      fresh.disconnect();
      db.close();
      cleanup();
    }
  });
});
