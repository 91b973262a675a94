import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAlpaca } from './types';
import { field, rest } from './testing/rest';
import { legIds, orderState, place, startTestFake } from './testing/testFake';

let fake: FakeAlpaca;
beforeEach(async () => {
  fake = await startTestFake();
});
afterEach(async () => {
  await fake.close();
});

const buy = (extra: Record<string, unknown>) => ({ symbol: 'AAA', side: 'buy', type: 'market', time_in_force: 'day', qty: 10, ...extra });
const sell = (extra: Record<string, unknown>) => ({ ...buy(extra), side: 'sell', ...extra });

describe('order types, matched by the backtest rules', () => {
  it('a market order fills at once at the last price and is answered as accepted', async () => {
    const o = await place(fake, buy({}));
    expect(field(o, 'status')).toBe('accepted');
    expect(orderState(fake, o.id)).toMatchObject({ status: 'filled', filledQty: 10, filledAvgPrice: 100 });
    expect(fake.state().positions).toEqual([{ symbol: 'AAA', qty: 10, avgEntryPrice: 100 }]);
    expect(fake.state().cash).toBe(100_000 - 1000);
  });

  it('a limit works until the market reaches it; a DAY limit expires at its session close', async () => {
    const gtc = await place(fake, buy({ type: 'limit', limit_price: 101, time_in_force: 'gtc' }));
    expect(orderState(fake, gtc.id).status).toBe('filled'); // marketable at 100
    const day = await place(fake, buy({ type: 'limit', limit_price: 99.5 }));
    const later = await place(fake, sell({ type: 'limit', limit_price: 102.5, time_in_force: 'gtc' }));
    expect(orderState(fake, day.id).status).toBe('new');
    expect(orderState(fake, later.id).status).toBe('new');
    fake.step(); // bar 1: low 100, never at 99.5; opens at 101 and trades up through 102.5
    expect(orderState(fake, day.id).status).toBe('expired');
    expect(orderState(fake, later.id)).toMatchObject({ status: 'filled', filledAvgPrice: 102.5 });
  });

  it('a stop triggers when the bar trades through it and fills at the stop', async () => {
    await place(fake, buy({}));
    const stop = await place(fake, sell({ type: 'stop', stop_price: 98, time_in_force: 'gtc' }));
    fake.step(2);
    expect(orderState(fake, stop.id).status).toBe('new');
    fake.step(); // bar 3: 105 -> low 96
    expect(orderState(fake, stop.id)).toMatchObject({ status: 'filled', filledAvgPrice: 98 });
  });

  it('a stop-limit needs its limit after the trigger', async () => {
    await place(fake, buy({}));
    const sl = await place(fake, sell({ type: 'stop_limit', stop_price: 98, limit_price: 99, time_in_force: 'gtc' }));
    fake.step(3); // bar 3 triggers at 98, but 99 is above the stop: only a close back at 99 would prove it
    expect(orderState(fake, sl.id).status).toBe('new');
  });

  it('a trailing stop follows the high-water mark and shows its current stop', async () => {
    await place(fake, buy({}));
    const trail = await place(fake, sell({ type: 'trailing_stop', trail_price: 3, time_in_force: 'gtc' }));
    const stopNow = async (): Promise<unknown> => field((await rest(fake, 'GET', `/v2/orders/${String(trail.id)}`)).body, 'stop_price');
    expect(await stopNow()).toBe('97');
    fake.step(); // high 103
    expect(await stopNow()).toBe('100');
    fake.step(); // high 106
    expect(await stopNow()).toBe('103');
    fake.step(); // opens 105, falls to 96: out at 103
    expect(orderState(fake, trail.id)).toMatchObject({ status: 'filled', filledAvgPrice: 103 });
    const pct = await place(fake, buy({ type: 'trailing_stop', trail_percent: 10, time_in_force: 'gtc' }));
    expect(field((await rest(fake, 'GET', `/v2/orders/${String(pct.id)}`)).body, 'hwm')).toBe('97');
  });

  it('large orders fill partially, at most 10% of each bar volume', async () => {
    const big = await place(fake, buy({ qty: 250, time_in_force: 'gtc' }));
    expect(orderState(fake, big.id)).toMatchObject({ status: 'partially_filled', filledQty: 100 });
    fake.step();
    expect(orderState(fake, big.id)).toMatchObject({ status: 'partially_filled', filledQty: 200 });
    fake.step();
    expect(orderState(fake, big.id)).toMatchObject({ status: 'filled', filledQty: 250 });
    expect(fake.state().fills.map((f) => f.qty)).toEqual([100, 100, 50]);
  });
});

