import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../events';
import { DIP_BAR, EXACT_SIM, START_BAR, decodeErrors, differences, eventually, settled, recordEvents, startRig, type IbRig } from './testing/ibRig';
import type { IbConnectionState, Quote } from './types';

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});


const orderEvents = (events: BrokerEvent[], orderId: string) =>
  events.filter((e) => e.type !== 'AccountChanged' && e.order.id === orderId).map((e) => e.type);

describe('IbBroker connection', () => {
  it('is ready only after the handshake and the first reconciliation, and logs what TWS said', async () => {
    rig = await startRig({ connect: false });
    const states: IbConnectionState[] = [];
    rig.broker.onConnectionState((s) => states.push(s.state));
    await rig.broker.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    expect(states[0]).toBe('connecting');
    expect(states.at(-1)).toBe('ready');
    expect(rig.broker.connectionState).toMatchObject({ state: 'ready', account: 'DU1234567', accounts: ['DU1234567'], serverVersion: 193 });
    expect(rig.broker.connectionState.farms).toMatchObject({ usfarm: 'ok' });
    expect(rig.log.map((e) => e.code)).toContain(2104);
    expect(rig.broker.lastReconciliation()).toMatchObject({ trigger: 'connect', account: 'DU1234567', unknownOrders: [] });
    expect(decodeErrors(rig)).toEqual([]);
  });

  it('refuses bad settings and a live port for a PAPER broker', async () => {
    rig = await startRig({ connect: false });
    await expect(rig.broker.connect({ host: '127.0.0.1', port: 7496, clientId: 1 })).rejects.toThrow(/live trading port/);
    await expect(rig.broker.connect({ host: '', port: rig.tws.port, clientId: 1 })).rejects.toThrow(/connection settings: host/);
    expect(rig.broker.connectionState.state).toBe('disconnected');
  });

  it('reports the account as TWS does, and disconnects on request', async () => {
    rig = await startRig();
    expect(rig.broker.accountSummary()).toMatchObject({ account: 'DU1234567', netLiquidation: 1_000_000, cash: 1_000_000, dayPnl: 0, currency: 'USD' });
    expect(rig.broker.getAccountState()).toMatchObject({ cash: 1_000_000, equity: 1_000_000 });
    rig.broker.disconnect();
    expect(rig.broker.connectionState.state).toBe('disconnected');
    await eventually(() => rig?.tws.clientCount() === 0, 'the socket to close');
  });
});

