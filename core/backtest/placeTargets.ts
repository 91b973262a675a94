import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import { planOrders } from '../engine/planner';
import { estimateFee } from '../sim/commission';
import type { BacktestBroker } from '../sim/BacktestBroker';
import type { Targets } from '../strategy/types';

function everyKey(m: ReadonlyMap<string, number>, ok: (key: string) => boolean): boolean {
  for (const k of m.keys()) if (!ok(k)) return false;
  return true;
}

/** Sizing price of instrument number `i` at this moment, NaN when it does not trade now. */
export type PriceAt = (i: number) => number;

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
  // Straight to the bar: a cache would cost more map work than the planner's two asks per instrument.
  const priceOf = (inst: string): number => priceAt(broker.indexOf(inst));
  const pending = broker.pendingQuantities();
  // Usually every instrument trades this session and nothing needs filtering out.
  const trades = (inst: string): boolean => Number.isFinite(priceOf(inst));
  const allTrade =
    broker.allTrading() || (everyKey(targets.values, trades) && everyKey(p.positions, trades) && everyKey(pending, trades));
  const only = (m: ReadonlyMap<string, number>): Map<string, number> => new Map([...m].filter(([inst]) => trades(inst)));
  const markup = (sim.spread_bps / 2 + sim.slippage_bps) / 1e4;
  const planned = planOrders({
    targets: allTrade ? targets : { kind: targets.kind, values: only(targets.values) },
    positions: allTrade ? p.positions : only(p.positions),
    pending: allTrade ? pending : only(pending),
    prices: priceOf,
    equity: p.equity,
    cash: p.cash,
    planner,
    account: sim.account,
    costs: {
      buyPrice: (_inst, px) => px * (1 + markup),
      sellPrice: (_inst, px) => px * (1 - markup),
      fee: (side, qty, px) => estimateFee(broker.commission, side, qty, px),
    },
  });
  for (const o of planned) broker.submitOrder(o);
}
