import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../../config/simulatorSchema';
import { dailySeries } from '../../data/seriesFromBars';
import type { OrderRequest } from '../../domain/order';
import { testMarket } from '../../sim/testMarket';
import { CircuitBreaker } from '../risk/circuitBreaker';
import type { RiskLimits } from '../risk/riskTypes';
import type { KernelEvent, OrderDenied } from './commands';
import { Kernel } from './kernel';
import { riskGate } from './riskGate';

const NO_LIMITS: RiskLimits = {
  allowed_symbols: [],
  max_order_size_usd: null,
  max_position_usd: null,
  max_portfolio_leverage: null,
  max_order_quantity: null,
  price_band_pct: null,
  lot_size: 1,
};

const flat = [100, 101, 99, 100, 1_000_000];

function setup(limits: Partial<RiskLimits> | null, breaker: { max_rejections: number; window_seconds: number } | null = null) {
  const { tm, broker, step } = testMarket([dailySeries('AAA', [flat, flat, flat])], { sim: { commission: { model: 'none' } } });
  const risk =
    limits === null
      ? null
      : riskGate({
          limits: { ...NO_LIMITS, ...limits },
          breaker: breaker === null ? null : new CircuitBreaker(breaker, () => tm.asOf),
          clock: () => tm.asOf,
          snapshot: () => ({ lastPrice: 100, positions: broker.getPositions(), openOrders: broker.getOpenOrders(), equity: 100_000, grossExposure: 0, buyingPower: Number.NaN }),
          skip: ['buying_power'],
        });
  const denied: OrderDenied[] = [];
  const kernel = new Kernel({ broker, venue: broker, clock: () => tm.asOf, risk, onDenied: (d) => denied.push(d) });
  const events: KernelEvent[] = [];
  kernel.subscribe((e) => events.push(e));
  return { broker, kernel, step, denied, events };
}

const buy = (quantity: number): OrderRequest => ({ instrument: 'AAA', side: 'BUY', type: 'MARKET', quantity, timeInForce: 'DAY' });

describe('Kernel', () => {
  it('carries out each command on its broker and hands the broker\'s events on', () => {
    const { broker, kernel, step, events } = setup(null);
    const ack = kernel.execute({ type: 'SubmitOrder', request: buy(5), source: 'strategy' });
    expect(ack.accepted).toBe(true);
    const limit = kernel.execute({ type: 'SubmitOrder', request: { ...buy(5), type: 'LIMIT', limitPrice: 50, timeInForce: 'GTC' }, source: 'manual' });
    expect(kernel.execute({ type: 'ModifyOrder', orderId: limit.orderId, changes: { limitPrice: 60 }, source: 'manual' }).accepted).toBe(true);
    expect(broker.getOpenOrders().find((o) => o.id === limit.orderId)?.limitPrice).toBe(60);
    expect(kernel.execute({ type: 'CancelOrder', orderId: limit.orderId, source: 'manual' }).accepted).toBe(true);
    const list = kernel.execute({
      type: 'SubmitOrderList',
      list: { kind: 'OTO', parent: buy(1), children: [{ ...buy(1), side: 'SELL', type: 'LIMIT', limitPrice: 150, timeInForce: 'GTC' }] },
      source: 'algo',
    });
    expect(list.accepted).toBe(true);
    step();
    expect(events.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderAccepted', 'OrderCancelled', 'OrderAccepted', 'OrderSubmitted', 'OrderFilled', 'OrderFilled', 'OrderAccepted', 'AccountChanged']);
  });

  it('refuses what the risk limits forbid before it reaches the broker, and says so to its listeners and recorder', () => {
    const { broker, kernel, denied, events } = setup({ max_order_quantity: 5 });
    const ack = kernel.submitOrder(buy(10), 'strategy');
    expect(ack).toMatchObject({ accepted: false, reason: 'risk: quantity 10 exceeds max_order_quantity 5' });
    expect(broker.getOpenOrders()).toHaveLength(0);
    expect(denied).toEqual([{ type: 'OrderDenied', request: buy(10), source: 'strategy', reason: 'risk: quantity 10 exceeds max_order_quantity 5', at: expect.any(Number) }]);
    expect(events.map((e) => e.type)).toEqual(['OrderDenied']);
    expect(kernel.submitOrder(buy(5), 'planner').accepted).toBe(true);
    // The engine's own liquidations are never stopped by a limit.
    expect(kernel.submitOrder(buy(10), 'engine').accepted).toBe(true);
  });

  it('denies a list whole when one of its orders fails a check, naming it', () => {
    const { broker, kernel } = setup({ max_order_quantity: 5 });
    const ack = kernel.submitOrderList({ kind: 'OCO', orders: [buy(1), buy(9)] }, 'strategy');
    expect(ack).toMatchObject({ accepted: false, reason: 'member: risk: quantity 9 exceeds max_order_quantity 5' });
    expect(broker.getOpenOrders()).toHaveLength(0);
  });

  it('checks a modification as the order it makes', () => {
    const { kernel } = setup({ max_order_quantity: 5 });
    const ack = kernel.submitOrder({ ...buy(5), type: 'LIMIT', limitPrice: 50, timeInForce: 'GTC' }, 'manual');
    expect(kernel.modifyOrder(ack.orderId, { quantity: 8 }, 'manual')).toMatchObject({ accepted: false, reason: 'risk: quantity 8 exceeds max_order_quantity 5' });
    expect(kernel.modifyOrder(ack.orderId, { quantity: 4 }, 'manual').accepted).toBe(true);
  });

  it('halts every new order once its circuit breaker trips', () => {
    const { kernel } = setup({ max_order_quantity: 5 }, { max_rejections: 2, window_seconds: 60 });
    kernel.submitOrder(buy(10), 'strategy');
    kernel.submitOrder(buy(10), 'strategy');
    expect(kernel.submitOrder(buy(1), 'strategy').reason).toMatch(/^risk: circuit breaker tripped at .*2 rejections within 60 s/);
  });

  it('plans target portfolios through the same checks', () => {
    const { kernel, denied } = setup({ max_position_usd: 5_000 });
    const waiting = kernel.placeTargets({ kind: 'quantity', values: new Map([['AAA', 80]]) }, [100], simulatorSchema.parse({}), plannerSchema.parse({}));
    expect(waiting).toBeNull();
    expect(denied.map((d) => [d.source, d.reason])).toEqual([['planner', 'risk: AAA position after the order 80 (8,000.00) exceeds max_position_usd 5,000.00']]);
  });
});