describe('IbBroker orders against the fake TWS', () => {
  it('fills a market order at once, with its commission, and stores it before announcing it', async () => {
    rig = await startRig();
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY' });
    expect(ack.accepted).toBe(true);
    const stored = rig.db.prepare('SELECT status FROM orders WHERE id = ?').get(ack.orderId);
    expect(stored).toEqual({ status: 'SUBMITTED' });
    await settled(rig);
    expect(orderEvents(events, ack.orderId)).toEqual(['OrderSubmitted', 'OrderAccepted', 'OrderFilled']);
    expect(events.find((e) => e.type === 'OrderFilled')).toMatchObject({ fill: { commission: 1 } });
    const [fill] = rig.broker.getFills();
    expect(fill).toMatchObject({ orderId: ack.orderId, quantity: 10, price: 100, commission: 1 });
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 10, avgFillPrice: 100 });
    expect(rig.broker.getPositions()).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 10, avgCost: rig.tws.snapshot().positions[0].avgCost })]);
    expect(decodeErrors(rig)).toEqual([]);
  });

  it('keeps a limit order working until the market reaches it', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 92, timeInForce: 'GTC' });
    await settled(rig);
    for (let bar = START_BAR + 1; bar < DIP_BAR; bar++) {
      rig.tws.step(1);
      await settled(rig);
      expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    }
    rig.tws.step(1);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: 92 });
    expect(rig.broker.getOpenOrders()).toEqual([]);
  });

  it('cancels a working order once TWS confirms it', async () => {
    rig = await startRig();
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrder({ instrument: 'BBB', side: 'SELL', type: 'LIMIT', quantity: 3, limitPrice: 70, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.cancelOrder(ack.orderId).accepted).toBe(true);
    expect(rig.broker.cancelOrder(ack.orderId)).toMatchObject({ accepted: false, reason: expect.stringMatching(/already under way/) });
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'CANCELLED', statusReason: expect.stringMatching(/202/) });
    expect(orderEvents(events, ack.orderId)).toEqual(['OrderSubmitted', 'OrderAccepted', 'OrderCancelled']);
    expect(rig.tws.snapshot().orders[0].status).toBe('Cancelled');
  });

  it('modifies quantity and price with the same IB order id, confirmed by TWS', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 80, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.modifyOrder(ack.orderId, { quantity: 20, limitPrice: 95 }).accepted).toBe(true);
    await eventually(() => rig?.broker.getOpenOrders()[0]?.limitPrice === 95, 'the modification to be confirmed');
    const snap = rig.tws.snapshot();
    expect(snap.orders).toHaveLength(1);
    expect(snap.orders[0]).toMatchObject({ totalQuantity: 20, lmtPrice: 95 });
    expect(rig.db.prepare('SELECT quantity, limit_price FROM orders WHERE id = ?').get(ack.orderId)).toEqual({ quantity: 20, limit_price: 95 });
    rig.tws.step(DIP_BAR - START_BAR);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 20, avgFillPrice: 95 });
    expect(rig.broker.modifyOrder(ack.orderId, { quantity: 30 })).toMatchObject({ accepted: false, reason: expect.stringMatching(/FILLED/) });
  });

  it('refuses orders for symbols not looked up, and reports a symbol IB does not know', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'ZZZ', side: 'BUY', type: 'MARKET', quantity: 1, timeInForce: 'DAY' });
    expect(ack).toMatchObject({ accepted: false, reason: expect.stringMatching(/unknown instrument "ZZZ"/) });
    await expect(rig.broker.qualifyInstrument('ZZZ')).rejects.toThrow(/200|IB knows no/);
    expect(rig.tws.snapshot().orders).toEqual([]);
  });

  it('reconciles on demand without leaving the ready state', async () => {
    rig = await startRig();
    rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 2, timeInForce: 'DAY' });
    await settled(rig);
    await rig.broker.sync();
    expect(rig.broker.connectionState.state).toBe('ready');
    expect(rig.broker.lastReconciliation()).toMatchObject({ trigger: 'manual', fills: [], unknownOrders: [] });
    expect(rig.broker.lastReconciliation()?.accountValues.NetLiquidation).toBeDefined();
  });

  it('picks up where it left off after an app restart: same orders and fills, no duplicates', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 4, limitPrice: 91, timeInForce: 'GTC' });
    rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 6, timeInForce: 'DAY' });
    await settled(rig);
    rig.broker.disconnect();
    // Fills while the app is away are found by the next reconciliation.
    rig.tws.step(DIP_BAR - START_BAR);
    const again = rig.reopen();
    expect(again.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    await again.connect({ host: '127.0.0.1', port: rig.tws.port, clientId: rig.clientId });
    await settled(rig, again);
    expect(again.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: 91 });
    expect(again.getFills()).toHaveLength(2);
    expect(again.lastReconciliation()?.fills).toEqual([expect.objectContaining({ orderId: ack.orderId, quantity: 4, price: 91 })]);
    expect(again.lastReconciliation()?.orders).toEqual([expect.objectContaining({ orderId: ack.orderId, before: 'ACCEPTED', after: 'FILLED', source: 'completed' })]);
    const actions = rig.db.prepare("SELECT action FROM executed_actions WHERE action LIKE 'IB_%' ORDER BY row").all();
    expect(actions).toContainEqual({ action: 'IB_FILL_RECONCILED' });
    await again.qualifyInstrument('BBB');
    const order = again.submitOrder({ instrument: 'BBB', side: 'SELL', type: 'MARKET', quantity: 6, timeInForce: 'DAY' });
    expect(order.accepted).toBe(true);
    await settled(rig, again);
    expect(rig.tws.snapshot().orders.map((o) => o.orderId)).toEqual([1, 2, 3]);
  });
});

