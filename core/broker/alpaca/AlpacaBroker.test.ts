import { afterEach, describe, expect, it } from 'vitest';
import { eventually, recordEvents, settled, startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

let rig: AlpacaRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('AlpacaBroker', () => {
  it('modifies a working limit order by replacing it at Alpaca, and it fills at the new price', async () => {
    rig = await startAlpacaRig();
    const events = recordEvents(rig.broker);
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 4, limitPrice: 50, timeInForce: 'GTC' });
    await settled(rig);
    rig.fake.step(1);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    expect(rig.broker.modifyOrder(ack.orderId, { limitPrice: 60, quantity: 6 }).accepted).toBe(true);
    await rig.broker.idle();
    expect(rig.broker.getOpenOrders().find((o) => o.id === ack.orderId)).toMatchObject({ limitPrice: 60, quantity: 6, status: 'ACCEPTED' });
    // A second replacement, of the replacement: the chain is followed.
    expect(rig.broker.modifyOrder(ack.orderId, { limitPrice: 150 }).accepted).toBe(true);
    const r = rig;
    await eventually(() => r.broker.getOrderStatus(ack.orderId)?.status === 'FILLED', 'the replaced order to fill', 10_000);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ filledQuantity: 6, avgFillPrice: 100 });
    expect(events.filter((e) => e.type === 'OrderFilled')).toHaveLength(1);
    const orders = rig.fake.state().orders;
    expect(orders.map((o) => o.status)).toEqual(['replaced', 'replaced', 'filled']);
    expect(orders[0].clientOrderId).toBe(ack.clientOrderRef);
    expect(rig.broker.getPositions()).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 6 })]);
  });

  it('refuses a modification that is not above what already filled, and one of an order not working', async () => {
    rig = await startAlpacaRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 2, timeInForce: 'DAY' });
    rig.fake.step(1);
    await settled(rig);
    expect(rig.broker.modifyOrder(ack.orderId, { quantity: 1 })).toMatchObject({ accepted: false, reason: expect.stringMatching(/already FILLED/) });
    expect(rig.broker.modifyOrder('nope', { quantity: 1 })).toMatchObject({ accepted: false, reason: 'unknown order nope' });
  });

  it('restarts from its store: orders and fills come back, and a reconnect changes nothing', async () => {
    rig = await startAlpacaRig();
    const filled = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 3, timeInForce: 'DAY' });
    const working = rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'LIMIT', quantity: 2, limitPrice: 10, timeInForce: 'GTC' });
    rig.fake.step(1);
    await settled(rig);
    rig.broker.disconnect();
    const again = rig.reopen();
    expect(again.getOrderStatus(filled.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 3 });
    expect(again.getOpenOrders().map((o) => o.id)).toEqual([working.orderId]);
    await again.connect(rig.target());
    await settled(rig, again);
    expect(again.getFills()).toHaveLength(1);
    expect(again.lastReconciliation()).toMatchObject({ fills: [], positions: [], unknownOrders: [], externalOrders: [] });
    await again.qualifyInstrument('BBB');
    expect(again.cancelOrder(working.orderId).accepted).toBe(true);
    await eventually(() => again.getOrderStatus(working.orderId)?.status === 'CANCELLED', 'the cancel to be confirmed', 10_000);
    expect(again.cancelOutcome(working.orderId).state).toBe('confirmed');
  });

  it('withdraws an order cancelled while its POST still waits in the app: Alpaca never sees it', async () => {
    rig = await startAlpacaRig();
    const events = recordEvents(rig.broker);
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 3, limitPrice: 50, timeInForce: 'GTC' });
    expect(rig.broker.getOrderStatus(ack.orderId)?.statusReason).toMatch(/^queued/);
    expect(rig.broker.cancelOrder(ack.orderId)).toMatchObject({ accepted: true, reason: expect.stringMatching(/withdrawn while queued/) });
    await settled(rig);
    rig.fake.step(1);
    await settled(rig);
    expect(rig.fake.state().orders).toEqual([]);
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('CANCELLED');
    expect(rig.broker.cancelOutcome(ack.orderId).state).toBe('never_sent');
    expect(events.map((e) => e.type)).toEqual(['OrderSubmitted', 'OrderCancelled']);
    const stored = rig.db.prepare('SELECT left_at FROM alpaca_orders').get() as { left_at: number | null };
    expect(stored.left_at).toBeNull();
  });

  it('stamps an order as gone once its POST left, and closes one the app stopped holding as never sent', async () => {
    rig = await startAlpacaRig();
    const sent = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 50, timeInForce: 'GTC' });
    const held = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 2, limitPrice: 50, timeInForce: 'GTC' });
    // The app "stops" with the second order still queued: its POST is withdrawn, its record left open as it was.
    const row = (id: string) => rig?.db.prepare('SELECT o.status, a.left_at FROM orders o JOIN alpaca_orders a USING (client_order_ref) WHERE o.id = ?').get(id) as { status: string; left_at: number | null };
    const before = row(held.orderId);
    rig.broker.cancelOrder(held.orderId);
    await rig.broker.idle();
    rig.db.prepare("UPDATE orders SET status = 'SUBMITTED', status_reason = ? WHERE id = ?").run('queued', held.orderId);
    expect(row(sent.orderId).left_at).not.toBeNull();
    expect(before).toEqual({ status: 'SUBMITTED', left_at: null });
    rig.broker.disconnect();
    const again = rig.reopen();
    await again.connect(rig.target());
    expect(again.getOrderStatus(held.orderId)).toMatchObject({ status: 'CANCELLED', statusReason: expect.stringMatching(/never sent: it was still queued/) });
    expect(again.getOrderStatus(sent.orderId)?.status).toBe('ACCEPTED');
    expect(rig.fake.state().orders.map((o) => o.clientOrderId)).toEqual([sent.clientOrderRef]);
  });

  it('trades fractional quantities as DAY orders and refuses them otherwise', async () => {
    rig = await startAlpacaRig();
    const ok = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 0.5, timeInForce: 'DAY' });
    const gtc = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 1.5, limitPrice: 90, timeInForce: 'GTC' });
    expect(gtc).toMatchObject({ accepted: false, reason: expect.stringMatching(/fractional/) });
    rig.fake.step(1);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ok.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 0.5 });
    expect(rig.broker.getPositions()).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 0.5 })]);
  });

  it('connects a PAPER broker to no live host and checks the target before anything', async () => {
    rig = await startAlpacaRig({ connect: false });
    const t = rig.target();
    await expect(rig.broker.connect({ ...t, tradingBaseUrl: 'https://api.alpaca.markets' })).rejects.toThrow(/live trading host; a PAPER broker/);
    await expect(rig.broker.connect({ ...t, tradingStreamUrl: 'http://x' })).rejects.toThrow(/tradingStreamUrl: must be a ws: or wss: URL/);
    await expect(rig.broker.connect({ ...t, secretKey: '' })).rejects.toThrow(/secretKey: the secret key is missing/);
    expect(rig.broker.connectionState.state).toBe('disconnected');
  });

  it('records each fill\'s reference price (the ask at submission for a buy) and its slippage', async () => {
    rig = await startAlpacaRig();
    const quotes: { ask: number | null }[] = [];
    rig.broker.subscribeQuotes('AAA', (q) => quotes.push(q));
    await eventually(() => quotes.some((q) => q.ask !== null), 'an ask', 10_000);
    const ask = quotes[quotes.length - 1].ask as number;
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    rig.fake.step(1);
    await settled(rig);
    const [fill] = rig.broker.getFills().filter((f) => f.orderId === ack.orderId);
    expect(fill.referencePrice).toBe(ask);
    expect(fill.slippage).toBeCloseTo((fill.price - ask) * 10, 9);
    const stored = rig.db.prepare('SELECT reference_price AS r, slippage AS s FROM fills').get() as { r: number; s: number };
    expect(stored).toEqual({ r: ask, s: fill.slippage });
  });

  it('reports the account as Alpaca does: net liquidation, cash, buying power, day P&L', async () => {
    rig = await startAlpacaRig();
    expect(rig.broker.accountSummary()).toEqual({ netLiquidation: 100_000, cash: 100_000, buyingPower: rig.fake.state().buyingPower, dayPnl: 0 });
    rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    rig.fake.step(1);
    await settled(rig);
    const s = rig.broker.getAccountState();
    expect(s.cash).toBeCloseTo(100_000 - 500, 6);
    expect(s.grossExposure).toBeCloseTo(500, 6);
    expect(s.equity).toBeCloseTo(rig.fake.state().equity, 2);
  });

  it('looks symbols up, streams quotes and downloads daily history', async () => {
    rig = await startAlpacaRig();
    await expect(rig.broker.qualifyInstrument('NOPE')).rejects.toThrow(/does not know the symbol NOPE/);
    const quotes: { last: number | null; bid: number | null; ask: number | null }[] = [];
    const stop = rig.broker.subscribeQuotes('AAA', (q) => quotes.push(q));
    await eventually(() => quotes.some((q) => q.last !== null && q.bid !== null && q.ask !== null), 'a full quote', 10_000);
    const seen = quotes.length;
    rig.fake.step(1);
    await eventually(() => quotes.length > seen, 'a streamed quote after the market moved', 10_000);
    stop();
    const progress: number[] = [];
    const series = await rig.broker.downloadDailyHistory('AAA', { years: 1 }, (done) => progress.push(done));
    expect(progress).toEqual([1]);
    expect(series.length).toBeGreaterThan(0);
    for (let i = 1; i < series.length; i++) expect(series.ts[i]).toBeGreaterThan(series.ts[i - 1]);
  });
});
