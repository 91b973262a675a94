import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAlpaca } from './types';
import { rest } from './testing/rest';
import { legIds, place, startTestFake } from './testing/testFake';
import { waitFor } from './testing/waitFor';
import { events, tradeListener, WsProbe } from './testing/wsClient';

let fake: FakeAlpaca;
const probes: WsProbe[] = [];
beforeEach(async () => {
  fake = await startTestFake();
});
afterEach(async () => {
  for (const p of probes.splice(0)) p.close();
  await fake.close();
});

async function probe(url: string, msgpack = false): Promise<WsProbe> {
  const p = await WsProbe.open(url, msgpack);
  probes.push(p);
  return p;
}

describe('trade_updates stream', () => {
  it('authenticates either way Alpaca accepts, and listens', async () => {
    const a = await probe(fake.tradingStreamUrl);
    a.send({ action: 'listen', data: { streams: ['trade_updates'] } });
    expect(await a.nth(1)).toEqual({ stream: 'authorization', data: { action: 'listen', status: 'unauthorized' } });
    a.send({ action: 'authenticate', data: { key_id: fake.keyId, secret_key: fake.secretKey } });
    expect(await a.nth(2)).toEqual({ stream: 'authorization', data: { action: 'authenticate', status: 'authorized' } });
    a.send({ action: 'listen', data: { streams: ['trade_updates'] } });
    expect(await a.nth(3)).toEqual({ stream: 'listening', data: { streams: ['trade_updates'] } });
    const b = await probe(fake.tradingStreamUrl);
    b.send({ action: 'auth', key: fake.keyId, secret: fake.secretKey });
    expect(await b.nth(1)).toEqual({ stream: 'authorization', data: { action: 'authenticate', status: 'authorized' } });
  });

  it('refuses wrong keys and closes; answers junk with an error frame', async () => {
    const bad = await probe(fake.tradingStreamUrl);
    bad.send({ action: 'authenticate', data: { key_id: fake.keyId, secret_key: 'wrong' } });
    expect(await bad.nth(1)).toEqual({ stream: 'authorization', data: { action: 'authenticate', status: 'unauthorized' } });
    await waitFor(() => bad.closed, 'the refused socket to close');
    const junk = await probe(fake.tradingStreamUrl);
    junk.send({ action: 'dance' });
    expect(await junk.nth(1)).toEqual({ action: 'error', data: { error_message: 'invalid message: expected authenticate, auth or listen' } });
  });

  it('sends the legs\' own updates: new when the entry fills, canceled with the entry that never filled', async () => {
    const t = await tradeListener(fake.tradingStreamUrl, fake.keyId, fake.secretKey);
    const filled = await place(fake, { symbol: 'AAA', side: 'buy', type: 'market', time_in_force: 'gtc', qty: 10, order_class: 'bracket', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 90 } });
    const [tp, sl] = legIds(filled);
    await waitFor(() => events(t).length === 4, 'the entry\'s new and fill, then its legs\' new');
    expect(events(t).map((e) => [e.event, (e.data.order as { id: string }).id])).toEqual([
      ['new', filled.id],
      ['fill', filled.id],
      ['new', tp],
      ['new', sl],
    ]);
    expect((events(t)[1].data.order as { legs: { status: string }[] }).legs.map((l) => l.status)).toEqual(['held', 'held']);
    const waiting = await place(fake, { symbol: 'AAA', side: 'buy', type: 'limit', limit_price: 90, time_in_force: 'gtc', qty: 5, order_class: 'bracket', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 85 } });
    await rest(fake, 'DELETE', `/v2/orders/${String(waiting.id)}`);
    await waitFor(() => events(t).length === 9, 'the second entry\'s new, pending_cancel and canceled, and its legs\' canceled');
    expect(events(t).slice(4).map((e) => [e.event, (e.data.order as { id: string }).id])).toEqual([
      ['new', waiting.id],
      ['pending_cancel', waiting.id],
      ['canceled', waiting.id],
      ...legIds(waiting).map((id) => ['canceled', id]),
    ]);
  });

  it('sends new, partial_fill and fill with Alpaca\'s payload, and canceled', async () => {
    const t = await tradeListener(fake.tradingStreamUrl, fake.keyId, fake.secretKey);
    const o = await place(fake, { symbol: 'AAA', side: 'buy', type: 'market', time_in_force: 'gtc', qty: 150 });
    fake.step();
    await waitFor(() => events(t).length === 3, 'three trade updates');
    const [created, partial, fill] = events(t);
    expect([created.event, created.status]).toEqual(['new', 'new']);
    expect(partial.data).toMatchObject({ event: 'partial_fill', price: '100', qty: '100', position_qty: '100' });
    expect(fill.data).toMatchObject({ event: 'fill', price: '101', qty: '50', position_qty: '150' });
    expect(fill.data.order).toMatchObject({ id: o.id, status: 'filled', filled_qty: '150' });
    expect(typeof fill.data.execution_id).toBe('string');
    expect(Date.parse(String(fill.data.timestamp))).not.toBeNaN();
    expect(new Set(fake.state().fills.map((f) => f.id))).toEqual(new Set([partial.data.execution_id, fill.data.execution_id]));

    const limit = await place(fake, { symbol: 'AAA', side: 'buy', type: 'limit', limit_price: 50, time_in_force: 'gtc', qty: 1 });
    await fetch(`${fake.tradingBaseUrl}/v2/orders/${String(limit.id)}`, { method: 'DELETE', headers: { 'APCA-API-KEY-ID': fake.keyId, 'APCA-API-SECRET-KEY': fake.secretKey } });
    await waitFor(() => events(t).length === 6, 'new, pending_cancel and canceled');
    expect(events(t).slice(3).map((e) => [e.event, e.status])).toEqual([
      ['new', 'new'],
      ['pending_cancel', 'pending_cancel'],
      ['canceled', 'canceled'],
    ]);
  });

  it('sends expired for a DAY order at its session close, replaced for a replaced order', async () => {
    const t = await tradeListener(fake.tradingStreamUrl, fake.keyId, fake.secretKey);
    await place(fake, { symbol: 'AAA', side: 'buy', type: 'limit', limit_price: 50, time_in_force: 'day', qty: 1 });
    const g = await place(fake, { symbol: 'AAA', side: 'buy', type: 'limit', limit_price: 50, time_in_force: 'gtc', qty: 1 });
    fake.step();
    await fetch(`${fake.tradingBaseUrl}/v2/orders/${String(g.id)}`, {
      method: 'PATCH',
      headers: { 'APCA-API-KEY-ID': fake.keyId, 'APCA-API-SECRET-KEY': fake.secretKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ qty: 2 }),
    });
    await waitFor(() => events(t).length === 5, 'five trade updates');
    expect(events(t).map((e) => e.event)).toEqual(['new', 'new', 'expired', 'replaced', 'new']);
    expect(events(t)[3].data.order).toMatchObject({ id: g.id, status: 'replaced' });
    expect(events(t)[4].data.order).toMatchObject({ replaces: g.id, qty: '2' });
  });
});

