import { afterEach, describe, expect, it } from 'vitest';
import { recordDifferences } from '../../broker/ib/store/differences';
import { findSeries } from '../../data/barStore/seriesRepo';
import { LIVE_ARMING_PHRASE, type OrderTicket } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { simSession, TestSimBroker } from './testSimBroker';
import { tradingHarness } from './tradingTestHarness';

const CLOSES = { AAA: [100, 98, 98, 97, 97, 97], BBB: [50, 50, 50, 50, 50, 50] };

type Harness = ReturnType<typeof tradingHarness<TestSimBroker>>;
let h: Harness | null = null;

function setup(risk: Parameters<typeof tradingHarness>[1] = {}): Harness {
  h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)), risk);
  return h;
}

afterEach(async () => {
  await h?.close();
  h = null;
});

const ticket = (t: Partial<OrderTicket> = {}): OrderTicket => ({
  instrument: 'AAA',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 10,
  limitPrice: 99,
  timeInForce: 'GTC',
  ...t,
});

async function rejects(p: Promise<unknown> | (() => unknown), code: string, message: RegExp): Promise<void> {
  const run = typeof p === 'function' ? Promise.resolve().then(p) : p;
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  expect((err as ApiError).message).toMatch(message);
}

async function connected(risk: Parameters<typeof tradingHarness>[1] = {}) {
  const t = setup(risk);
  await t.service.connect({ preset: 'tws_paper' });
  t.service.quote('AAA', 'subscribe');
  return t;
}

