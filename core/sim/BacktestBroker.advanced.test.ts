import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../broker/events';
import { dailySeries } from '../data/seriesFromBars';
import type { OrderRequest } from '../domain/order';
import type { OrderListRequest } from '../domain/orderList';
import type { FinerBars } from './BacktestBroker';
import { testMarket, type TestMarketOptions } from './testMarket';
import { BacktestBroker } from './BacktestBroker';
import { simulatorSchema } from '../config/simulatorSchema';
import { TimeMachine } from './timeMachine';

type Row = number[];

/** A cost-free market (no spread, slippage, commission or tick grid), so every fill price shows exactly. */
function setup(rows: Row[], sim: TestMarketOptions['sim'] = {}) {
  const free = { commission: { model: 'none' }, tick_size: 0, spread_bps: 0, slippage_bps: 0, ...sim };
  const { tm, broker, step } = testMarket([dailySeries('AAA', rows)], { sim: free, initialCash: 100_000, seed: 3 });
  const events: BrokerEvent[] = [];
  broker.subscribe((e) => events.push(e));
  const order = (r: Partial<OrderRequest>): OrderRequest => ({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity: 10, timeInForce: 'GTC', ...r });
  const status = (id: string) => broker.getOrderStatus(id)?.status;
  const open = (id: string) => broker.getOpenOrders().find((o) => o.id === id);
  const fillsOf = (id: string) => broker.getFills().filter((f) => f.orderId === id).map((f) => [f.quantity, f.price]);
  return { tm, broker, step, events, order, status, open, fillsOf };
}

describe('trailing stops on hand-made bars', () => {
  it('start the trail behind the last close, ratchet with each bar\'s high, and fill at the stop', () => {
    const m = setup([
      [100, 101, 99, 100],
      [100, 104, 99.5, 103],
      [103, 106, 102.5, 105],
      [105, 105.5, 101, 102],
    ]);
    m.broker.submitOrder(m.order({}));
    const ack = m.broker.submitOrder(m.order({ side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 2 } }));
    expect(m.open(ack.orderId)?.stopPrice).toBe(98);
    m.step();
    // Bar 1 was matched with the stop at 98 (its low 99.5 does not reach it); then its high 104 moves it to 102.
    expect(m.open(ack.orderId)?.stopPrice).toBe(102);
    m.step();
    expect(m.open(ack.orderId)?.stopPrice).toBe(104);
    m.step();
    expect(m.status(ack.orderId)).toBe('FILLED');
    expect(m.fillsOf(ack.orderId)).toEqual([[10, 104]]);
  });

  it('fill at the open when a bar gaps through the stop, and trail a buy by percent below the lows', () => {
    const m = setup([
      [100, 101, 99, 100],
      [99, 99.5, 95, 96],
      [96, 97, 90, 91],
      [95, 96, 94, 95],
    ]);
    const ack = m.broker.submitOrder(m.order({ side: 'BUY', type: 'TRAILING_STOP', trail: { percent: 10 } }));
    expect(m.open(ack.orderId)?.stopPrice).toBeCloseTo(110, 12);
    m.step();
    expect(m.open(ack.orderId)?.stopPrice).toBeCloseTo(104.5, 12);
    m.step();
    expect(m.open(ack.orderId)?.stopPrice).toBeCloseTo(99, 12);
    // Bar 3 stays below the stop at 99: still working.
    m.step();
    expect(m.status(ack.orderId)).toBe('ACCEPTED');
    const gap = setup([
      [100, 101, 99, 100],
      [100, 100.5, 97, 98],
      [103, 104, 102, 103],
    ]);
    const buy = gap.broker.submitOrder(gap.order({ side: 'BUY', type: 'TRAILING_STOP', trail: { amount: 2 } }));
    gap.step();
    expect(gap.open(buy.orderId)?.stopPrice).toBe(99);
    gap.step();
    expect(gap.fillsOf(buy.orderId)).toEqual([[10, 103]]);
  });

  it('fix a trailing stop-limit\'s limit where its stop triggered, then wait for that limit', () => {
    const m = setup([
      [100, 101, 99, 100],
      [100, 106, 100, 105],
      [102, 103, 101, 102],
      [102, 103.6, 102, 103],
    ]);
    m.broker.submitOrder(m.order({}));
    const ack = m.broker.submitOrder(m.order({ side: 'SELL', type: 'TRAILING_STOP_LIMIT', trail: { amount: 2 }, limitOffset: 0.5 }));
    m.step();
    expect(m.open(ack.orderId)?.stopPrice).toBe(104);
    expect(m.open(ack.orderId)?.limitPrice).toBeNull();
    // Bar 2 opens at 102, under the stop: triggered at once, with the limit at 104 - 0.5; its high 103 never reaches 103.5.
    m.step();
    expect(m.open(ack.orderId)).toMatchObject({ triggered: true, limitPrice: 103.5, stopPrice: 104 });
    m.step();
    expect(m.fillsOf(ack.orderId)).toEqual([[10, 103.5]]);
  });

  it('restart the trail when modified, and refuse a quantity below what filled', () => {
    const m = setup([
      [100, 101, 99, 100],
      [100, 104, 99.5, 103],
    ]);
    const ack = m.broker.submitOrder(m.order({ side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 2 } }));
    m.step();
    expect(m.broker.modifyOrder(ack.orderId, { trail: { percent: 10 } }).accepted).toBe(true);
    expect(m.open(ack.orderId)?.stopPrice).toBeCloseTo(92.7, 12);
    expect(m.open(ack.orderId)?.extras?.trail).toEqual({ percent: 10 });
    expect(m.broker.modifyOrder(ack.orderId, { limitPrice: 90 }).reason).toBe('a TRAILING_STOP order has no limit price to change');
    const limit = m.broker.submitOrder(m.order({ type: 'LIMIT', limitPrice: 50 }));
    expect(m.broker.modifyOrder(limit.orderId, { trail: { amount: 1 } }).reason).toBe('a LIMIT order has no trail to change');
    expect(m.broker.modifyOrder(limit.orderId, { quantity: -1 }).reason).toBe('quantity must be a positive number, got -1');
    expect(m.broker.modifyOrder('O999', { quantity: 1 }).reason).toBe('unknown order O999');
  });
});

