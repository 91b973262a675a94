import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../broker/events';
import { dailySeries } from '../data/seriesFromBars';
import type { OrderRequest } from '../domain/order';
import { testMarket, type TestMarketOptions } from './testMarket';

type Row = [number, number, number, number, number];

function setup(rows: Row[], sim: TestMarketOptions['sim'] = {}, cash = 100_000) {
  // Unrounded prices (tick_size 0), so the cost arithmetic shows exactly; tickRounding.test.ts covers the grid.
  const { tm, broker, step } = testMarket([dailySeries('AAA', rows)], { sim: { commission: { model: 'none' }, tick_size: 0, ...sim }, initialCash: cash, seed: 7 });
  const events: BrokerEvent[] = [];
  broker.subscribe((e) => events.push(e));
  const submit = (r: Partial<OrderRequest>) =>
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'DAY', ...r });
  return { tm, broker, events, step, submit };
}

const flat: Row = [100, 101, 99, 100, 1_000_000];

describe('BacktestBroker fills', () => {
  it('takes an order by a known instrument number, and looks up a number that names another instrument', () => {
    const { tm, broker, step } = testMarket([dailySeries('AAA', [flat, flat]), dailySeries('BBB', [flat, flat])], {
      sim: { commission: { model: 'none' }, tick_size: 0 },
      initialCash: 100_000,
      seed: 7,
    });
    const order = (instrument: string): OrderRequest => ({ instrument, side: 'BUY', type: 'MARKET', quantity: 5, timeInForce: 'DAY' });
    expect(broker.submitOrderAt(order('BBB'), 1)).toBeNull();
    expect(broker.submitOrderAt(order('AAA'), 1)).toBeNull();
    expect(broker.submitOrderAt(order('ZZZ'), 0)).toBe('unknown instrument "ZZZ"');
    step();
    expect(tm.sessionIndex).toBe(1);
    expect(broker.getPositions().map((p) => [p.instrument, p.quantity])).toEqual([['AAA', 5], ['BBB', 5]]);
  });

  it('tells its fill tap of every fill, partial ones too, with the instrument number and what the Fill says', () => {
    const { tm, broker, step } = testMarket([dailySeries('AAA', [flat, flat, flat]), dailySeries('BBB', [flat, [100, 101, 99, 100, 1000], flat])], {
      sim: { commission: { model: 'ibkr_fixed' }, tick_size: 0, spread_bps: 0 },
      initialCash: 100_000,
      seed: 7,
    });
    const tapped: [string, number, number, number, number, number][] = [];
    broker.tapFills((order, inst, qty, price, fee, at) => tapped.push([order.id, inst, qty, price, fee, at]));
    broker.submitOrder({ instrument: 'BBB', side: 'BUY', type: 'MARKET', quantity: 150, timeInForce: 'GTC' });
    broker.submitOrder({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 5, timeInForce: 'DAY' });
    step();
    step();
    expect(tm.sessionIndex).toBe(2);
    const fills = broker.getFills();
    expect(fills.length).toBe(3);
    expect(tapped).toEqual(fills.map((f) => [f.orderId, f.instrument === 'AAA' ? 0 : 1, f.quantity, f.price, f.commission, f.timestamp]));
    expect(tapped.filter(([, inst]) => inst === 1).map(([, , qty]) => qty)).toEqual([100, 50]);
  });

  it('fills a market order decided at a close at the next open plus half the spread and the slippage', () => {
    const { broker, step, submit } = setup([flat, [102, 104, 101, 103, 1_000_000]]);
    const ack = submit({});
    expect(broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    expect(broker.getFills()).toHaveLength(0);
    step();
    const [fill] = broker.getFills();
    expect(fill.referencePrice).toBe(102);
    expect(fill.price).toBeCloseTo(102 * (1 + 0.0001 + 0.0005), 10);
    expect(fill.slippage).toBeCloseTo(10 * 102 * 0.0006, 10);
    expect(fill.timestamp).toBe(Date.parse('2020-01-02T00:00:00Z'));
    expect(broker.getAccountState().cash).toBeCloseTo(100_000 - 10 * fill.price, 8);
  });

  it('carries an order beyond the participation cap to later bars, partially filled in between', () => {
    const { broker, step, submit } = setup([flat, [100, 101, 99, 100, 1000], [100, 101, 99, 100, 1000], [100, 101, 99, 100, 1000]], {
      slippage_bps: 0,
      spread_bps: 0,
    });
    const ack = submit({ quantity: 250, timeInForce: 'GTC' });
    step();
    expect(broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 100 });
    step();
    expect(broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 200 });
    step();
    expect(broker.getOrderStatus(ack.orderId)).toMatchObject({ status: 'FILLED', filledQuantity: 250 });
    expect(broker.getFills().map((f) => f.quantity)).toEqual([100, 100, 50]);
  });

  it('expires the unfilled rest of a DAY order at the end of its session', () => {
    const { broker, events, step, submit } = setup([flat, [100, 101, 99, 100, 1000], [100, 101, 99, 100, 1000]]);
    const ack = submit({ quantity: 250 });
    step();
    const s = broker.getOrderStatus(ack.orderId);
    expect(s?.status).toBe('CANCELLED');
    expect(s?.filledQuantity).toBe(100);
    expect(s?.statusReason).toMatch(/expired/);
    step();
    expect(broker.getFills()).toHaveLength(1);
    expect(events.filter((e) => e.type === 'OrderCancelled' && e.order.id === ack.orderId)).toHaveLength(1);
  });

  it('fills nothing on a zero-volume bar and the order waits for the next one', () => {
    const { broker, step, submit } = setup([flat, [100, 101, 99, 100, 0], [100, 101, 99, 100, 5000]]);
    const ack = submit({ quantity: 100, timeInForce: 'GTC' });
    step();
    expect(broker.getOrderStatus(ack.orderId)?.filledQuantity).toBe(0);
    step();
    expect(broker.getOrderStatus(ack.orderId)?.status).toBe('FILLED');
  });

  it('IOC takes what the bar allows and cancels the rest; FOK takes all or nothing', () => {
    const { broker, step, submit } = setup([flat, [100, 101, 99, 100, 1000]], { slippage_bps: 0, spread_bps: 0 });
    const ioc = submit({ quantity: 250, timeInForce: 'IOC' });
    const fok = submit({ quantity: 50, timeInForce: 'FOK' });
    step();
    expect(broker.getOrderStatus(ioc.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 100 });
    expect(broker.getOrderStatus(fok.orderId)).toMatchObject({ status: 'CANCELLED', filledQuantity: 0 });
  });

  it('keeps a GTC limit working across bars and fills it at the limit once traded through', () => {
    const { broker, step, submit } = setup([flat, [100, 101, 99, 100, 1e6], [99, 99.5, 97, 98, 1e6]]);
    const ack = submit({ type: 'LIMIT', limitPrice: 98.5, timeInForce: 'GTC' });
    step();
    expect(broker.getOrderStatus(ack.orderId)?.status).toBe('ACCEPTED');
    step();
    expect(broker.getFills()[0].price).toBe(98.5);
  });

  it('same_close fills at the decision close plus costs, clamped into the bar', () => {
    const { broker, submit } = setup([[100, 101, 99, 100.98, 1e6]], { fill_timing: 'same_close' });
    submit({});
    broker.processDecision();
    const [fill] = broker.getFills();
    expect(fill.referencePrice).toBe(100.98);
    expect(fill.price).toBe(101);
  });

  it('AT_OPEN waits for the next open even under same_close', () => {
    const { broker, step, submit } = setup([flat, [103, 104, 102, 103, 1e6]], { fill_timing: 'same_close', slippage_bps: 0, spread_bps: 0 });
    submit({ timeInForce: 'AT_OPEN' });
    broker.processDecision();
    expect(broker.getFills()).toHaveLength(0);
    step();
    expect(broker.getFills()[0].price).toBe(103);
  });
});

