import { afterEach, describe, expect, it } from 'vitest';
import { EXACT_SIM, TEST_TIMINGS } from '../../broker/alpaca/testing/alpacaRig';
import { dailySeries } from '../../data/seriesFromBars';
import { startFakeAlpaca, type FakeAlpaca } from '../../fakeAlpaca/index';
import { setLogSink } from '../../log/log';
import { eventually } from '../../testing/eventually';
import type { OrderTicket, TradingStateDto } from '../../ipc/contract/trading';
import { brokerFactory } from './brokerFactory';
import { tradingHarness } from './tradingTestHarness';

/**
 * The trading service with the real Alpaca adapter (chosen by the broker factory) against the fake
 * Alpaca over loopback: the trading screens' flows, as with TWS.
 */

const market = () => [dailySeries('AAA', Array.from({ length: 40 }, (_, i) => (i === 8 ? [100, 100, 90, 100] : [100, 101, 99, 100])))];

let fake: FakeAlpaca | null = null;
let h: ReturnType<typeof tradingHarness> | null = null;
afterEach(async () => {
  await h?.close();
  await fake?.close();
  h = null;
  fake = null;
});

async function connected() {
  const f = await startFakeAlpaca({ series: market(), startBar: 5, sim: EXACT_SIM });
  fake = f;
  const t = tradingHarness((settings, db) => brokerFactory(db, { alpaca: TEST_TIMINGS })(settings), {}, {
    alpacaKeys: { env: { APCA_API_KEY_ID: f.keyId, APCA_API_SECRET_KEY: f.secretKey } },
  });
  h = t;
  const conn = await t.service.connect({ preset: 'alpaca_paper', tradingUrl: f.tradingBaseUrl, dataUrl: f.dataBaseUrl });
  expect(conn).toMatchObject({ state: 'ready', broker: 'alpaca', host: '127.0.0.1', keysFrom: 'environment' });
  t.service.quote('AAA', 'subscribe');
  await until(() => t.service.state().account !== null && t.service.state().quotes.some((q) => q.last !== null), 'the account and a quote');
  return { t, f };
}

const until = <T>(probe: () => T | undefined | false, what: string): Promise<T> => eventually(probe, what, 5_000);

const ticket = (over: Partial<OrderTicket> = {}): OrderTicket & { confirm: boolean } => ({
  instrument: 'AAA',
  side: 'BUY',
  type: 'LIMIT',
  quantity: 5,
  limitPrice: 96,
  timeInForce: 'GTC',
  confirm: false,
  ...over,
});

const held = (s: TradingStateDto) => s.positions.find((p) => p.instrument === 'AAA')?.quantity ?? 0;

describe('TradingService with AlpacaBroker and the fake Alpaca', () => {
  it('places, works and cancels a limit order, fills a market order, and shows the position and the fill', async () => {
    const { t, f } = await connected();
    const resting = await t.service.submitOrder(ticket());
    expect(resting).toMatchObject({ accepted: true, reason: null });
    await until(() => t.service.state().openOrders.find((o) => o.id === resting.orderId && o.status === 'ACCEPTED'), 'the order accepted');
    expect(t.service.cancelOrder(resting.orderId ?? '')).toMatchObject({ accepted: true });
    await until(() => t.service.state().openOrders.length === 0, 'the cancel');
    expect(f.state().orders.find((o) => o.clientOrderId === resting.clientOrderRef)?.status).toBe('canceled');

    const bought = await t.service.submitOrder(ticket({ type: 'MARKET', limitPrice: undefined, timeInForce: 'DAY', quantity: 7 }));
    expect(bought.accepted).toBe(true);
    f.step();
    const s = await until(() => {
      const st = t.service.state();
      return held(st) === 7 && st.executions.length === 1 && st;
    }, 'the fill and the position');
    expect(s.executions[0]).toMatchObject({ orderId: bought.orderId, instrument: 'AAA', side: 'BUY', quantity: 7 });
    expect(f.state().positions).toEqual([expect.objectContaining({ symbol: 'AAA', qty: 7 })]);
  });

  it('writes the Alpaca session into the engine log, with no key in any line', async () => {
    const lines: string[] = [];
    const restore = setLogSink((level, component, msg, fields) => lines.push(JSON.stringify({ level, component, msg, fields })));
    try {
      const { t, f } = await connected();
      await t.service.submitOrder(ticket());
      await until(() => lines.some((l) => l.includes('"component":"alpaca"') && l.includes('order sent')), 'the order in the log');
      expect(lines.filter((l) => l.includes('"component":"alpaca"')).some((l) => l.includes('connection ready'))).toBe(true);
      for (const key of [f.keyId, f.secretKey]) expect(lines.filter((l) => l.includes(key))).toEqual([]);
    } finally {
      restore();
    }
  });

  it('runs the kill switch with flatten the same way as with TWS', async () => {
    const { t, f } = await connected();
    await t.service.submitOrder(ticket({ type: 'MARKET', limitPrice: undefined, timeInForce: 'DAY', quantity: 4 }));
    f.step();
    await until(() => held(t.service.state()) === 4, 'the position');
    const resting = await t.service.submitOrder(ticket());
    await until(() => t.service.state().openOrders.some((o) => o.id === resting.orderId && o.status === 'ACCEPTED'), 'the resting order');
    const report = await t.service.killSwitch({ flatten: true, confirm: true });
    expect(report.cancelled).toEqual([expect.objectContaining({ orderId: resting.orderId, outcome: 'confirmed' })]);
    expect(report.flatten).toEqual([expect.objectContaining({ instrument: 'AAA', side: 'SELL', quantity: 4, accepted: true })]);
    f.step();
    await until(() => held(t.service.state()) === 0 && t.service.state().openOrders.length === 0, 'flat');
    expect(f.state().positions).toEqual([]);
  });
});