describe('icebergs on hand-made bars', () => {
  it('fill no more than the display size on a bar, and no more than the participation cap either', () => {
    const m = setup(
      [
        [100, 101, 99, 100, 1000],
        [100, 101, 99, 100, 1000],
        [100, 101, 99, 100, 30],
        [100, 101, 99, 100, 1000],
        [100, 101, 99, 100, 1000],
        [100, 101, 99, 100, 1000],
      ],
      { max_participation_rate: 0.1 },
    );
    const ack = m.broker.submitOrder(m.order({ type: 'LIMIT', limitPrice: 101, quantity: 20, displayQuantity: 8 }));
    for (let i = 0; i < 5; i++) m.step();
    expect(m.fillsOf(ack.orderId)).toEqual([
      [8, 100],
      [3, 100],
      [8, 100],
      [1, 100],
    ]);
    expect(m.status(ack.orderId)).toBe('FILLED');
  });
});

const RISE: Row[] = [
  [100, 101, 99, 100],
  [101, 104, 100, 103],
  [104, 107, 103.5, 106],
  [106, 108, 104, 107],
];

/** A breakout bracket: buy on a stop at 105, take profit at 110, trail a 3-point stop; bar 4 is `last`. */
function bracketRun(last: Row, sim: TestMarketOptions['sim'] = {}) {
  const m = setup([...RISE, last], sim);
  const ack = m.broker.submitOrderList({
    kind: 'BRACKET',
    entry: m.order({ type: 'STOP', stopPrice: 105 }),
    takeProfit: m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 110 }),
    stopLoss: m.order({ side: 'SELL', type: 'TRAILING_STOP', trail: { amount: 3 } }),
  });
  const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
  return { ...m, ack, entry, tp, sl };
}

