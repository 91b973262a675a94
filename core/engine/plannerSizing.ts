import type { Side } from '../domain/enums';
import { largestAffordable, roundDownToLot } from './plannerBudget';

/** Prices and fees as the broker will charge them (see PlanCosts). */
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
): number {
  const budget = Math.abs(w) * equity;
  if (!(budget > 0)) return 0;
  const side: Side = w > 0 ? 'BUY' : 'SELL';
  // A short is sized at the price it sells for, as the peers do: floor(E / (p (1 - s) (1 + c))).
  const unit = w > 0 ? costs.buyPrice(instrument, price, budget / price) : costs.sellPrice(instrument, price, budget / price);
  const whole = budget / unit;
  const rate = Math.round((costs.fee(side, whole, unit) / budget) * RATE_RESOLUTION) / RATE_RESOLUTION;
  const exact = budget / (unit * (1 + rate));
  let q = roundDownToLot(exact, lot);
  if (q > 0 && q * unit + costs.fee(side, q, unit) > budget * (1 + FIT_SLACK)) {
    q = largestAffordable(instrument, q, budget, lot, (_i, qty) => (qty <= 0 ? 0 : qty * unit + costs.fee(side, qty, unit)));
  }
  return w > 0 ? q : -q;
}

/** What closing or cutting `qty` units of a long (sign 1) or short (sign -1) costs: the price given up plus the fee. */
function exitCost(costs: SizingCosts, instrument: string, sign: number, qty: number, price: number): number {
  if (sign > 0) {
    const px = costs.sellPrice(instrument, price, qty);
    return qty * (price - px) + costs.fee('SELL', qty, px);
  }
  const px = costs.buyPrice(instrument, price, qty);
  return qty * (px - price) + costs.fee('BUY', qty, px);
}

/** Passes of the fixed point below; each shrinks the error by a factor of the cost rate. */
const SIZING_ROUNDS = 4;

export interface SizingInput {
  weights: ReadonlyMap<string, number>;
  positions: ReadonlyMap<string, number>;
  priceOf: (instrument: string) => number;
  equity: number;
  costs: SizingCosts;
  lot: number;
  shorts: boolean;
  /** Whether a held position of `qty` at `price` already sits within the rebalance band of weight `w`. */
  withinBand: (qty: number, price: number, w: number) => boolean;
}

/**
 * The equity weights are sized from: marked equity less what the closing and reducing legs that go
 * first will cost. A reducing leg's size depends on that equity in turn, so the two are solved as a
 * fixed point, starting from the marked equity and only ever shrinking. What does not depend on the
 * equity (each position's weight, price and band verdict) is looked up once, not once per pass: the
 * planner runs this every session over every held instrument.
 */
export function sizingEquity(s: SizingInput): number {
  const marked = Math.max(0, s.equity);
  // Positions whose size follows the equity (resized toward a same-sided weight), and fixed exit costs
  // of the ones that are closed outright.
  const resized: { instrument: string; held: number; w: number; price: number }[] = [];
  let fixedExits = 0;
  for (const [instrument, held] of s.positions) {
    const w = s.weights.get(instrument) ?? 0;
    const price = s.priceOf(instrument);
    if (w !== 0 && Math.sign(w) === Math.sign(held) && (w > 0 || s.shorts)) {
      if (!s.withinBand(held, price, w)) resized.push({ instrument, held, w, price });
    } else {
      fixedExits += exitCost(s.costs, instrument, Math.sign(held), Math.abs(held), price);
    }
  }
  let e = Math.max(0, marked - fixedExits);
  if (resized.length === 0) return e;
  e = marked;
  for (let round = 0; round < SIZING_ROUNDS; round++) {
    let exits = fixedExits;
    for (const r of resized) {
      const cut = Math.abs(r.held) - Math.abs(allInQuantity(s.costs, r.instrument, r.w, e, r.price, s.lot));
      if (cut > 0) exits += exitCost(s.costs, r.instrument, Math.sign(r.held), cut, r.price);
    }
    const next = Math.max(0, marked - exits);
    if (next === e) return next;
    e = next;
  }
  return e;
}
