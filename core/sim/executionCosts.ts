import type { SimulatorConfig } from '../config/simulatorSchema';

/**
 * Fraction of price a market-like execution pays on top of its reference price: half the quoted spread,
 * fixed slippage, and square-root impact `impact_k * sigma * sqrt(qty / adv)`.
 * Impact is skipped when sigma or ADV is unknown (NaN) or ADV is 0, since sqrt(qty / 0) has no meaning.
 */
export function costFraction(sim: SimulatorConfig, quantity: number, sigmaDaily: number, adv20: number): number {
  const fixed = sim.spread_bps / 2 / 1e4 + sim.slippage_bps / 1e4;
  if (sim.impact_k > 0 && sigmaDaily >= 0 && adv20 > 0 && Number.isFinite(sigmaDaily) && Number.isFinite(adv20)) {
    return fixed + sim.impact_k * sigmaDaily * Math.sqrt(quantity / adv20);
  }
  return fixed;
}