describe('time in force', () => {
  it('ioc cancels what did not fill at once; fok fills all or nothing', async () => {
    const ioc = await place(fake, buy({ type: 'limit', limit_price: 99, time_in_force: 'ioc' }));
    expect(orderState(fake, ioc.id).status).toBe('canceled');
    const fok = await place(fake, buy({ qty: 150, time_in_force: 'fok' }));
    expect(orderState(fake, fok.id)).toMatchObject({ status: 'canceled', filledQty: 0 });
    const ok = await place(fake, buy({ qty: 50, time_in_force: 'fok' }));
    expect(orderState(fake, ok.id).status).toBe('filled');
  });

  it('opg fills at the next open, cls at the next close', async () => {
    const opg = await place(fake, buy({ time_in_force: 'opg' }));
    const cls = await place(fake, buy({ time_in_force: 'cls' }));
    expect(orderState(fake, opg.id).status).toBe('new');
    fake.step();
    expect(orderState(fake, opg.id)).toMatchObject({ status: 'filled', filledAvgPrice: 101 });
    expect(orderState(fake, cls.id)).toMatchObject({ status: 'filled', filledAvgPrice: 102 });
  });
});

describe('fractional and notional orders', () => {
  it('fills fractional shares and buys a notional amount', async () => {
    const frac = await place(fake, buy({ qty: '0.5' }));
    expect(field(frac, 'qty')).toBe('0.5');
    expect(orderState(fake, frac.id)).toMatchObject({ status: 'filled', filledQty: 0.5 });
    const notional = await place(fake, buy({ qty: undefined, notional: 250 }));
    expect(field(notional, 'notional')).toBe('250');
    expect(field(notional, 'qty')).toBeNull();
    expect(orderState(fake, notional.id)).toMatchObject({ status: 'filled', filledQty: 2.5 });
  });
});

describe('order classes', () => {
  it('bracket: legs are held until the entry fills; the take-profit filling cancels the stop-loss', async () => {
    const entry = await place(fake, buy({ order_class: 'bracket', take_profit: { limit_price: 104 }, stop_loss: { stop_price: 95 }, time_in_force: 'gtc' }));
    const [tp, sl] = legIds(entry);
    expect(field(entry, 'order_class')).toBe('bracket');
    expect((field(entry, 'legs') as unknown[]).map((l) => field(l, 'status'))).toEqual(['held', 'held']);
    expect(orderState(fake, tp)).toMatchObject({ status: 'new', side: 'sell', type: 'limit', limitPrice: 104, parentId: entry.id });
    expect(orderState(fake, sl)).toMatchObject({ status: 'new', side: 'sell', type: 'stop', stopPrice: 95 });
    fake.step(2); // bar 2 reaches 106
    expect(orderState(fake, tp)).toMatchObject({ status: 'filled', filledAvgPrice: 104 });
    expect(orderState(fake, sl).status).toBe('canceled');
    expect(fake.state().positions).toEqual([]);
  });

  it('bracket: an entry that never fills takes its legs with it when cancelled', async () => {
    const entry = await place(fake, buy({ type: 'limit', limit_price: 90, order_class: 'bracket', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 85 }, time_in_force: 'gtc' }));
    expect((await rest(fake, 'DELETE', `/v2/orders/${String(entry.id)}`)).status).toBe(204);
    expect(legIds(entry).map((id) => orderState(fake, id).status)).toEqual(['canceled', 'canceled']);
  });

  it('oco: a limit and a stop exit; the stop filling cancels the limit', async () => {
    await place(fake, buy({}));
    const oco = await place(fake, sell({ type: 'limit', limit_price: 110, order_class: 'oco', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 98 }, time_in_force: 'gtc' }));
    const [sl] = legIds(oco);
    expect(orderState(fake, oco.id).status).toBe('new');
    expect(orderState(fake, sl)).toMatchObject({ status: 'new', type: 'stop', side: 'sell' });
    fake.step(3);
    expect(orderState(fake, sl)).toMatchObject({ status: 'filled', filledAvgPrice: 98 });
    expect(orderState(fake, oco.id).status).toBe('canceled');
  });

  it('oto: one leg released when the entry fills', async () => {
    const oto = await place(fake, buy({ order_class: 'oto', stop_loss: { stop_price: 95, limit_price: 94 }, time_in_force: 'gtc' }));
    const [leg] = legIds(oto);
    expect(orderState(fake, leg)).toMatchObject({ status: 'new', type: 'stop_limit', stopPrice: 95, limitPrice: 94 });
  });
});