describe('IbBroker market data', () => {
  it('streams last, bid and ask, and stops on unsubscribe', async () => {
    rig = await startRig();
    const quotes: Quote[] = [];
    const off = rig.broker.subscribeQuotes('BBB', (q) => quotes.push(q));
    await eventually(() => quotes.at(-1)?.last === 50 && quotes.at(-1)?.bid === 50 && quotes.at(-1)?.ask === 50, 'a quote');
    expect(quotes.at(-1)?.delayed).toBe(false);
    off();
    const seen = quotes.length;
    rig.tws.step(1);
    await new Promise((r) => setImmediate(r));
    await rig.broker.sync();
    expect(quotes.length).toBe(seen);
  });

  it('falls back to delayed data when the account has no live subscription', async () => {
    rig = await startRig();
    rig.tws.faults.marketDataNotSubscribed(true);
    const quotes: Quote[] = [];
    rig.broker.subscribeQuotes('AAA', (q) => quotes.push(q));
    await eventually(() => quotes.find((q) => q.delayed && q.last === 100), 'a delayed quote');
    expect(rig.log.map((e) => e.code)).toContain(354);
  });

  it('downloads daily bars with progress, backing off on a pacing violation', async () => {
    rig = await startRig();
    rig.tws.faults.pacingViolationNext();
    const progress: [number, number][] = [];
    const series = await rig.broker.downloadDailyHistory('AAA', { years: 2 }, (done, total) => progress.push([done, total]));
    expect(series.symbol).toBe('AAA');
    expect(series.length).toBe(START_BAR + 1);
    expect([...series.close]).toEqual(Array(START_BAR + 1).fill(100));
    expect([...series.ts]).toEqual([...series.ts].sort((a, b) => a - b));
    expect(series.ts[0]).toBe(Date.UTC(2020, 0, 1));
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(rig.log.map((e) => e.code)).toContain(162);
    expect(differences(rig)).toEqual([]);
  });
});

describe('IbBroker partial fills, stops and refused modifications', () => {
  const volumeLimited = { fake: { initialCash: 100_000_000, sim: { ...EXACT_SIM, use_volume_constraints: true, max_participation_rate: 0.1 } } };

  it('reports partial fills and then the fill of the rest', async () => {
    rig = await startRig(volumeLimited);
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 150_000, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 100_000, remainingQuantity: 50_000 });
    rig.tws.step(1);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 150_000 });
    expect(orderEvents(events, ack.orderId)).toEqual(['OrderSubmitted', 'OrderAccepted', 'OrderPartiallyFilled', 'OrderFilled']);
    const commissions = events.flatMap((e) => (e.type === 'OrderPartiallyFilled' || e.type === 'OrderFilled' ? [e.fill.commission] : []));
    expect(commissions).toEqual([500, 250]);
  });

  it('cancels the rest of a partially filled order and keeps what was filled', async () => {
    rig = await startRig(volumeLimited);
    const events = recordEvents(rig);
    const ack = rig.broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'LIMIT', quantity: 150_000, limitPrice: 50, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.broker.cancelOrder(ack.orderId).accepted).toBe(true);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 100_000, remainingQuantity: 0 });
    expect(orderEvents(events, ack.orderId)).toEqual(['OrderSubmitted', 'OrderAccepted', 'OrderPartiallyFilled', 'OrderCancelled']);
  });

  it('keeps a stop order working while TWS holds it PreSubmitted, and fills it when triggered', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'SELL', type: 'STOP', quantity: 5, stopPrice: 95, timeInForce: 'GTC' });
    await settled(rig);
    expect(rig.tws.snapshot().orders[0].status).toBe('PreSubmitted');
    expect(rig.broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    rig.tws.step(DIP_BAR - START_BAR);
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: rig.tws.snapshot().orders[0].avgFillPrice });
    expect(rig.broker.getPositions()).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: -5 })]);
  });

  it('takes a refused modification (104: already filled) as a refusal, not as a rejection of the order', async () => {
    rig = await startRig();
    const ack = rig.broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 92, timeInForce: 'GTC' });
    await settled(rig);
    // The fill is on its way when the modification goes out.
    rig.tws.step(DIP_BAR - START_BAR);
    expect(rig.broker.modifyOrder(ack.orderId, { limitPrice: 91 }).accepted).toBe(true);
    await eventually(() => rig?.log.some((e) => e.code === 104), 'the refusal');
    await settled(rig);
    expect(rig.broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', avgFillPrice: 92 });
  });
});
