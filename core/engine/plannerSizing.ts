import type { Side } from '../domain/enums';
import { largestAffordable, roundDownToLot } from './plannerBudget';

/**
 * Prices and fees as the broker will charge them (see PlanCosts), an instrument known by the number
 * the planner was given for it. A fee never falls as the quantity grows at one price (allInAtMost relies on it).
 */
export interface SizingCosts {
  buyPrice(instrument: number, price: number, qty: number): number;
  sellPrice(instrument: number, price: number, qty: number): number;
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
  instrument: number,
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
  if (q > 0 && q * unit + costs.fee(side, q, unit) > budget * (1 + FIT_SLACK)) q = shrunkToFit(costs, instrument, side, unit, q, budget, lot);
  return w > 0 ? q : -q;
}

/**
 * The largest quantity up to `q` whose value and fee at `unit` fit `budget`. Apart from allInQuantity
 * so that its closure does not make every allInQuantity call allocate a context for the variables it captures.
 */
function shrunkToFit(costs: SizingCosts, instrument: number, side: Side, unit: number, q: number, budget: number, lot: number): number {
  return largestAffordable(instrument, q, budget, lot, (_i, qty) => (qty <= 0 ? 0 : qty * unit + costs.fee(side, qty, unit)));
}

/**
 * Whether |allInQuantity| at equity `hi` is at most `q`, the quantity a call at a lower equity gave
 * with `terms` (`ratio` = that equity / `hi`), asking for no fee: false whenever the unit price at
 * `hi` differs. A fee never falls as the quantity grows at one price, so the rate at `hi` is at
 * least the fee at the lower equity over `hi`'s budget; the quotient below that rate is compared
 * with the next lot up, multiplied out (no division), with slack for the rate's rounding and float
 * error. The fit check only ever shrinks.
 */
export function allInAtMost(
  costs: SizingCosts,
  instrument: number,
  w: number,
  q: number,
  hi: number,
  ratio: number,
  price: number,
  lot: number,
  terms: AllInTerms,
): boolean {
  const budget = Math.abs(w) * hi;
  if (!(budget > 0 && lot > 0)) return false;
  const unit = w > 0 ? costs.buyPrice(instrument, price, budget / price) : costs.sellPrice(instrument, price, budget / price);
  if (unit !== terms.unit) return false;
  const rateFloor = (terms.rate - RATE_SLACK) * ratio * (1 - 1e-15) - RATE_SLACK;
  // roundDownToLot(x) <= q exactly when x < q + lot (1 - 1e-9), x being budget / (unit (1 + rate)).
  return budget * (1 + 1e-12) < (Math.abs(q) + lot * (1 - 1e-9)) * unit * (1 + rateFloor);
}