describe('TradingService connection', () => {
  it('connects with a preset and the config defaults, and reports each state change', async () => {
    const t = setup();
    const conn = await t.service.connect({ preset: 'tws_paper' });
    expect(conn).toMatchObject({ state: 'ready', preset: 'tws_paper', broker: 'ib', host: '127.0.0.1', port: 7497, clientId: 1, since: t.clock.now, keysFrom: null });
    expect(t.broker().settings).toEqual({ broker: 'ib', mode: 'PAPER', target: { host: '127.0.0.1', port: 7497, clientId: 1 } });
    expect(t.broker().connectedTo).toEqual({ host: '127.0.0.1', port: 7497, clientId: 1 });
    expect(t.eventsOf('trading.connection').map((c) => (c as { state: string }).state)).toEqual(['connecting', 'ready']);
    await rejects(t.service.connect({ preset: 'tws_paper' }), 'CONFLICT', /already connected to 127\.0\.0\.1:7497/);
    t.broker().setState('degraded', '1100 Connectivity between IB and TWS has been lost');
    expect(t.service.state().connection).toMatchObject({ state: 'degraded', detail: '1100 Connectivity between IB and TWS has been lost' });
    expect(await t.service.disconnect()).toMatchObject({ state: 'disconnected', port: 7497, detail: 'disconnected by the trader' });
    expect(t.broker().connectionState.state).toBe('disconnected');
  });

  it('keeps paper sessions off live ports and checks custom addresses', async () => {
    const t = setup();
    await rejects(t.service.connect({ preset: 'tws_live' }), 'CONFLICT', /arm LIVE first/);
    await rejects(t.service.connect({ preset: 'gateway_live' }), 'CONFLICT', /arm LIVE first/);
    await rejects(t.service.connect({ preset: 'custom', host: '10.0.0.5' }), 'BAD_INPUT', /needs a port/);
    await rejects(t.service.connect({ preset: 'custom', port: 4001 }), 'CONFLICT', /live trading port/);
    await rejects(t.service.connect({ preset: 'tws_paper', port: 7496 }), 'BAD_INPUT', /does not match preset/);
    expect(t.brokers).toHaveLength(0);
    const conn = await t.service.connect({ preset: 'custom', host: '10.0.0.5', port: 7000, clientId: 9 });
    expect(conn).toMatchObject({ state: 'ready', host: '10.0.0.5', port: 7000, clientId: 9 });
    await t.service.disconnect();
    expect((await t.service.connect({ preset: 'gateway_paper' })).port).toBe(4002);
  });

  it('reports a failed connection clearly and can connect again afterwards', async () => {
    let refuse = true;
    h = tradingHarness((s) => {
      const b = new TestSimBroker(s, CLOSES);
      if (refuse) b.refuseConnect = 'client id 1 is already in use (326)';
      return simSession(b);
    });
    await rejects(h.service.connect({ preset: 'tws_paper' }), 'UNAVAILABLE', /127\.0\.0\.1:7497: client id 1 is already in use/);
    const s = h.service.state();
    expect(s.connection).toMatchObject({ state: 'disconnected', detail: expect.stringMatching(/already in use/) });
    expect(s.log.at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/already in use/) });
    refuse = false;
    expect((await h.service.connect({ preset: 'tws_paper' })).state).toBe('ready');
  });

  it('answers a connect that is still retrying with its state, and follows it to ready', async () => {
    h = tradingHarness(
      (s) => {
        const b = new TestSimBroker(s, CLOSES);
        b.holdConnect = 'reconnecting';
        return simSession(b);
      },
      {},
      { connectWaitMs: 20 },
    );
    const conn = await h.service.connect({ preset: 'tws_paper' });
    expect(conn).toMatchObject({ state: 'reconnecting', detail: 'connection refused (502); retrying' });
    await rejects(() => h?.service.submitOrder({ ...ticket(), confirm: false }), 'UNAVAILABLE', /reconnecting/);
    h.service.quote('AAA', 'subscribe');
    h.broker().setState('ready');
    expect(h.service.state().connection).toMatchObject({ state: 'ready', detail: null });
    expect((await h.service.submitOrder({ ...ticket(), confirm: false })).accepted).toBe(true);
  });

  it('keeps the broker log in a ring buffer and pushes each entry', async () => {
    const t = setup();
    await t.service.connect({ preset: 'tws_paper' });
    for (let i = 0; i < 60; i++) t.broker().log({ at: i, level: 'info', code: 2104, text: `farm ok ${i}` });
    const log = t.service.state().log;
    expect(log).toHaveLength(50);
    expect(log[0]).toEqual({ ts: 10, level: 'info', code: 2104, message: 'farm ok 10' });
    expect(log.at(-1)?.message).toBe('farm ok 59');
    expect(t.eventsOf('trading.log')).toHaveLength(60);
  });

  it('subscribes quotes again on the next connection, and forgets prices of a closed one', async () => {
    const t = await connected();
    expect(t.service.state().quotes).toEqual([expect.objectContaining({ symbol: 'AAA', last: 100 })]);
    await t.service.disconnect();
    expect(t.service.state().quotes).toEqual([]);
    expect(t.service.checkOrder(ticket({ type: 'MARKET' })).lastPrice).toBeNull();
    await t.service.connect({ preset: 'tws_paper' });
    expect(t.broker().quoteSubscribers('AAA')).toBe(1);
    expect(t.service.quote('AAA', 'unsubscribe')).toBeNull();
    expect(t.broker().quoteSubscribers('AAA')).toBe(0);
  });
});