describe('replace and cancel', () => {
  it('PATCH makes a new order that replaces the old one', async () => {
    const old = await place(fake, buy({ type: 'limit', limit_price: 95, time_in_force: 'gtc' }));
    const r = await rest(fake, 'PATCH', `/v2/orders/${String(old.id)}`, { body: { limit_price: '101.5', client_order_id: 'moved-up' } });
    expect(r.status).toBe(200);
    expect(field(r.body, 'replaces')).toBe(old.id);
    expect(field(r.body, 'client_order_id')).toBe('moved-up');
    expect(orderState(fake, old.id)).toMatchObject({ status: 'replaced', replacedBy: field(r.body, 'id') });
    // 101.5 is marketable against the last price (100): it fills at once.
    expect(orderState(fake, field(r.body, 'id'))).toMatchObject({ status: 'filled', filledAvgPrice: 100, limitPrice: 101.5 });
  });

  it('DELETE cancels an open order once; a final order is not cancelable', async () => {
    const o = await place(fake, buy({ type: 'limit', limit_price: 90, time_in_force: 'gtc' }));
    expect((await rest(fake, 'DELETE', `/v2/orders/${String(o.id)}`)).status).toBe(204);
    const again = await rest(fake, 'DELETE', `/v2/orders/${String(o.id)}`);
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ code: 42210000, message: 'order is already in "canceled" state' });
  });

  it('DELETE /v2/orders cancels every open order with a 207 multi-status', async () => {
    const a = await place(fake, buy({ type: 'limit', limit_price: 90, time_in_force: 'gtc' }));
    const b = await place(fake, buy({ type: 'limit', limit_price: 91, time_in_force: 'gtc' }));
    const r = await rest(fake, 'DELETE', '/v2/orders');
    expect(r.status).toBe(207);
    expect((r.body as unknown[]).map((x) => [field(x, 'id'), field(x, 'status')])).toEqual([
      [a.id, 200],
      [b.id, 200],
    ]);
  });
});

describe('positions', () => {
  it('a margin account may sell short; closing a position sends a market order', async () => {
    await place(fake, sell({ qty: 5 }));
    expect(fake.state().positions).toEqual([{ symbol: 'AAA', qty: -5, avgEntryPrice: 100 }]);
    const pos = await rest(fake, 'GET', '/v2/positions/AAA');
    expect(field(pos.body, 'side')).toBe('short');
    const close = await rest(fake, 'DELETE', '/v2/positions/AAA');
    expect(close.status).toBe(200);
    expect(field(close.body, 'side')).toBe('buy');
    expect(fake.state().positions).toEqual([]);
    expect((await rest(fake, 'GET', '/v2/positions/AAA')).body).toEqual({ code: 40410000, message: 'position does not exist' });
  });

  it('closes a percentage of a position', async () => {
    await place(fake, buy({}));
    const r = await rest(fake, 'DELETE', '/v2/positions/AAA?percentage=40');
    expect(field(r.body, 'qty')).toBe('4');
    expect(fake.state().positions[0].qty).toBe(6);
  });
});

