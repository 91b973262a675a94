import type { Side } from '../domain/enums';
import { largestAffordable, roundDownToLot } from './plannerBudget';

/**
 * Prices and fees as the broker will charge them (see PlanCosts). A fee never falls as the quantity
 * grows at one price (allInCeiling relies on it).
 */
export interface SizingCosts {
  buyPrice(instrument: string, price: number, qty: number): number;
  sellPrice(instrument: string, price: number, qty: number): number;
  fee(side: Side, qty: number, price: number): number;
}

/**
 * A pure percent commission comes back from fee / value with a few ulps of noise; rounding the
 * effective rate to this resolution gives back the configured rate exactly, so
 * floor(E / (p × (1 + c))) is the very float the peers compute.
 */
const RATE_RESOLUTION = 1e12;
/** Float slack on the fee-inclusive fit check: a few ulps of the budget. */
const FIT_SLACK = 1e-12;
/** What rounding the rate to RATE_RESOLUTION can move it by, plus float noise. */
const RATE_SLACK = 0.6 / RATE_RESOLUTION;

/** The unit price and commission rate an allInQuantity call sized with (NaN when it sized nothing). */
export interface AllInTerms {
  unit: number;
  rate: number;
}

/**
 * Units a weight `w` buys (w > 0) or sells short (w < 0) with `equity`, all-in at `price`:
 * q = floor_to_lot(|w| × E / (u × (1 + c))), u the unit price after spread, slippage and impact (the
 * buy price for a long, the sell price for a short) and c the commission as a rate of the traded
 * value. For a percent commission c is its rate, which makes a weight-1.0 reversal the peers'
 * floor(cash / (open × (1 + commission))); the fit check below undoes the lot rounding's epsilon
 * where it would round a quotient just under a whole number up. Per-share,
 * fixed and minimum commissions are no pure rate: c is taken as the fee of the whole budget's
 * quantity over its value, and because a minimum or a fixed charge makes a smaller order dearer per
 * unit, the result is then checked fee-inclusive and shrunk until |w| × E pays for it.
 */
export function allInQuantity(
  costs: SizingCosts,
  instrument: string,
  w: number,
  equity: number,
  price: number,
  lot: number,
  terms?: AllInTerms,
): number {
  const budget = Math.abs(w) * equity;
  if (terms !== undefined) terms.unit = terms.rate = Number.NaN;
  if (!(budget > 0)) return 0;
  const side: Side = w > 0 ? 'BUY' : 'SELL';
  // A short is sized at the price it sells for, as the peers do: floor(E / (p (1 - s) (1 + c))).
  const unit = w > 0 ? costs.buyPrice(instrument, price, budget / price) : costs.sellPrice(instrument, price, budget / price);
  const whole = budget / unit;
  const rate = Math.round((costs.fee(side, whole, unit) / budget) * RATE_RESOLUTION) / RATE_RESOLUTION;
  const exact = budget / (unit * (1 + rate));
  if (terms !== undefined) {
    terms.unit = unit;
    terms.rate = rate;
  }
  let q = roundDownToLot(exact, lot);
  if (q > 0 && q * unit + costs.fee(side, q, unit) > budget * (1 + FIT_SLACK)) {
    q = largestAffordable(instrument, q, budget, lot, (_i, qty) => (qty <= 0 ? 0 : qty * unit + costs.fee(side, qty, unit)));
  }
  return w > 0 ? q : -q;
}

/**
 * An upper bound on |allInQuantity| at equity `hi`, from a call at `lo` <= `hi` that sized with
 * `terms`, asking for no fee: NaN unless the unit price at `hi` is the same. A fee never falls as the
 * quantity grows at one price, so the rate at `hi` is at least the fee at `lo` over `hi`'s budget;
 * the slack covers the rate's rounding and float error, and the fit check only ever shrinks.
 */
export function allInCeiling(
  costs: SizingCosts,
  instrument: string,
  w: number,
  lo: number,
  hi: number,
  price: number,
  lot: number,
  terms: AllInTerms,
): number {
  const budget = Math.abs(w) * hi;
  if (!(budget > 0)) return Number.NaN;
  const unit = w > 0 ? costs.buyPrice(instrument, price, budget / price) : costs.sellPrice(instrument, price, budget / price);
  if (unit !== terms.unit) return Number.NaN;
  const rateFloor = (((terms.rate - RATE_SLACK) * (Math.abs(w) * lo)) / budget) * (1 - 1e-15) - RATE_SLACK;
  return roundDownToLot((budget / (unit * (1 + rateFloor))) * (1 + 1e-12), lot);
}