describe('brackets on hand-made bars', () => {
  it('hold the exits until the entry fills, start the trail from that bar\'s close, then ratchet it', () => {
    const m = bracketRun([107, 108, 106, 107]);
    expect([m.status(m.entry), m.status(m.tp), m.status(m.sl)]).toEqual(['ACCEPTED', 'SUBMITTED', 'SUBMITTED']);
    expect(m.events.filter((e) => e.type === 'OrderSubmitted').map((e) => e.order.id)).toEqual([m.tp, m.sl]);
    m.step();
    expect(m.status(m.tp)).toBe('SUBMITTED');
    m.step();
    expect(m.fillsOf(m.entry)).toEqual([[10, 105]]);
    expect([m.status(m.tp), m.status(m.sl)]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(m.open(m.sl)?.stopPrice).toBe(103);
    m.step();
    expect(m.open(m.sl)?.stopPrice).toBe(105);
    m.step();
    expect([m.status(m.tp), m.status(m.sl)]).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(m.broker.intrabar).toEqual({ ambiguous: 0, finerBarsMissing: 0 });
  });

  // Bar 4 reaches both exits: its high 111 the take-profit at 110, its low 104 the stop at 105.
  const both: Row = [107, 111, 104, 105];

  it('fills the stop when a bar reaches both exits under worst_case, the default, and cancels the take-profit', () => {
    const m = bracketRun(both);
    for (let i = 0; i < 4; i++) m.step();
    expect(m.fillsOf(m.sl)).toEqual([[10, 105]]);
    expect(m.status(m.tp)).toBe('CANCELLED');
    expect(m.broker.getOrderStatus(m.tp)?.statusReason).toBe(`OCO: ${m.sl} filled what this order was for`);
    expect(m.broker.intrabar.ambiguous).toBe(1);
    expect(m.broker.getPositions()).toEqual([]);
  });

  it('fills the take-profit under best_case', () => {
    const m = bracketRun(both, { intrabar_policy: 'best_case' });
    for (let i = 0; i < 4; i++) m.step();
    expect(m.fillsOf(m.tp)).toEqual([[10, 110]]);
    expect(m.status(m.sl)).toBe('CANCELLED');
  });

  it('fills the level nearer the open under open_distance', () => {
    const nearStop = bracketRun(both, { intrabar_policy: 'open_distance' });
    for (let i = 0; i < 4; i++) nearStop.step();
    expect(nearStop.fillsOf(nearStop.sl)).toEqual([[10, 105]]);
    const nearTarget = bracketRun([109, 111, 104, 105], { intrabar_policy: 'open_distance' });
    for (let i = 0; i < 4; i++) nearTarget.step();
    expect(nearTarget.fillsOf(nearTarget.tp)).toEqual([[10, 110]]);
    expect(nearTarget.status(nearTarget.sl)).toBe('CANCELLED');
  });

  it('replays the bar from finer bars under finer_bars, and falls back to worst_case without them', () => {
    const run = (finer: FinerBars | undefined) => {
      const tm = new TimeMachine([dailySeries('AAA', [...RISE, both])], dailySeries('AAA', [...RISE, both]).ts);
      const sim = simulatorSchema.parse({ commission: { model: 'none' }, tick_size: 0, spread_bps: 0, slippage_bps: 0, intrabar_policy: 'finer_bars' });
      const broker = new BacktestBroker({ tm, sim, initialCash: 100_000, seed: 3, finerBars: finer });
      tm.advanceTo(0);
      broker.endOfSession();
      const o = (r: Partial<OrderRequest>): OrderRequest => ({ instrument: 'AAA', side: 'SELL', type: 'MARKET', quantity: 10, timeInForce: 'GTC', ...r });
      const list: OrderListRequest = {
        kind: 'BRACKET',
        entry: o({ side: 'BUY', type: 'STOP', stopPrice: 105 }),
        takeProfit: o({ type: 'LIMIT', limitPrice: 110 }),
        stopLoss: o({ type: 'TRAILING_STOP', trail: { amount: 3 } }),
      };
      const [, tp, sl] = broker.submitOrderList(list).orders.map((a) => a.orderId);
      for (let i = 1; i <= 4; i++) {
        tm.advanceTo(i);
        broker.processBar();
        broker.endOfSession();
      }
      return { broker, tp, sl };
    };
    const asked: [number, number, number][] = [];
    const upFirst: FinerBars = (inst, from, to) => {
      asked.push([inst, from, to]);
      return [
        { open: 107, high: 110.5, low: 106.5, close: 110, volume: 1000 },
        { open: 110, high: 111, low: 104, close: 105, volume: 1000 },
      ];
    };
    const up = run(upFirst);
    expect(up.broker.getOrderStatus(up.tp)?.status).toBe('FILLED');
    expect(up.broker.getOrderStatus(up.sl)?.status).toBe('CANCELLED');
    const day = 86_400_000;
    const bar4 = Date.parse('2020-01-01T00:00:00Z') + 4 * day;
    expect(asked).toEqual([[0, bar4, bar4 + day]]);
    expect(up.broker.intrabar).toEqual({ ambiguous: 1, finerBarsMissing: 0 });
    const none = run(undefined);
    expect(none.broker.getOrderStatus(none.sl)?.status).toBe('FILLED');
    expect(none.broker.intrabar).toEqual({ ambiguous: 1, finerBarsMissing: 1 });
  });

  it('sizes the exits by the entry\'s partial fills', () => {
    const m = setup(
      [
        [100, 101, 99, 100, 1000],
        [100, 101, 99, 100, 500],
        [100, 101, 99, 100, 500],
        [100, 101, 99, 100, 1000],
      ],
      { max_participation_rate: 0.1 },
    );
    const ack = m.broker.submitOrderList({
      kind: 'BRACKET',
      entry: m.order({ quantity: 100 }),
      takeProfit: m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 150, quantity: 100 }),
      stopLoss: m.order({ side: 'SELL', type: 'STOP', stopPrice: 50, quantity: 100 }),
    });
    const [entry, tp, sl] = ack.orders.map((a) => a.orderId);
    m.step();
    expect(m.status(entry)).toBe('PARTIALLY_FILLED');
    expect([m.open(tp)?.quantity, m.open(sl)?.quantity]).toEqual([50, 50]);
    expect([m.status(tp), m.status(sl)]).toEqual(['ACCEPTED', 'ACCEPTED']);
    m.step();
    expect(m.status(entry)).toBe('FILLED');
    expect([m.open(tp)?.quantity, m.open(sl)?.quantity]).toEqual([100, 100]);
  });

  it('cancels the held exits with an entry cancelled unfilled', () => {
    const m = bracketRun([107, 108, 106, 107]);
    m.broker.cancelOrder(m.entry);
    expect([m.status(m.tp), m.status(m.sl)]).toEqual(['CANCELLED', 'CANCELLED']);
    expect(m.broker.getOrderStatus(m.tp)?.statusReason).toBe(`parent ${m.entry} cancelled`);
  });

  it('lets a bracket with a DAY entry expire with it', () => {
    const m = setup([
      [100, 101, 99, 100],
      [100, 101, 99, 100],
    ]);
    const ack = m.broker.submitOrderList({
      kind: 'BRACKET',
      entry: m.order({ type: 'LIMIT', limitPrice: 90, timeInForce: 'DAY' }),
      takeProfit: m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 120 }),
      stopLoss: m.order({ side: 'SELL', type: 'STOP', stopPrice: 80 }),
    });
    m.step();
    expect(ack.orders.map((a) => m.status(a.orderId))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });
});