describe('edge cases', () => {
  it('a sell may not flip a long short, nor sell shares an open order holds', async () => {
    await place(fake, buy({}));
    await place(fake, sell({ type: 'stop', stop_price: 90, time_in_force: 'gtc' }));
    const r = await rest(fake, 'DELETE', '/v2/positions/AAA');
    expect(r).toMatchObject({ status: 403, body: { code: 40310000, message: 'insufficient qty available for order (requested: 10, available: 0)' } });
    expect((await rest(fake, 'POST', '/v2/orders', { body: sell({ qty: 15 }) })).status).toBe(403);
  });

  it('open buys use up buying power; covering a short counts only what goes beyond it', async () => {
    await place(fake, sell({ qty: 100 }));
    expect(fake.state().positions[0].qty).toBe(-100); // gross 10,000: 190,000 of buying power left
    await place(fake, buy({ qty: 900, type: 'limit', limit_price: 50, time_in_force: 'gtc' })); // holds 45,000
    const refused = await rest(fake, 'POST', '/v2/orders', { body: buy({ qty: 1000, type: 'stop', stop_price: 200, time_in_force: 'gtc' }) });
    // 100 of the 1,000 cover the short: 900 x 200 is new exposure
    expect(refused).toMatchObject({ status: 403, body: { message: 'insufficient buying power', buying_power: '145000.00', cost_basis: '180000.00' } });
  });

  it('a bracket entry cancelled after a partial fill releases its legs for the filled shares', async () => {
    const entry = await place(fake, buy({ qty: 150, time_in_force: 'gtc', order_class: 'bracket', take_profit: { limit_price: 120 }, stop_loss: { stop_price: 80 } }));
    expect(orderState(fake, entry.id)).toMatchObject({ status: 'partially_filled', filledQty: 100 });
    await rest(fake, 'DELETE', `/v2/orders/${String(entry.id)}`);
    expect(legIds(entry).map((id) => [orderState(fake, id).status, orderState(fake, id).qty])).toEqual([
      ['new', 100],
      ['new', 100],
    ]);
  });

  it('cancelling one side of an OCO cancels the other', async () => {
    await place(fake, buy({}));
    const oco = await place(fake, sell({ type: 'limit', order_class: 'oco', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 90 }, time_in_force: 'gtc' }));
    const [sl] = legIds(oco);
    await rest(fake, 'DELETE', `/v2/orders/${sl}`);
    expect([orderState(fake, sl).status, orderState(fake, oco.id).status]).toEqual(['canceled', 'canceled']);
  });

  it('a replaced stop-loss stays in its bracket: the take-profit filling cancels the replacement', async () => {
    const entry = await place(fake, buy({ order_class: 'bracket', take_profit: { limit_price: 104 }, stop_loss: { stop_price: 95 }, time_in_force: 'gtc' }));
    const [tp, sl] = legIds(entry);
    const moved = await rest(fake, 'PATCH', `/v2/orders/${sl}`, { body: { stop_price: 99 } });
    const newSl = String(field(moved.body, 'id'));
    expect(orderState(fake, newSl)).toMatchObject({ status: 'new', stopPrice: 99, parentId: entry.id });
    const nested = (await rest(fake, 'GET', `/v2/orders/${String(entry.id)}?nested=true`)).body;
    expect((field(nested, 'legs') as unknown[]).map((l) => field(l, 'id'))).toEqual([tp, newSl]);
    fake.step(2);
    expect([orderState(fake, tp).status, orderState(fake, newSl).status]).toEqual(['filled', 'canceled']);
  });

  it('a held bracket leg can be replaced before its entry fills, and is released in its place', async () => {
    const entry = await place(fake, buy({ type: 'limit', limit_price: 99.5, order_class: 'bracket', take_profit: { limit_price: 110 }, stop_loss: { stop_price: 90 }, time_in_force: 'gtc' }));
    const [, sl] = legIds(entry);
    const moved = await rest(fake, 'PATCH', `/v2/orders/${sl}`, { body: { stop_price: 92 } });
    expect(field(moved.body, 'status')).toBe('held');
    fake.step(3); // bar 3 falls to 96: the entry fills at its limit, the legs are released
    expect(orderState(fake, entry.id)).toMatchObject({ status: 'filled', filledAvgPrice: 99.5 });
    expect(orderState(fake, String(field(moved.body, 'id')))).toMatchObject({ status: 'new', stopPrice: 92 });
    expect(orderState(fake, sl).status).toBe('replaced');
  });

  it('a trailing stop\'s replacement takes a new trail from the mark it carries over', async () => {
    await place(fake, buy({}));
    const trail = await place(fake, sell({ type: 'trailing_stop', trail_percent: 5, time_in_force: 'gtc' }));
    fake.step(2); // highs 103, 106: the mark is 106, the stop 100.7
    expect(orderState(fake, trail.id).stopPrice).toBeCloseTo(100.7, 9);
    const r = await rest(fake, 'PATCH', `/v2/orders/${String(trail.id)}`, { body: { trail: '10' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ type: 'trailing_stop', trail_percent: '10', hwm: '106', stop_price: '95.4', replaces: trail.id });
    fake.step(); // bar 3 falls to 96: above the wider stop, so it works on (a 5% trail would have gone at 100.7)
    expect(orderState(fake, field(r.body, 'id'))).toMatchObject({ status: 'new', stopPrice: 95.4 });
    fake.step(); // bar 4 falls to 90: out at 95.4
    expect(orderState(fake, field(r.body, 'id'))).toMatchObject({ status: 'filled', filledAvgPrice: 95.4 });
    const wrong = await rest(fake, 'PATCH', `/v2/orders/${String(trail.id)}`, { body: { trail: '2' } });
    expect(wrong.status).toBe(422);
  });

  it('a buy trailing stop follows the low-water mark', async () => {
    fake.step(3); // last 97
    const t = await place(fake, buy({ type: 'trailing_stop', trail_price: 3, time_in_force: 'gtc' }));
    expect(orderState(fake, t.id).stopPrice).toBe(100);
    fake.step(); // high 99 stays under 100; low 90: the stop follows down to 93
    expect(orderState(fake, t.id)).toMatchObject({ status: 'new', stopPrice: 93 });
    fake.step(); // opens 92, rises to 95: through 93
    expect(orderState(fake, t.id)).toMatchObject({ status: 'filled', filledAvgPrice: 93 });
  });
});
