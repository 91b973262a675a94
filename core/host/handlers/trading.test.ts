import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_ARMING_PHRASE, tradingMethods } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';
import { simSession, TestSimBroker } from '../../service/trading/testSimBroker';
import { tradingHarness } from '../../service/trading/tradingTestHarness';
import { tradingHandlers } from './trading';

type Name = keyof typeof tradingMethods;

const CLOSES = { AAA: [100, 98, 98, 98], BBB: [50, 50, 50, 50] };
let h: ReturnType<typeof tradingHarness<TestSimBroker>> | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

/** What the router does: validate the input, run the handler, validate its answer against the contract. */
function callerFor(handlers: ReturnType<typeof tradingHandlers>) {
  return async (name: Name, input: unknown): Promise<unknown> => {
    const def = tradingMethods[name];
    const parsed = def.input.parse(input);
    const handler = handlers[name] as (i: unknown) => unknown;
    const out = await handler(parsed);
    const checked = def.output.safeParse(out);
    if (!checked.success) throw new Error(`${name} answered outside the contract: ${checked.error.message}`);
    return checked.data;
  };
}

describe('trading handlers', () => {
  it('has a handler for every trading method, and nothing else', () => {
    h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)));
    expect(Object.keys(tradingHandlers(h.service)).sort()).toEqual(Object.keys(tradingMethods).sort());
  });

  it('answers every method within the contract through a session', async () => {
    h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)));
    const call = callerFor(tradingHandlers(h.service));
    expect(await call('trading.state', {})).toMatchObject({ mode: 'PAPER', account: null, connection: { state: 'disconnected' } });
    expect(await call('trading.connect', { preset: 'gateway_paper' })).toMatchObject({ state: 'ready', port: 4002 });
    expect(await call('trading.quote', { symbol: ' aaa ' })).toMatchObject({ symbol: 'AAA', last: 100 });
    const ticket = { instrument: 'aaa', side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 99 };
    expect(await call('trading.checkOrder', ticket)).toMatchObject({ ok: true, lastPrice: 100 });
    const sent = (await call('trading.submitOrder', { ...ticket, timeInForce: 'GTC' })) as { orderId: string };
    expect(await call('trading.modifyOrder', { orderId: sent.orderId, limitPrice: 98.5 })).toMatchObject({ accepted: true });
    h.broker().step();
    const market = (await call('trading.submitOrder', { ...ticket, type: 'MARKET', limitPrice: undefined })) as { orderId: string };
    expect(await call('trading.cancelOrder', { orderId: market.orderId })).toMatchObject({ accepted: true });
    const state = await call('trading.state', {});
    expect(state).toMatchObject({ positions: [{ instrument: 'AAA', quantity: 10 }], executions: [{ quantity: 10 }] });
    expect(await call('trading.killSwitch', { flatten: true, confirm: true })).toMatchObject({ flatten: [{ side: 'SELL', quantity: 10 }] });
    expect(await call('trading.dismissUnknownOrder', { orderId: 'O1' })).toMatchObject({ accepted: false });
    expect(await call('trading.acknowledgeDifference', { id: 1 })).toEqual({ acknowledged: false });
    expect(await call('trading.resetBreaker', {})).toMatchObject({ tripped: false });
    h.broker().history = [{ ts: Date.UTC(2024, 0, 2), open: 1, high: 2, low: 1, close: 2, volume: 5 }];
    expect(await call('trading.downloadHistory', { symbol: 'AAA', years: 1 })).toMatchObject({ written: { bars: 1 }, decision: null });
    expect(await call('trading.downloadHistory', { symbol: 'AAA', years: 1 })).toMatchObject({ written: null, decision: { changes: { unchanged: 1 } } });
    expect(await call('trading.resolveHistory', { symbol: 'AAA', choice: 'cancel' })).toEqual({ symbol: 'AAA', written: null, decision: null });
    expect(await call('trading.quote', { symbol: 'AAA', action: 'unsubscribe' })).toBeNull();
    expect(await call('trading.disconnect', {})).toMatchObject({ state: 'disconnected' });
    expect(await call('trading.forgetAlpacaKeys', {})).toMatchObject({ keychain: false, canStore: false });
    expect(await call('trading.armLive', { phrase: LIVE_ARMING_PHRASE })).toMatchObject({ liveArmed: true });
    expect(await call('trading.disarmLive', {})).toMatchObject({ liveArmed: false });
  });

  it('refuses bad input at the boundary before the service sees it', async () => {
    h = tradingHarness((s) => simSession(new TestSimBroker(s, CLOSES)));
    const call = callerFor(tradingHandlers(h.service));
    await expect(call('trading.killSwitch', { flatten: true, confirm: false })).rejects.toThrow(/confirm/);
    await expect(call('trading.connect', { preset: 'tws_paper', port: 70_000 })).rejects.toThrow(/port/);
    await expect(call('trading.checkOrder', { instrument: 'AAA;DROP', side: 'BUY', type: 'MARKET', quantity: 1 })).rejects.toThrow(/instrument/);
    await expect(call('trading.submitOrder', { instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1, extra: 1 })).rejects.toThrow();
    await expect(call('trading.downloadHistory', { symbol: 'AAA', years: 0 })).rejects.toThrow(/years/);
    await expect(call('trading.acknowledgeDifference', { id: 0 })).rejects.toThrow();
    const err = await call('trading.submitOrder', { instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('UNAVAILABLE');
  });
});
