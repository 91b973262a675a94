import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAlpaca } from './types';
import { field, rest } from './testing/rest';
import { orderState, place, startTestFake } from './testing/testFake';
import { waitFor } from './testing/waitFor';
import { events, tradeListener, type WsProbe } from './testing/wsClient';

let fake: FakeAlpaca;
const probes: WsProbe[] = [];
beforeEach(async () => {
  fake = await startTestFake();
});
afterEach(async () => {
  for (const p of probes.splice(0)) p.close();
  await fake.close();
});

const market = (extra: Record<string, unknown> = {}) => ({ symbol: 'AAA', side: 'buy', type: 'market', time_in_force: 'gtc', qty: 10, ...extra });

async function listener(): Promise<WsProbe> {
  const p = await tradeListener(fake.tradingStreamUrl, fake.keyId, fake.secretKey);
  probes.push(p);
  return p;
}

describe('REST faults', () => {
  it('429 with Retry-After on the next N requests, then normal answers', async () => {
    fake.faults.rateLimit(2, { retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const r = await rest(fake, 'GET', '/v2/account');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('3');
      expect(r.body).toEqual({ code: 42910000, message: 'rate limit exceeded' });
    }
    expect((await rest(fake, 'GET', '/v2/account')).status).toBe(200);
  });

  it('429 only on a path when told, on either host', async () => {
    fake.faults.rateLimit(1, { path: '/v2/stocks' });
    expect((await rest(fake, 'GET', '/v2/account')).status).toBe(200);
    expect((await rest(fake, 'GET', '/v2/stocks/AAA/quotes/latest', { data: true })).status).toBe(429);
    expect((await rest(fake, 'GET', '/v2/stocks/AAA/quotes/latest', { data: true })).status).toBe(200);
  });

  it('500 or 503 on the next N requests; a refused order is not placed', async () => {
    fake.faults.serverError(1);
    expect(await rest(fake, 'POST', '/v2/orders', { body: market() })).toMatchObject({ status: 500, body: { code: 50010000, message: 'internal server error' } });
    expect(fake.state().orders).toEqual([]);
    fake.faults.serverError(1, { status: 503 });
    expect((await rest(fake, 'GET', '/v2/positions')).status).toBe(503);
    expect((await rest(fake, 'GET', '/v2/positions')).status).toBe(200);
  });

  it('loses the response of an accepted order: the order works, and is found by its client_order_id', async () => {
    fake.faults.loseNextOrderResponse();
    await expect(rest(fake, 'POST', '/v2/orders', { body: market({ client_order_id: 'fate-unknown' }) })).rejects.toThrow();
    const found = await rest(fake, 'GET', '/v2/orders:by_client_order_id?client_order_id=fate-unknown');
    expect(found.status).toBe(200);
    expect(field(found.body, 'status')).toBe('filled');
    expect(fake.state().orders).toHaveLength(1);
    expect((await rest(fake, 'POST', '/v2/orders', { body: market({ client_order_id: 'next' }) })).status).toBe(200);
  });

  it('rejects the next order after accepting it', async () => {
    const p = await listener();
    fake.faults.rejectNextOrder();
    const o = await place(fake, market());
    expect(o.status).toBe('accepted');
    await waitFor(() => events(p).length === 1, 'the rejected update');
    expect([events(p)[0].event, events(p)[0].status]).toEqual(['rejected', 'rejected']);
    expect(orderState(fake, o.id).status).toBe('rejected');
    expect(fake.state().fills).toEqual([]);
    expect(orderState(fake, (await place(fake, market())).id).status).toBe('filled');
  });
});

describe('stream faults', () => {
  it('drops the trade stream now', async () => {
    const p = await listener();
    fake.faults.dropTradeStream();
    await waitFor(() => p.closed, 'the trade socket to close');
  });

  it('drops the trade stream after N events, the Nth delivered', async () => {
    const p = await listener();
    fake.faults.dropTradeStream(1);
    await place(fake, market());
    await waitFor(() => p.closed, 'the trade socket to close');
    expect(events(p).map((e) => e.event)).toEqual(['new']);
    expect(orderState(fake, fake.state().orders[0].id).status).toBe('filled');
  });

  it('duplicates every event, with the same execution id', async () => {
    const p = await listener();
    fake.faults.duplicateEvents();
    await place(fake, market());
    await waitFor(() => events(p).length === 4, 'four trade updates');
    const evs = events(p);
    expect(evs.map((e) => e.event)).toEqual(['new', 'new', 'fill', 'fill']);
    expect(evs[2].data.execution_id).toBe(evs[3].data.execution_id);
    fake.faults.duplicateEvents(false);
    await place(fake, market());
    await waitFor(() => events(p).length === 6, 'two more trade updates');
  });
});

describe('delayed fills', () => {
  it('by steps: a market order waits N bars, then fills on the bar', async () => {
    fake.faults.delayFills({ steps: 2 });
    const o = await place(fake, market());
    expect(orderState(fake, o.id).status).toBe('new');
    fake.step();
    expect(orderState(fake, o.id).status).toBe('new');
    fake.step();
    // On a bar, a market order takes the bar's open (fill_timing next_open): bar 2 opens at 102.
    expect(orderState(fake, o.id)).toMatchObject({ status: 'filled', filledAvgPrice: 102 });
    fake.faults.delayFills(null);
    expect(orderState(fake, (await place(fake, market())).id).status).toBe('filled');
  });

  it('by milliseconds: the order fills once the delay has run out', async () => {
    const p = await listener();
    fake.faults.delayFills({ ms: 40 });
    const o = await place(fake, market());
    expect(orderState(fake, o.id).status).toBe('new');
    await waitFor(() => orderState(fake, o.id).status === 'filled', 'the delayed fill');
    await waitFor(() => events(p).map((e) => e.event).join() === 'new,fill', 'new then fill on the stream');
  });
});

describe('reset and the control API', () => {
  it('resets to an empty account', async () => {
    await place(fake, market());
    fake.faults.resetAccount();
    const s = fake.state();
    expect([s.orders, s.fills, s.positions, s.cash]).toEqual([[], [], [], 100_000]);
    expect((await rest(fake, 'GET', '/v2/orders?status=all')).body).toEqual([]);
  });

  it('arms faults, steps and reads state over HTTP, checking the body', async () => {
    const post = (path: string, body: unknown) => rest(fake, 'POST', path, { body, auth: false });
    expect((await post('/_fake/faults', { fault: 'rate_limit', count: 1, retry_after_seconds: 2 })).status).toBe(204);
    expect((await rest(fake, 'GET', '/v2/account')).headers.get('retry-after')).toBe('2');
    const bad = await post('/_fake/faults', { fault: 'server_error', status: 502 });
    expect(bad.status).toBe(422);
    expect(String(field(bad.body, 'message'))).toMatch(/^POST \/_fake\/faults: status: /);
    expect((await post('/_fake/faults', { fault: 'meteor' })).status).toBe(422);
    expect((await post('/_fake/faults', { fault: 'clear', extra: 1 })).status).toBe(422);
    expect((await post('/_fake/step', { bars: 2 })).body).toEqual({ market_time: '2020-01-03T00:00:00.000Z' });
    await place(fake, market());
    const state = (await rest(fake, 'GET', '/_fake/state', { auth: false })).body;
    expect(field(state, 'positions')).toEqual([{ symbol: 'AAA', qty: 10, avgEntryPrice: 105 }]);
    expect((await post('/_fake/faults', { fault: 'reset_account' })).status).toBe(204);
    expect(fake.state().positions).toEqual([]);
  });
});
