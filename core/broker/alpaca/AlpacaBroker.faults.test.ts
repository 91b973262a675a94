import { afterEach, describe, expect, it } from 'vitest';
import { openDifferences } from '../ib/store/differences';
import { eventually, recordEvents, settled, startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const buy = (quantity: number) => ({ instrument: 'AAA', side: 'BUY' as const, type: 'MARKET' as const, quantity, timeInForce: 'DAY' as const });
const fakeOrdersWithRef = (r: AlpacaRig, ref: string) => r.fake.state().orders.filter((o) => o.clientOrderId === ref);
const fillsInStore = (r: AlpacaRig) => (r.db.prepare('SELECT count(*) AS n FROM alpaca_fills').get() as { n: number }).n;

/** Waits until the adapter has reconnected after a drop (it went through a non-ready state and is ready again). */
async function reconnected(r: AlpacaRig, drop: () => void): Promise<void> {
  let left = false;
  const off = r.broker.onConnectionState((s) => {
    if (s.state !== 'ready') left = true;
  });
  drop();
  try {
    await eventually(() => left && r.broker.connectionState.state === 'ready', 'the adapter to reconnect', 10_000);
  } finally {
    off();
  }
}

describe('AlpacaBroker against a failing fake Alpaca', () => {
  it('waits out a 429 on placing an order, checks the order by client_order_id, and places it once', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.rateLimit(2, { retryAfterSeconds: 0, path: '/v2/orders' });
    const ack = rig.broker.submitOrder(buy(5));
    expect(ack.accepted).toBe(true);
    await settled(rig);
    rig.fake.step(1);
    await settled(rig);
    expect(fakeOrdersWithRef(rig, ack.clientOrderRef)).toHaveLength(1);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('FILLED');
    expect(rig.log.some((e) => /429/.test(e.text))).toBe(true);
  });

  it('survives 5xx on its reads during a reconciliation and ends equal to the fake', async () => {
    rig = await startAlpacaRig();
    rig.broker.submitOrder(buy(3));
    rig.fake.step(1);
    await settled(rig);
    rig.fake.faults.serverError(3, { status: 503 });
    await rig.broker.sync();
    await settled(rig);
    expect(rig.log.some((e) => /503/.test(e.text))).toBe(true);
  });

  it('never sends again an order whose POST failed with a 500: it is unknown until the trader decides', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.serverError(1, { status: 500, path: '/v2/orders' });
    const ack = rig.broker.submitOrder(buy(4));
    const r = rig;
    await eventually(() => r.broker.unknownOrders().some((o) => o.id === ack.orderId), 'the order to be marked unknown', 10_000);
    rig.fake.step(2);
    await settled(rig);
    expect(fakeOrdersWithRef(rig, ack.clientOrderRef)).toHaveLength(0);
    expect(fillsInStore(rig)).toBe(0);
    const dismissed = rig.broker.dismissUnknownOrder(ack.orderId);
    expect(dismissed.accepted).toBe(true);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('CANCELLED');
  });

  it('resolves an order whose POST answer was lost by its client_order_id, without a second order or a lost fill', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.loseNextOrderResponse();
    // A limit order that works before it fills: a second POST of it (refused by Alpaca for its
    // client_order_id) would show as a rejection of an order that is working at Alpaca.
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 6, limitPrice: 99.5, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    // The point where a re-sent order would have filled as a second one.
    rig.fake.step(2);
    await settled(rig);
    expect(fakeOrdersWithRef(rig, ack.clientOrderRef)).toHaveLength(1);
    expect(rig.fake.state().orders).toHaveLength(1);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 6 });
    expect(rig.broker.unknownOrders()).toEqual([]);
  });

  it('reconnects to reconcile when an order whose POST failed cannot even be looked up', async () => {
    rig = await startAlpacaRig();
    // The POST fails, then more look-ups than a read's attempts: the session restarts to settle the order.
    rig.fake.faults.serverError(8, { status: 503, path: '/v2/orders' });
    const ack = rig.broker.submitOrder(buy(2));
    const r = rig;
    await eventually(() => r.log.some((e) => /reconnecting to reconcile/.test(e.text)), 'the session to restart', 10_000);
    await eventually(() => r.broker.lastReconciliation()?.unknownOrders.includes(ack.orderId), 'a reconciliation to find the order unknown', 10_000);
    expect(rig.broker.unknownOrders().map((o) => o.id)).toEqual([ack.orderId]);
    rig.fake.step(1);
    await settled(rig);
    expect(fakeOrdersWithRef(rig, ack.clientOrderRef)).toHaveLength(0);
    expect(openDifferences(rig.db, 'PAPER').map((d) => [d.kind, d.key])).toEqual([['unknown_order', ack.orderId]]);
  });

  it('counts duplicated trade updates once', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.duplicateEvents(true);
    const events = recordEvents(rig.broker);
    const ack = rig.broker.submitOrder(buy(2));
    rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'LIMIT', quantity: 3, limitPrice: 20, timeInForce: 'GTC' });
    await settled(rig);
    rig.fake.step(1);
    await settled(rig);
    expect(events.filter((e) => e.type === 'OrderFilled' && e.order.id === ack.orderId)).toHaveLength(1);
    expect(events.filter((e) => e.type === 'OrderAccepted')).toHaveLength(2);
    expect(fillsInStore(rig)).toBe(1);
  });

  it('takes fills that come late', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.delayFills({ steps: 2 });
    const ack = rig.broker.submitOrder(buy(7));
    rig.fake.step(1);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    rig.fake.step(2);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('FILLED');
  });

  it('reconnects after the trade_updates stream drops and learns the fills it missed, once', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 8, limitPrice: 99.5, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    const r = rig;
    const reports: string[] = [];
    rig.broker.onReconciliation((rep) => reports.push(rep.trigger));
    // The fill happens while the stream is down: the reconciliation must find it.
    await reconnected(rig, () => {
      r.fake.faults.dropTradeStream(0);
      r.fake.step(1);
    });
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 8 });
    expect(fillsInStore(rig)).toBe(1);
    expect(rig.fake.state().orders).toHaveLength(1);
    // Learnt from Alpaca, not from the stream: shown to the trader as a fill the app did not see happen.
    expect(rig.broker.lastReconciliation()?.fills).toHaveLength(1);
    expect(reports).toEqual(['reconnect']);
    const diffs = openDifferences(rig.db, 'PAPER');
    expect(diffs.map((d) => d.kind)).toEqual(['position', 'unseen_fill']);
    expect(diffs[0]).toMatchObject({ instrument: 'AAA', ours: 0, broker: 8 });
  });

  it('takes a burst of orders through duplicated events, a stream drop and a 429, losing and doubling nothing', async () => {
    rig = await startAlpacaRig();
    rig.fake.faults.duplicateEvents(true);
    rig.fake.faults.dropTradeStream(25);
    rig.fake.faults.rateLimit(3, { retryAfterSeconds: 0, path: '/v2/orders' });
    const acks = rig.broker.submitOrders(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0 ? buy(1 + (i % 5)) : { instrument: 'BBB', side: 'BUY' as const, type: 'LIMIT' as const, quantity: 2, limitPrice: 49.5, timeInForce: 'GTC' as const },
      ),
    );
    expect(acks.every((a) => a.accepted)).toBe(true);
    await settled(rig, rig.broker, 15_000);
    rig.fake.step(1);
    await settled(rig, rig.broker, 15_000);
    const fake = rig.fake.state();
    expect(fake.orders).toHaveLength(30);
    expect(new Set(fake.orders.map((o) => o.clientOrderId)).size).toBe(30);
    expect(fillsInStore(rig)).toBe(fake.fills.length);
    expect(acks.map((a) => rig?.broker.getOrderStatus(a.orderId)?.status)).toEqual(acks.map(() => 'FILLED'));
    expect(rig.log.some((e) => /connection lost/.test(e.text))).toBe(true);
    expect(rig.log.some((e) => /429/.test(e.text))).toBe(true);
  });

  it('shows the positions lost in an emptied account as differences, without rewriting history', async () => {
    rig = await startAlpacaRig();
    const filled = rig.broker.submitOrder(buy(10));
    rig.fake.step(1);
    await settled(rig);
    const working = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 10, timeInForce: 'GTC' });
    await settled(rig);
    const r = rig;
    await reconnected(rig, () => {
      r.fake.faults.resetAccount();
      r.fake.faults.dropTradeStream(0);
    });
    await r.broker.idle();
    const diffs = openDifferences(rig.db, 'PAPER');
    expect(diffs.find((d) => d.kind === 'position' && d.instrument === 'AAA')).toMatchObject({ ours: 10, broker: 0 });
    expect(diffs.find((d) => d.kind === 'unknown_order')?.key).toBe(working.orderId);
    expect(rig.broker.getOrderStatus(filled.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 10 });
    expect(fillsInStore(rig)).toBe(1);
    expect(rig.broker.getPositions()).toEqual([]);
    expect(rig.broker.getAccountState().cash).toBeCloseTo(rig.fake.state().cash, 2);
  });

  it('keeps the keys out of errors and logs when Alpaca refuses them', async () => {
    rig = await startAlpacaRig({ connect: false });
    const broker = rig.reopen();
    const secret = 'wrong-secret-Zq81';
    const err = await broker.connect({ ...rig.target(), secretKey: secret }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/refused the keys/);
    expect((err as Error).message).not.toContain(secret);
    expect(rig.log.length).toBeGreaterThan(0);
    for (const e of rig.log) expect(e.text).not.toContain(secret);
    expect(broker.connectionState.state).toBe('disconnected');
    // A whole session with the right keys leaves neither key anywhere in the database.
    await broker.connect(rig.target());
    await broker.qualifyInstrument('AAA');
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' });
    rig.fake.step(1);
    await settled(rig, broker);
    const tables = (rig.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const dump = tables.map((t) => JSON.stringify(rig?.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
    expect(dump).toContain('AAA');
    expect(dump).not.toContain(rig.fake.secretKey);
    expect(dump).not.toContain(rig.fake.keyId);
    for (const e of rig.log) expect(e.text).not.toContain(rig.fake.secretKey);
  });

  it('refuses orders while not connected, and an order it refused is stored as rejected', async () => {
    rig = await startAlpacaRig();
    rig.broker.disconnect();
    const ack = rig.broker.submitOrder(buy(1));
    expect(ack).toMatchObject({ accepted: false });
    expect(ack.reason).toMatch(/not connected to Alpaca/);
    expect(rig.fake.state().orders).toHaveLength(0);
    const stored = rig.db.prepare('SELECT status FROM orders WHERE id = ?').get(ack.orderId) as { status: string };
    expect(stored.status).toBe('REJECTED');
  });
});