describe('OCO and OTO lists on hand-made bars', () => {
  it('reduces the other members by a partial fill under onFill reduce', () => {
    const m = setup(
      [
        [100, 101, 99, 100, 1_000_000],
        [100, 101, 99, 100, 1_000_000],
        [104, 106, 104, 105, 40],
      ],
      { max_participation_rate: 0.1 },
    );
    m.broker.submitOrder(m.order({ quantity: 20 }));
    m.step();
    const ack = m.broker.submitOrderList({
      kind: 'OCO',
      onFill: 'reduce',
      orders: [m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 105 }), m.order({ side: 'SELL', type: 'STOP', stopPrice: 95 })],
    });
    const [limit, stop] = ack.orders.map((a) => a.orderId);
    m.step();
    expect(m.fillsOf(limit)).toEqual([[4, 105]]);
    expect(m.open(stop)?.quantity).toBe(6);
  });

  it('counts an OCO group\'s sells once against a cash account\'s position', () => {
    const m = setup(
      [
        [100, 101, 99, 100],
        [100, 101, 99, 100],
      ],
      { account: { type: 'cash' } },
    );
    m.broker.submitOrder(m.order({}));
    m.step();
    const exits = (): OrderListRequest => ({
      kind: 'OCO',
      orders: [m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 120 }), m.order({ side: 'SELL', type: 'STOP', stopPrice: 80 })],
    });
    expect(m.broker.submitOrderList(exits()).accepted).toBe(true);
    const again = m.broker.submitOrderList(exits());
    expect(again.accepted).toBe(false);
    expect(again.reason).toBe('selling 10 AAA would open a short position, which a cash account cannot hold');
    expect(again.orders.map((a) => m.status(a.orderId))).toEqual(['REJECTED', 'REJECTED']);
  });

  it('starts an OTO\'s children once the parent has filled, from the next bar', () => {
    const m = setup([
      [100, 101, 99, 100],
      [100, 101, 98.5, 99],
      [99, 106, 98, 105],
    ]);
    const ack = m.broker.submitOrderList({
      kind: 'OTO',
      parent: m.order({ type: 'LIMIT', limitPrice: 99 }),
      children: [m.order({ side: 'SELL', type: 'LIMIT', limitPrice: 105 })],
    });
    const [parent, child] = ack.orders.map((a) => a.orderId);
    expect(m.broker.getOpenOrders().find((o) => o.id === child)?.extras?.link).toEqual({ listId: ack.listId, kind: 'OTO', role: 'CHILD', parentId: parent });
    m.step();
    expect(m.fillsOf(parent)).toEqual([[10, 99]]);
    expect(m.status(child)).toBe('ACCEPTED');
    m.step();
    expect(m.fillsOf(child)).toEqual([[10, 105]]);
  });
});

