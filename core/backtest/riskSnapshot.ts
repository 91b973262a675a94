import type { RiskSnapshot } from '../engine/risk/riskTypes';
import type { BacktestBroker } from '../sim/BacktestBroker';

/**
 * The account and market as the risk checks see them in a backtest, at this point of the session:
 * the price known now (the open while the bar opens, else the close), positions, working orders
 * and equity. Buying power is left unknown: the simulator holds every fill to the account's cash
 * and leverage, with the planner's sells funding its buys, which no order-by-order check can see.
 */
export function backtestRiskSnapshot(broker: BacktestBroker, instrument: string, exclude?: string): RiskSnapshot {
  const p = broker.portfolio;
  const inst = broker.lookup(instrument);
  // The checks read only the order's own instrument's position and orders: a run checks millions of orders.
  return {
    lastPrice: broker.lastPrice(inst),
    positions: inst >= 0 && p.qty[inst] !== 0 ? [p.position(inst)] : [],
    openOrders: broker.getOpenOrders(instrument).filter((o) => o.id !== exclude),
    equity: p.equity,
    grossExposure: p.grossExposure(),
    buyingPower: Number.NaN,
  };
}
