import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailySeries } from '../data/seriesFromBars';
import { startFakeAlpaca } from './index';
import type { FakeAlpaca } from './types';
import { waitFor } from './testing/waitFor';
import { field, rest } from './testing/rest';
import { place, startTestFake } from './testing/testFake';

let fake: FakeAlpaca;
beforeEach(async () => {
  fake = await startTestFake();
});
afterEach(async () => {
  await fake.close();
});

const order = (extra: Record<string, unknown> = {}) => ({ symbol: 'AAA', side: 'buy', type: 'market', time_in_force: 'day', qty: 10, ...extra });

async function refused(body: unknown): Promise<{ status: number; body: unknown }> {
  const r = await rest(fake, 'POST', '/v2/orders', { body });
  return { status: r.status, body: r.body };
}

describe('authentication', () => {
  it('refuses requests without both key headers, with Alpaca\'s 401 body', async () => {
    for (const data of [false, true]) {
      const r = await rest(fake, 'GET', data ? '/v2/stocks/AAA/quotes/latest' : '/v2/account', { auth: false, data });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 40110000, message: 'request is not authorized' });
    }
    const wrong = await fetch(`${fake.tradingBaseUrl}/v2/account`, { headers: { 'APCA-API-KEY-ID': fake.keyId, 'APCA-API-SECRET-KEY': 'nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers unknown endpoints and malformed paths with 404', async () => {
    expect(await rest(fake, 'GET', '/v2/watchlists')).toMatchObject({ status: 404, body: { code: 40410000, message: 'endpoint not found: GET /v2/watchlists' } });
    expect((await rest(fake, 'GET', '/v2/orders/%E0%A4%A')).status).toBe(404);
  });

  it('keeps trading and data endpoints on their own hosts', async () => {
    expect((await rest(fake, 'GET', '/v2/account', { data: true })).status).toBe(404);
    expect((await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=1Day')).status).toBe(404);
  });
});

describe('account, clock, assets', () => {
  it('answers the account with Alpaca\'s fields as decimal strings', async () => {
    await place(fake, order());
    const a = (await rest(fake, 'GET', '/v2/account')).body;
    expect(a).toMatchObject({ status: 'ACTIVE', currency: 'USD', cash: '99000.00', equity: '100000.00', long_market_value: '1000.00', multiplier: '2', pattern_day_trader: false });
    expect(field(a, 'buying_power')).toBe('199000.00');
    expect(field(a, 'account_number')).toMatch(/^PA/);
  });

  it('answers the clock and assets, 404 for an unknown asset', async () => {
    const clock = (await rest(fake, 'GET', '/v2/clock')).body;
    expect(field(clock, 'is_open')).toBe(true);
    expect(Date.parse(String(field(clock, 'next_close')))).toBeGreaterThan(Date.parse(String(field(clock, 'timestamp'))));
    const asset = (await rest(fake, 'GET', '/v2/assets/aaa')).body;
    expect(asset).toMatchObject({ symbol: 'AAA', class: 'us_equity', tradable: true, fractionable: true, shortable: true });
    expect((await rest(fake, 'GET', `/v2/assets/${String(field(asset, 'id'))}`)).status).toBe(200);
    const missing = await rest(fake, 'GET', '/v2/assets/ZZZ');
    expect(missing).toMatchObject({ status: 404, body: { code: 40410000, message: 'asset not found for ZZZ' } });
    expect(((await rest(fake, 'GET', '/v2/assets')).body as unknown[]).map((x) => field(x, 'symbol'))).toEqual(['AAA', 'BBB']);
  });
});

describe('orders', () => {
  it('answers an order in Alpaca\'s shape, by id and by client_order_id', async () => {
    const o = await place(fake, order({ client_order_id: 'mine-1', type: 'limit', limit_price: '95.5', time_in_force: 'gtc' }));
    expect(o).toMatchObject({
      client_order_id: 'mine-1',
      symbol: 'AAA',
      asset_class: 'us_equity',
      qty: '10',
      filled_qty: '0',
      filled_avg_price: null,
      order_class: '',
      type: 'limit',
      order_type: 'limit',
      side: 'buy',
      position_intent: 'buy_to_open',
      time_in_force: 'gtc',
      limit_price: '95.5',
      stop_price: null,
      status: 'accepted',
      extended_hours: false,
      legs: null,
    });
    expect(String(field(o, 'id'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(String(field(o, 'submitted_at')))).not.toBeNaN();
    const byId = (await rest(fake, 'GET', `/v2/orders/${String(o.id)}`)).body;
    expect(field(byId, 'status')).toBe('new');
    const byClient = (await rest(fake, 'GET', '/v2/orders:by_client_order_id?client_order_id=mine-1')).body;
    expect(field(byClient, 'id')).toBe(o.id);
    expect(await rest(fake, 'GET', '/v2/orders:by_client_order_id?client_order_id=nobody')).toMatchObject({ status: 404, body: { code: 40410000, message: 'order not found' } });
    expect((await rest(fake, 'GET', '/v2/orders/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('lists open, closed and all orders, newest first, filtered and limited', async () => {
    const a = await place(fake, order());
    const b = await place(fake, order({ type: 'limit', limit_price: 90, time_in_force: 'gtc' }));
    const c = await place(fake, order({ symbol: 'BBB', type: 'limit', limit_price: 40, time_in_force: 'gtc' }));
    const ids = async (q: string): Promise<unknown[]> => ((await rest(fake, 'GET', `/v2/orders${q}`)).body as unknown[]).map((x) => field(x, 'id'));
    expect(await ids('')).toEqual([c.id, b.id]);
    expect(await ids('?status=closed')).toEqual([a.id]);
    expect(await ids('?status=all&direction=asc')).toEqual([a.id, b.id, c.id]);
    expect(await ids('?status=all&limit=1')).toEqual([c.id]);
    expect(await ids('?status=all&symbols=BBB')).toEqual([c.id]);
    expect(await rest(fake, 'GET', '/v2/orders?status=done')).toMatchObject({ status: 422, body: { code: 40010001, message: 'status: expected one of open, closed, all, got "done"' } });
  });

  it('rolls bracket legs under their parent when nested, lists them apart otherwise', async () => {
    const p = await place(fake, order({ type: 'limit', limit_price: 90, time_in_force: 'gtc', order_class: 'bracket', take_profit: { limit_price: 120 }, stop_loss: { stop_price: 80 } }));
    const flat = (await rest(fake, 'GET', '/v2/orders?status=all')).body as unknown[];
    expect(flat).toHaveLength(3);
    expect(flat.every((o) => field(o, 'legs') === null)).toBe(true);
    const nested = (await rest(fake, 'GET', '/v2/orders?status=all&nested=true')).body as unknown[];
    expect(nested).toHaveLength(1);
    expect((field(nested[0], 'legs') as unknown[]).map((l) => field(l, 'type'))).toEqual(['limit', 'stop']);
    expect(field(nested[0], 'id')).toBe(p.id);
  });

  it('refuses bad orders with Alpaca\'s codes and a message naming the field', async () => {
    expect(await refused(order({ symbol: 'ZZZ' }))).toEqual({ status: 422, body: { code: 42210000, message: 'asset "ZZZ" not found' } });
    expect(await refused(order({ qty: 0 }))).toEqual({ status: 422, body: { code: 40010001, message: 'qty must be > 0' } });
    expect(await refused(order({ qty: 'ten' }))).toEqual({ status: 422, body: { code: 40010001, message: 'qty: must be a decimal number' } });
    expect(await refused(order({ qty: undefined }))).toEqual({ status: 422, body: { code: 40010001, message: 'qty or notional is required' } });
    expect(await refused(order({ type: 'limit' }))).toEqual({ status: 422, body: { code: 40010001, message: 'limit_price is required for limit orders' } });
    expect(await refused(order({ type: 'pegged' }))).toMatchObject({ status: 422, body: { code: 40010001 } });
    expect(await refused(order({ qty: 1.5, time_in_force: 'gtc' }))).toEqual({ status: 422, body: { code: 40010001, message: 'fractional orders must be DAY orders' } });
    expect(await refused(order({ order_class: 'bracket', take_profit: { limit_price: 99 }, stop_loss: { stop_price: 90 } }))).toEqual({
      status: 422,
      body: { code: 40010001, message: 'take_profit.limit_price must be >= base_price + 0.01 (base price 100)' },
    });
    const poor = await refused(order({ qty: 2500 }));
    expect(poor).toEqual({ status: 403, body: { code: 40310000, message: 'insufficient buying power', buying_power: '200000.00', cost_basis: '250000.00' } });
    const raw = await fetch(`${fake.tradingBaseUrl}/v2/orders`, { method: 'POST', headers: { 'APCA-API-KEY-ID': fake.keyId, 'APCA-API-SECRET-KEY': fake.secretKey }, body: '{"symbol":' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ code: 40010000, message: 'request body format is invalid' });
    expect(fake.state().orders).toEqual([]);
  });

  it('refuses a client_order_id already used', async () => {
    await place(fake, order({ client_order_id: 'once' }));
    expect(await refused(order({ client_order_id: 'once' }))).toEqual({ status: 422, body: { code: 40010001, message: 'client_order_id must be unique' } });
    expect(fake.state().orders).toHaveLength(1);
  });

  it('counts shares promised to open sells, and refuses fractional short sales', async () => {
    await place(fake, order());
    await place(fake, order({ side: 'sell', type: 'limit', limit_price: 120, time_in_force: 'gtc', qty: 8 }));
    const pos = (await rest(fake, 'GET', '/v2/positions')).body as unknown[];
    expect(pos).toHaveLength(1);
    expect(pos[0]).toMatchObject({ symbol: 'AAA', qty: '10', qty_available: '2', side: 'long', avg_entry_price: '100', market_value: '1000.00', cost_basis: '1000.00' });
    expect(await refused(order({ side: 'sell', qty: 2.5 }))).toEqual({ status: 403, body: { code: 40310000, message: 'insufficient qty available for order (requested: 2.5, available: 2)' } });
  });
});

describe('account activities', () => {
  it('lists FILL activities newest first and pages them', async () => {
    await place(fake, order({ qty: 250, time_in_force: 'gtc' }));
    fake.step(2);
    const all = (await rest(fake, 'GET', '/v2/account/activities?activity_types=FILL')).body as unknown[];
    expect(all.map((a) => [field(a, 'type'), field(a, 'qty'), field(a, 'cum_qty'), field(a, 'leaves_qty')])).toEqual([
      ['fill', '50', '250', '0'],
      ['partial_fill', '100', '200', '50'],
      ['partial_fill', '100', '100', '150'],
    ]);
    expect(all[0]).toMatchObject({ activity_type: 'FILL', side: 'buy', symbol: 'AAA', order_status: 'filled' });
    const first = (await rest(fake, 'GET', '/v2/account/activities/FILL?page_size=2&direction=asc')).body as unknown[];
    expect(first).toHaveLength(2);
    const next = (await rest(fake, 'GET', `/v2/account/activities/FILL?page_size=2&direction=asc&page_token=${String(field(first[1], 'id'))}`)).body as unknown[];
    expect(next.map((a) => field(a, 'id'))).toEqual([field(all[0], 'id')]);
    expect((await rest(fake, 'GET', '/v2/account/activities?activity_types=DIV')).body).toEqual([]);
    expect((await rest(fake, 'GET', '/v2/account/activities/BOGUS')).status).toBe(422);
  });
});

describe('market data', () => {
  it('pages bars with a page token, never past the current bar', async () => {
    fake.step(5);
    const page1 = (await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=1Day&limit=4', { data: true })).body;
    const bars1 = field(page1, 'bars') as unknown[];
    expect(bars1.map((b) => field(b, 'c'))).toEqual([100, 102, 105, 97]);
    expect(bars1[0]).toMatchObject({ t: '2020-01-01T00:00:00.000Z', o: 100, h: 101, l: 99, c: 100, v: 1000 });
    const token = String(field(page1, 'next_page_token'));
    const page2 = (await rest(fake, 'GET', `/v2/stocks/AAA/bars?timeframe=1Day&limit=4&page_token=${token}`, { data: true })).body;
    expect((field(page2, 'bars') as unknown[]).map((b) => field(b, 'c'))).toEqual([92, 94]);
    expect(field(page2, 'next_page_token')).toBeNull();
    const desc = (await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=1D&sort=desc&limit=1&start=2020-01-02', { data: true })).body;
    expect((field(desc, 'bars') as unknown[]).map((b) => field(b, 't'))).toEqual(['2020-01-06T00:00:00.000Z']);
  });

  it('serves several symbols, coarser timeframes, and refuses finer ones', async () => {
    fake.step(7);
    const multi = (await rest(fake, 'GET', '/v2/stocks/bars?symbols=BBB,AAA&timeframe=1Day&limit=9', { data: true })).body;
    const bars = field(multi, 'bars') as Record<string, unknown[]>;
    expect(Object.keys(bars)).toEqual(['AAA', 'BBB']);
    expect([bars.AAA.length, bars.BBB.length]).toEqual([8, 1]);
    const week = (await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=1Week', { data: true })).body;
    const weekly = field(week, 'bars') as unknown[];
    expect(weekly.length).toBeLessThan(8);
    expect(Math.max(...weekly.map((b) => Number(field(b, 'h'))))).toBe(106);
    const fine = await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=1Min', { data: true });
    expect(fine.status).toBe(422);
    expect(String(field(fine.body, 'message'))).toMatch(/^timeframe: cannot resample AAA/);
    expect((await rest(fake, 'GET', '/v2/stocks/AAA/bars?timeframe=daily', { data: true })).status).toBe(422);
  });

  it('answers latest quotes, trades and bars around the last price', async () => {
    const q = (await rest(fake, 'GET', '/v2/stocks/AAA/quotes/latest', { data: true })).body;
    expect(q).toMatchObject({ symbol: 'AAA', quote: { t: '2020-01-01T00:00:00.000Z', bp: 99.99, ap: 100.01 } });
    const t = (await rest(fake, 'GET', '/v2/stocks/AAA/trades/latest', { data: true })).body;
    expect(field(field(t, 'trade'), 'p')).toBe(100);
    const multi = (await rest(fake, 'GET', '/v2/stocks/quotes/latest?symbols=AAA,BBB,ZZZ', { data: true })).body;
    expect(Object.keys(field(multi, 'quotes') as object)).toEqual(['AAA', 'BBB']);
    fake.step();
    const b = (await rest(fake, 'GET', '/v2/stocks/bars/latest?symbols=AAA', { data: true })).body;
    expect(field(field(field(b, 'bars'), 'AAA'), 'c')).toBe(102);
    expect(await rest(fake, 'GET', '/v2/stocks/ZZZ/quotes/latest', { data: true })).toMatchObject({ status: 404, body: { code: 40410000, message: 'no quote found for ZZZ' } });
  });
});

describe('start options', () => {
  it('takes its own keys, and replays on a timer', async () => {
    const own = await startFakeAlpaca({ keyId: 'K1', secretKey: 'S1', clock: { intervalMs: 5 }, series: [dailySeries('AAA', [[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]])], startBar: 0 });
    try {
      expect([own.keyId, own.secretKey]).toEqual(['K1', 'S1']);
      expect((await rest(own, 'GET', '/v2/account')).status).toBe(200);
      await waitFor(() => own.price('AAA') === 3, 'the timer to replay to the last bar');
    } finally {
      await own.close();
    }
  });

  it('fails to start on a port in use', async () => {
    const dataPort = Number(new URL(fake.dataBaseUrl).port);
    await expect(startFakeAlpaca({ dataPort })).rejects.toThrow(/EADDRINUSE/);
  });

  it('refuses a clock interval that is not positive', async () => {
    await expect(startFakeAlpaca({ clock: { intervalMs: 0 } })).rejects.toThrow('fake Alpaca: clock.intervalMs must be > 0, got 0');
  });
});
