import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../domain/newOrder';
import type { Order, OrderRequest } from '../../domain/order';
import { orderListMembers, type OrderListRequest } from '../../domain/orderList';
import { AlpacaRest } from './alpacaRest';
import { alpacaListPlan, type AlpacaListPlan } from './orderListMapping';
import { keyRedactor } from './redact';
import { startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

const req = (r: Partial<OrderRequest>): OrderRequest => ({ instrument: 'AAA', side: 'SELL', type: 'LIMIT', quantity: 10, timeInForce: 'GTC', ...r });
const entry = req({ side: 'BUY', limitPrice: 100 });
const tp = req({ limitPrice: 110 });
const sl = req({ type: 'STOP', stopPrice: 95 });

/** The list's members as orders, under refs r0, r1, ... */
function ordersOf(list: OrderListRequest): Order[] {
  return orderListMembers(list).map((m, i) => newOrder(`o${i}`, `r${i}`, m.request, 'PAPER', 0));
}

function plan(list: OrderListRequest, position = 0): AlpacaListPlan {
  const p = alpacaListPlan(list, ordersOf(list), position);
  if ('refusal' in p) throw new Error(p.refusal);
  return p;
}

function refusal(list: OrderListRequest, position = 0): string | null {
  const p = alpacaListPlan(list, ordersOf(list), position);
  return 'refusal' in p ? p.refusal : null;
}

describe('alpacaListPlan', () => {
  it('sends a bracket as its entry with take_profit and stop_loss legs, under the entry\'s ref', () => {
    expect(plan({ kind: 'BRACKET', entry, takeProfit: tp, stopLoss: { ...sl, type: 'STOP_LIMIT', limitPrice: 94.5 } })).toEqual({
      parent: 0,
      body: {
        symbol: 'AAA', qty: '10', side: 'buy', type: 'limit', time_in_force: 'gtc', limit_price: '100', client_order_id: 'r0',
        order_class: 'bracket', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '95', limit_price: '94.5' },
      },
    });
  });

  it('gives the request the exits\' time in force; a market entry may say DAY', () => {
    const p = plan({ kind: 'BRACKET', entry: { ...entry, type: 'MARKET', limitPrice: undefined, timeInForce: 'DAY' }, takeProfit: tp, stopLoss: sl });
    expect(p.body).toMatchObject({ type: 'market', time_in_force: 'gtc' });
    expect(p.body).not.toHaveProperty('limit_price');
    expect(refusal({ kind: 'BRACKET', entry: { ...entry, timeInForce: 'DAY' }, takeProfit: tp, stopLoss: sl })).toMatch(/LIMIT parent's DAY must be the exits' GTC/);
    expect(refusal({ kind: 'BRACKET', entry, takeProfit: tp, stopLoss: { ...sl, timeInForce: 'DAY' } })).toMatch(/exits must share it/);
  });

  it('refuses what Alpaca\'s bracket cannot carry', () => {
    expect(refusal({ kind: 'BRACKET', entry, takeProfit: tp, stopLoss: { ...sl, type: 'TRAILING_STOP', stopPrice: undefined, trail: { percent: 5 } } })).toMatch(/no trailing stop-loss/);
    expect(refusal({ kind: 'BRACKET', entry: { ...entry, type: 'STOP', limitPrice: undefined, stopPrice: 101 }, takeProfit: tp, stopLoss: sl })).toMatch(/entry is a MARKET or LIMIT order, not STOP/);
    expect(refusal({ kind: 'BRACKET', entry: { ...entry, quantity: 2.5 }, takeProfit: { ...tp, quantity: 2.5 }, stopLoss: { ...sl, quantity: 2.5 } })).toMatch(/whole shares/);
    expect(refusal({ kind: 'BRACKET', entry: { ...entry, displayQuantity: 5 }, takeProfit: tp, stopLoss: sl })).toMatch(/no display size/);
  });

  it('sends an OCO as its take-profit LIMIT with the stop as its leg, closing a held position', () => {
    const p = plan({ kind: 'OCO', orders: [sl, tp] }, 10);
    expect(p.parent).toBe(1);
    expect(p.body).toEqual({
      symbol: 'AAA', qty: '10', side: 'sell', type: 'limit', time_in_force: 'gtc', limit_price: '110', client_order_id: 'r1',
      order_class: 'oco', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '95' },
    });
    expect(refusal({ kind: 'OCO', orders: [tp, sl] }, 4)).toMatch(/closes a position: SELL 10 AAA needs a long position of at least 10, held 4/);
    expect(refusal({ kind: 'OCO', orders: [tp, sl], onFill: 'reduce' }, 10)).toMatch(/cannot reduce/);
    expect(refusal({ kind: 'OCO', orders: [tp, sl, sl] }, 10)).toMatch(/exactly two orders/);
    expect(refusal({ kind: 'OCO', orders: [tp, { ...tp, limitPrice: 120 }] }, 10)).toMatch(/take-profit LIMIT and a STOP or STOP_LIMIT/);
    expect(refusal({ kind: 'OCO', orders: [tp, { ...sl, quantity: 5 }] }, 10)).toMatch(/same instrument, side and quantity/);
    expect(refusal({ kind: 'OCO', orders: [{ ...tp, limitPrice: 90 }, sl] }, 10)).toMatch(/take-profit 90 must be above its stop-loss 95/);
  });

  it('sends an OTO as its parent with its one child as a take-profit or stop-loss leg', () => {
    expect(plan({ kind: 'OTO', parent: entry, children: [sl] }).body).toMatchObject({ type: 'limit', order_class: 'oto', stop_loss: { stop_price: '95' }, client_order_id: 'r0' });
    expect(plan({ kind: 'OTO', parent: entry, children: [tp] }).body).toMatchObject({ order_class: 'oto', take_profit: { limit_price: '110' } });
    expect(refusal({ kind: 'OTO', parent: entry, children: [tp, sl] })).toMatch(/exactly one child order, got 2/);
    expect(refusal({ kind: 'OTO', parent: entry, children: [{ ...tp, side: 'BUY' }] })).toMatch(/exits the parent's shares/);
    expect(refusal({ kind: 'OTO', parent: entry, children: [req({ type: 'MARKET' })] })).toMatch(/not MARKET/);
  });
});

describe('the plans at the fake Alpaca', () => {
  let rig: AlpacaRig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it('are taken as sent, legs included', async () => {
    rig = await startAlpacaRig({ connect: false });
    const rest = new AlpacaRest(rig.target(), { timeoutMs: 2_000, readAttempts: 1, backoff: { initialMs: 10, maxMs: 10, factor: 1, jitter: 0 }, rateLimit: false, redact: keyRedactor([]) });
    const b = await rest.placeOrder(plan({ kind: 'BRACKET', entry: { ...entry, limitPrice: 99 }, takeProfit: tp, stopLoss: { ...sl, type: 'STOP_LIMIT', limitPrice: 94.5 } }).body);
    expect(b).toMatchObject({ client_order_id: 'r0', order_class: 'bracket', type: 'limit', limit_price: 99 });
    expect(b.legs?.map((l) => [l.type, l.status, l.limit_price, l.stop_price])).toEqual([
      ['limit', 'held', 110, null],
      ['stop_limit', 'held', 94.5, 95],
    ]);
    const oto = await rest.placeOrder({ ...plan({ kind: 'OTO', parent: { ...entry, type: 'MARKET', limitPrice: undefined }, children: [sl] }).body, client_order_id: 'oto-1' });
    expect(oto.legs?.map((l) => [l.type, l.side, l.qty])).toEqual([['stop', 'sell', 10]]);
  });
});