describe('open orders by instrument', () => {
  it('lists one instrument\'s working and held orders, and only those', () => {
    const rows = [
      [100, 101, 99, 100],
      [100, 101, 99, 100],
    ];
    const { broker } = testMarket([dailySeries('AAA', rows), dailySeries('BBB', rows)], { sim: { commission: { model: 'none' } } });
    const o = (instrument: string, r: Partial<OrderRequest>): OrderRequest => ({ instrument, side: 'BUY', type: 'LIMIT', limitPrice: 50, quantity: 1, timeInForce: 'GTC', ...r });
    broker.submitOrder(o('AAA', {}));
    broker.submitOrder(o('BBB', {}));
    broker.submitOrderList({ kind: 'OTO', parent: o('AAA', {}), children: [o('AAA', { side: 'SELL', limitPrice: 200 })] });
    expect(broker.getOpenOrders('AAA').map((x) => [x.id, x.status])).toEqual([
      ['O1', 'ACCEPTED'],
      ['O3', 'ACCEPTED'],
      ['O4', 'SUBMITTED'],
    ]);
    expect(broker.getOpenOrders('BBB').map((x) => x.id)).toEqual(['O2']);
    expect(broker.getOpenOrders('ZZZ')).toEqual([]);
    broker.cancelOrder('O3');
    expect(broker.getOpenOrders('AAA').map((x) => x.id)).toEqual(['O1']);
  });
});
