import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import { planOrders } from '../engine/planner';
import { estimateFee, createCommissionModel, type CommissionModel } from '../sim/commission';
import type { BacktestBroker } from '../sim/BacktestBroker';
import type { Targets } from '../strategy/types';

/** Sizing price of instrument number `i` at this moment, NaN when it does not trade now. */
export type PriceAt = (i: number) => number;

const models = new WeakMap<SimulatorConfig, CommissionModel>();

function commissionOf(sim: SimulatorConfig): CommissionModel {
  let m = models.get(sim);
  if (!m) {
    m = createCommissionModel(sim.commission);
    models.set(sim, m);
  }
  return m;
}

/**
 * Turns a target portfolio into market orders on the broker. Only instruments that trade now are
 * planned; the planner prices buys and sells with the simulator's spread and slippage and the
 * commission model, so an all-in target cannot overdraw cash.
 */
export function placeTargets(
  broker: BacktestBroker,
  targets: Targets,
  priceAt: PriceAt,
  sim: SimulatorConfig,
  planner: PlannerConfig,
): void {
  const p = broker.portfolio;
  const price = (inst: string): number => priceAt(broker.indexOf(inst));
  const tradable = new Map<string, number>();
  for (const [inst, v] of targets.values) if (Number.isFinite(price(inst))) tradable.set(inst, v);
  const positions = new Map<string, number>();
  for (const [inst, q] of p.positions) if (Number.isFinite(price(inst))) positions.set(inst, q);
  const pending = new Map<string, number>();
  for (const [inst, q] of broker.pendingQuantities()) if (Number.isFinite(price(inst))) pending.set(inst, q);
  const markup = (sim.spread_bps / 2 + sim.slippage_bps) / 1e4;
  const model = commissionOf(sim);
  const planned = planOrders({
    targets: { kind: targets.kind, values: tradable },
    positions,
    pending,
    prices: price,
    equity: p.equity,
    cash: p.cash,
    planner,
    account: sim.account,
    costs: {
      buyPrice: (_inst, px) => px * (1 + markup),
      sellPrice: (_inst, px) => px * (1 - markup),
      fee: (side, qty, px) => estimateFee(model, side, qty, px),
    },
  });
  for (const o of planned) {
    broker.submitOrder({
      instrument: o.instrument,
      side: o.side,
      type: 'MARKET',
      quantity: o.quantity,
      timeInForce: 'DAY',
      metadata: { action: o.action },
    });
  }
}