describe('market-data stream', () => {
  it('speaks JSON by default: connected, authenticated, subscription, then t, q, b per bar', async () => {
    const d = await probe(`${fake.dataStreamUrl}/v2/iex`);
    expect(await d.nth(1)).toEqual([{ T: 'success', msg: 'connected' }]);
    d.send({ action: 'subscribe', bars: ['AAA'] });
    expect(await d.nth(2)).toEqual([{ T: 'error', code: 401, msg: 'not authenticated' }]);
    d.send({ action: 'auth', key: fake.keyId, secret: fake.secretKey });
    expect(await d.nth(3)).toEqual([{ T: 'success', msg: 'authenticated' }]);
    d.send({ action: 'subscribe', trades: ['AAA'], quotes: ['AAA'], bars: ['*'] });
    expect(await d.nth(4)).toEqual([
      { T: 'subscription', trades: ['AAA'], quotes: ['AAA'], bars: ['*'], updatedBars: [], dailyBars: [], statuses: [], lulds: [], corrections: [], cancelErrors: [] },
    ]);
    fake.step();
    const frames = (await d.nth(5)) as Record<string, unknown>[];
    expect(frames.map((f) => `${String(f.T)}:${String(f.S)}`)).toEqual(['t:AAA', 'q:AAA', 'b:AAA', 'b:BBB']);
    expect(frames[2]).toEqual({ T: 'b', S: 'AAA', t: '2020-01-02T00:00:00.000Z', o: 101, h: 103, l: 100, c: 102, v: 1000, n: 10, vw: 101.6667 });
    expect(frames[1]).toMatchObject({ T: 'q', bp: 101.99, ap: 102.01 });
  });

  it('speaks msgpack to a client that asks for it, with timestamps as the msgpack timestamp type', async () => {
    const d = await probe(`${fake.dataStreamUrl}/v2/sip`, true);
    expect(await d.nth(1)).toEqual([{ T: 'success', msg: 'connected' }]);
    d.send({ action: 'auth', key: fake.keyId, secret: fake.secretKey }, true);
    expect(await d.nth(2)).toEqual([{ T: 'success', msg: 'authenticated' }]);
    d.send({ action: 'subscribe', bars: ['AAA'] }, true);
    await d.nth(3);
    fake.step();
    const [bar] = (await d.nth(4)) as Record<string, unknown>[];
    expect(bar.t).toEqual(new Date('2020-01-02T00:00:00Z'));
    expect(bar.c).toBe(102);
  });

  it('refuses wrong keys with code 402 and closes; refuses other paths', async () => {
    const d = await probe(`${fake.dataStreamUrl}/v2/iex`);
    d.send({ action: 'auth', key: 'x', secret: 'y' });
    expect(await d.nth(2)).toEqual([{ T: 'error', code: 402, msg: 'auth failed' }]);
    await waitFor(() => d.closed, 'the refused socket to close');
    await expect(WsProbe.open(`${fake.dataStreamUrl}/v2/opra`)).rejects.toThrow(/404/);
    await expect(WsProbe.open(`${fake.tradingBaseUrl.replace('http', 'ws')}/v2/iex`)).rejects.toThrow(/404/);
  });
});
