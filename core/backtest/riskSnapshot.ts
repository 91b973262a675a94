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
  return {
    lastPrice: broker.lastPrice(broker.lookup(instrument)),
    positions: broker.getPositions(),
    openOrders: broker.getOpenOrders().filter((o) => o.id !== exclude),
    equity: p.equity,
    grossExposure: p.grossExposure(),
    buyingPower: Number.NaN,
  };
}