describe('BacktestBroker account checks', () => {
  const rows: Row[] = [flat, [100, 101, 99, 100, 1e6]];

  it('reduces an unaffordable buy to what the cash pays for, fees included, and says why', () => {
    const { broker, step, submit } = setup(rows, { account: { type: 'cash' }, commission: { model: 'fixed', amount: 5 }, slippage_bps: 0, spread_bps: 0 }, 1000);
    const ack = submit({ quantity: 20 });
    step();
    const s = broker.getOrderStatus(ack.orderId);
    expect(s?.filledQuantity).toBe(9);
    expect(s?.status).toBe('CANCELLED');
    expect(s?.statusReason).toMatch(/reduced: insufficient funds/);
    expect(broker.getAccountState().cash).toBeCloseTo(1000 - 900 - 5, 9);
  });

  it('rejects an unaffordable buy whole with on_insufficient_funds: reject', () => {
    const { broker, step, submit } = setup(rows, { account: { type: 'cash' }, on_insufficient_funds: 'reject' }, 1000);
    const ack = submit({ quantity: 20 });
    step();
    expect(broker.getOrderStatus(ack.orderId)?.status).toBe('REJECTED');
    expect(broker.getOrderStatus(ack.orderId)?.statusReason).toMatch(/insufficient funds/);
    expect(broker.getAccountState().cash).toBe(1000);
  });

  it('refuses a short sale in a cash account at submission', () => {
    const { submit } = setup(rows, { account: { type: 'cash' } });
    const ack = submit({ side: 'SELL' });
    expect(ack.accepted).toBe(false);
    expect(ack.reason).toMatch(/short/);
  });

  it('holds a margin account to its leverage limit', () => {
    const { broker, step, submit } = setup(rows, { account: { type: 'margin', max_leverage: 2 }, slippage_bps: 0, spread_bps: 0 }, 10_000);
    submit({ quantity: 300 });
    step();
    const st = broker.getAccountState();
    expect(broker.getFills()[0].quantity).toBe(200);
    expect(st.grossExposure).toBeLessThanOrEqual(st.equity * 2 + 1e-9);
  });

  it('throws on an illegal status transition of a finished order', () => {
    const { broker, step, submit } = setup(rows);
    const ack = submit({});
    step();
    expect(broker.cancelOrder(ack.orderId).accepted).toBe(false);
  });
});