describe('TradingService orders', () => {
  it('shows the check before sending, then works a limit order to a fill with its position and commission', async () => {
    const t = await connected();
    const check = t.service.checkOrder(ticket());
    expect(check).toMatchObject({ ok: true, blockers: [], lastPrice: 100, needsConfirm: false });
    expect(check.risk.checks.find((c) => c.check === 'price_band')?.status).toBe('pass');
    const sent = await t.service.submitOrder({ ...ticket(), confirm: false });
    expect(sent).toMatchObject({ accepted: true, reason: null });
    const working = t.service.state().openOrders;
    expect(working).toEqual([expect.objectContaining({ id: sent.orderId, status: 'ACCEPTED', limitPrice: 99, quantity: 10 })]);
    t.broker().step();
    const s = t.service.state();
    expect(s.openOrders).toEqual([]);
    expect(s.positions).toEqual([expect.objectContaining({ instrument: 'AAA', quantity: 10, avgCost: 98, marketPrice: 98 })]);
    expect(s.executions).toEqual([expect.objectContaining({ orderId: sent.orderId, quantity: 10, price: 98, commission: 1 })]);
    expect(s.account).toMatchObject({ cash: 100_000 - 980 - 1 });
    const orderStatuses = t.eventsOf('trading.order').map((o) => (o as { status: string }).status);
    expect(orderStatuses).toEqual(['ACCEPTED', 'FILLED']);
    expect(t.eventsOf('trading.fill')).toHaveLength(1);
    expect(t.eventsOf('trading.account').length).toBeGreaterThan(0);
  });

  it('marks positions at the latest quote, so their P&L moves between broker updates', async () => {
    const t = await connected();
    await t.service.submitOrder({ ...ticket({ type: 'MARKET', limitPrice: undefined }), confirm: false });
    t.broker().step();
    t.broker().step();
    t.broker().step();
    const [pos] = t.service.state().positions;
    expect(pos).toMatchObject({ quantity: 10, avgCost: 98, marketPrice: 97, unrealizedPnl: -10 });
  });

  it('refuses an order that fails a check, with every reason, and records it', async () => {
    const t = await connected();
    const res = await t.service.submitOrder({ ...ticket({ limitPrice: 120, quantity: 300 }), confirm: false });
    expect(res.accepted).toBe(false);
    expect(res.orderId).toBeNull();
    expect(res.reason).toMatch(/limit price 120 is \+20\.00% from the last price 100/);
    expect(res.reason).toMatch(/order notional 36,000\.00 exceeds max_order_size_usd 25,000\.00/);
    expect(t.service.state().openOrders).toEqual([]);
    const [action] = t.actions();
    expect(action).toMatchObject({ mode: 'PAPER', action: 'RISK_REJECTED', instrument: 'AAA' });
    expect(JSON.parse(action.detail_json).reasons).toHaveLength(2);
    expect(t.service.state().risk.breaker.recentCount).toBe(1);
  });

  it('sends nothing unless connected and ready, and says why before sending', async () => {
    const t = setup();
    expect(t.service.checkOrder(ticket())).toMatchObject({ ok: false, blockers: ['not connected to a broker'] });
    await rejects(() => t.service.submitOrder({ ...ticket(), confirm: false }), 'UNAVAILABLE', /not connected/);
    await t.service.connect({ preset: 'tws_paper' });
    t.service.quote('AAA', 'subscribe');
    t.broker().setState('reconnecting');
    expect(t.service.checkOrder(ticket()).blockers).toEqual(['the connection is reconnecting: orders can be sent once it is ready']);
    await rejects(() => t.service.submitOrder({ ...ticket(), confirm: false }), 'UNAVAILABLE', /reconnecting/);
    expect(t.broker().getOpenOrders()).toEqual([]);
  });

  it('refuses to add exposure until the broker has reported the account', async () => {
    const t = await connected();
    t.broker().accountReported = false;
    const check = t.service.checkOrder(ticket());
    expect(check.ok).toBe(false);
    expect(check.risk.reasons).toEqual(['the account equity and exposure are not known yet', 'the buying power is not known yet']);
    expect(t.service.state().account).toBeNull();
    t.broker().accountReported = true;
    expect(t.service.checkOrder(ticket()).ok).toBe(true);
  });

  it('cancels a working order once', async () => {
    const t = await connected();
    const { orderId } = await t.service.submitOrder({ ...ticket({ limitPrice: 96 }), confirm: false });
    expect(t.service.cancelOrder(orderId ?? '')).toEqual({ accepted: true, orderId, reason: null });
    expect(t.service.state().openOrders).toEqual([]);
    expect(t.service.cancelOrder(orderId ?? '')).toMatchObject({ accepted: false, reason: expect.stringMatching(/already CANCELLED/) });
  });

  it('modifies a working order after checking the order as modified', async () => {
    const t = await connected();
    const { orderId } = await t.service.submitOrder({ ...ticket({ limitPrice: 96 }), confirm: false });
    const id = orderId ?? '';
    const ok = t.service.modifyOrder({ orderId: id, quantity: 20, limitPrice: 97, confirm: false });
    expect(ok).toMatchObject({ accepted: true, orderId: id });
    expect(t.broker().modifications).toEqual([{ orderId: id, changes: { quantity: 20, limitPrice: 97 } }]);
    const far = t.service.modifyOrder({ orderId: id, limitPrice: 80, confirm: false });
    expect(far).toMatchObject({ accepted: false, reason: expect.stringMatching(/outside the 5% band/) });
    // The order itself does not count against its own modification: 250 x 97 is within 25,000.
    expect(t.service.modifyOrder({ orderId: id, quantity: 250, confirm: false }).accepted).toBe(true);
    await rejects(() => t.service.modifyOrder({ orderId: 'O999', quantity: 5, confirm: false }), 'NOT_FOUND', /no open order O999/);
    expect(t.broker().modifications).toHaveLength(2);
  });

  it('downloads daily history into the bar store', async () => {
    const t = await connected();
    const day = 86_400_000;
    t.broker().history = [0, 1, 2].map((i) => ({ ts: Date.UTC(2024, 0, 2) + i * day, open: 10, high: 11, low: 9, close: 10 + i, volume: 100 }));
    const res = await t.service.downloadHistory('AAA', 1);
    expect(res).toEqual({ symbol: 'AAA', written: { symbol: 'AAA', bars: 3, firstTs: Date.UTC(2024, 0, 2), lastTs: Date.UTC(2024, 0, 4), source: 'ib' }, decision: null });
    expect(findSeries(t.db, 'AAA', '1d')).toMatchObject({ source: 'ib', bars: 3, importedAt: t.clock.now });
    expect(t.eventsOf('trading.historyProgress')).toEqual([{ symbol: 'AAA', done: 1, total: 1 }]);
    t.broker().history = [];
    await rejects(t.service.downloadHistory('AAA', 1), 'NOT_FOUND', /no daily bars for AAA/);
    expect(findSeries(t.db, 'AAA', '1d')?.bars).toBe(3);
  });

  it('shows unknown orders and the stored reconciliation differences until acknowledged, and lets the trader dismiss an unknown order', async () => {
    const t = await connected();
    const sent = await t.service.submitOrder({ ...ticket({ limitPrice: 96 }), confirm: false });
    const order = t.broker().getOpenOrders()[0];
    t.broker().unknown = [{ ...order, statusReason: null }];
    recordDifferences(t.db, 'PAPER', 7, [
      { kind: 'position', key: 'AAA', instrument: 'AAA', ours: 5, broker: 0, detail: 'position 5 in our records, 0 at the broker' },
      { kind: 'external_order', key: '42', instrument: 'BBB', ours: null, broker: 2, detail: 'SELL 2 not placed by this app' },
    ]);
    recordDifferences(t.db, 'LIVE', 7, [{ kind: 'unseen_fill', key: 'e1', instrument: 'AAA', ours: null, broker: 1, detail: 'another mode' }]);
    const s = t.service.state();
    expect(s.unknownOrders).toEqual([
      { orderId: sent.orderId, clientOrderRef: sent.clientOrderRef, instrument: 'AAA', side: 'BUY', quantity: 10, detail: expect.stringMatching(/neither an open nor a completed/) },
    ]);
    expect(s.reconciliation).toEqual([
      { id: expect.any(Number), ts: 7, kind: 'position', instrument: 'AAA', detail: 'position 5 in our records, 0 at the broker' },
      { id: expect.any(Number), ts: 7, kind: 'external_order', instrument: 'BBB', detail: 'SELL 2 not placed by this app' },
    ]);
    const first = s.reconciliation[0]?.id ?? 0;
    expect(t.service.acknowledgeDifference(first)).toEqual({ acknowledged: true });
    expect(t.service.acknowledgeDifference(first)).toEqual({ acknowledged: false });
    expect(t.service.state().reconciliation.map((d) => d.kind)).toEqual(['external_order']);
    expect(t.service.dismissUnknownOrder(sent.orderId ?? '')).toEqual({ accepted: true, orderId: sent.orderId, reason: null });
    expect(t.service.state().unknownOrders).toEqual([]);
    expect(t.service.dismissUnknownOrder('nope').accepted).toBe(false);
  });
});

describe('TradingService circuit breaker', () => {
  it('counts a broker rejection and a risk rejection alike, and a failure older than the window drops out', async () => {
    const t = await connected({ PAPER: { circuit_breaker: { max_rejections: 3, window_seconds: 60 }, price_band_pct: null } });
    await t.service.submitOrder({ ...ticket({ quantity: 0 }), confirm: false });
    t.clock.now += 61_000;
    await t.service.submitOrder({ ...ticket({ instrument: 'ZZZ' }), confirm: false });
    t.clock.now += 10_000;
    await t.service.submitOrder({ ...ticket({ quantity: 0 }), confirm: false });
    const s1 = t.service.state().risk.breaker;
    expect(s1).toMatchObject({ tripped: false, recentCount: 2 });
    expect(s1.recent.map((r) => r.source)).toEqual(['broker', 'risk']);
    t.clock.now += 10_000;
    const third = await t.service.submitOrder({ ...ticket({ instrument: 'ZZZ' }), confirm: false });
    expect(third.accepted).toBe(false);
    const tripped = t.service.state().risk.breaker;
    expect(tripped).toMatchObject({ tripped: true, since: t.clock.now, recentCount: 3 });
    const good = await t.service.submitOrder({ ...ticket(), confirm: false });
    expect(good).toMatchObject({ accepted: false, reason: expect.stringMatching(/circuit breaker tripped/) });
    expect(good.risk.passed).toBe(true);
    expect(t.service.checkOrder(ticket())).toMatchObject({ ok: false, blockers: [expect.stringMatching(/circuit breaker tripped/)] });
    expect(t.service.state().openOrders).toEqual([]);
    t.clock.now += 3_600_000;
    expect(t.service.state().risk.breaker.tripped).toBe(true);
    expect(t.service.resetBreaker()).toMatchObject({ tripped: false, recentCount: 0 });
    expect((await t.service.submitOrder({ ...ticket(), confirm: false })).accepted).toBe(true);
    expect(t.actions().map((a) => a.action)).toEqual(['RISK_REJECTED', 'RISK_REJECTED', 'BREAKER_TRIPPED', 'BREAKER_RESET']);
    const riskEvents = t.eventsOf('trading.risk') as { breaker: { tripped: boolean } }[];
    expect(riskEvents.some((e) => e.breaker.tripped)).toBe(true);
    expect(riskEvents.at(-1)?.breaker.tripped).toBe(false);
  });
});

describe('TradingService kill switch', () => {
  it('needs confirmation, then cancels everything and flattens every position', async () => {
    const t = await connected();
    t.service.quote('BBB', 'subscribe');
    await t.service.submitOrder({ ...ticket({ type: 'MARKET', quantity: 20 }), confirm: false });
    await t.service.submitOrder({ ...ticket({ instrument: 'BBB', side: 'SELL', type: 'MARKET', quantity: 30 }), confirm: false });
    t.broker().step();
    const resting = await t.service.submitOrder({ ...ticket({ limitPrice: 95 }), confirm: false });
    await rejects(() => t.service.killSwitch({ flatten: true, confirm: false }), 'REJECTED', /needs confirmation/);
    expect(t.service.state().openOrders).toHaveLength(1);
    const report = await t.service.killSwitch({ flatten: true, confirm: true });
    expect(report.cancelled).toEqual([expect.objectContaining({ orderId: resting.orderId, instrument: 'AAA', accepted: true, reason: null, outcome: 'confirmed' })]);
    expect(report.flatten.map((f) => [f.instrument, f.side, f.quantity, f.accepted])).toEqual([
      ['AAA', 'SELL', 20, true],
      ['BBB', 'BUY', 30, true],
    ]);
    t.broker().step();
    const s = t.service.state();
    expect(s.positions).toEqual([]);
    expect(s.openOrders).toEqual([]);
    expect(s.lastKillSwitch).toEqual(report);
    expect(t.actions().at(-1)).toMatchObject({ action: 'KILL_SWITCH', mode: 'PAPER' });
  });

  it('without flatten leaves positions alone', async () => {
    const t = await connected();
    await t.service.submitOrder({ ...ticket({ type: 'MARKET' }), confirm: false });
    t.broker().step();
    const report = await t.service.killSwitch({ flatten: false, confirm: true });
    expect(report).toMatchObject({ cancelled: [], flatten: [] });
    expect(t.service.state().positions).toHaveLength(1);
  });
});

describe('TradingService LIVE mode', () => {
  it('needs the exact phrase to arm, then a live port, then confirm on every order', async () => {
    const t = setup();
    expect(t.service.state()).toMatchObject({ mode: 'PAPER', liveArmed: false, armedAt: null });
    await rejects(() => t.service.armLive('trade with real money'), 'REJECTED', /type exactly/);
    await t.service.connect({ preset: 'tws_paper' });
    await rejects(() => t.service.armLive(LIVE_ARMING_PHRASE), 'CONFLICT', /disconnect before arming/);
    await t.service.disconnect();
    expect(t.service.armLive(LIVE_ARMING_PHRASE)).toEqual({ mode: 'LIVE', liveArmed: true, armedAt: t.clock.now });
    expect(t.service.state().risk.limits).toMatchObject({ max_order_size_usd: 10_000, max_portfolio_leverage: 1 });
    await rejects(t.service.connect({ preset: 'tws_paper' }), 'CONFLICT', /LIVE is armed/);
    const conn = await t.service.connect({ preset: 'tws_live' });
    expect(conn).toMatchObject({ state: 'ready', port: 7496, clientId: 2 });
    expect(t.broker().mode).toBe('LIVE');
    t.service.quote('AAA', 'subscribe');
    expect(t.service.checkOrder(ticket()).needsConfirm).toBe(true);
    await rejects(() => t.service.submitOrder({ ...ticket(), confirm: false }), 'REJECTED', /confirm the order/);
    expect(t.broker().getOpenOrders()).toEqual([]);
    const { orderId } = await t.service.submitOrder({ ...ticket(), confirm: true });
    await rejects(() => t.service.modifyOrder({ orderId: orderId ?? '', quantity: 5, confirm: false }), 'REJECTED', /confirm/);
    const disarmed = await t.service.disarmLive();
    expect(disarmed).toEqual({ mode: 'PAPER', liveArmed: false, armedAt: null });
    expect(t.service.state().connection.state).toBe('disconnected');
    expect(t.actions().map((a) => [a.mode, a.action])).toEqual([
      ['LIVE', 'LIVE_ARMED'],
      ['LIVE', 'LIVE_DISARMED'],
    ]);
  });

  it('keeps separate breakers for PAPER and LIVE', async () => {
    const t = setup({ PAPER: { circuit_breaker: { max_rejections: 1, window_seconds: 60 } } });
    await t.service.connect({ preset: 'tws_paper' });
    await t.service.submitOrder({ ...ticket({ quantity: -1 }), confirm: false });
    expect(t.service.state().risk.breaker.tripped).toBe(true);
    await t.service.disconnect();
    t.service.armLive(LIVE_ARMING_PHRASE);
    expect(t.service.state().risk.breaker).toMatchObject({ tripped: false, maxRejections: 5 });
  });
});
