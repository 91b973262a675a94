import type { PlanRows } from './planRows';
import { allInAtMost, allInQuantity, type AllInTerms, type SizingCosts } from './plannerSizing';

/** Passes of the fixed point below; each shrinks the error by a factor of the cost rate. */
const SIZING_ROUNDS = 4;
/** The narrowest bracket below the marked equity, as a fraction of it (see sizingEquity). */
const MIN_BRACKET = 1e-5;

export interface SizingInput {
  /** Weights, held positions and their prices, one row per instrument (a weight target or a holding). */
  rows: Pick<PlanRows, 'count' | 'index' | 'target' | 'held' | 'price'>;
  equity: number;
  costs: SizingCosts;
  lot: number;
  shorts: boolean;
  /** Whether a held position of `qty` at `price` already sits within the rebalance band of weight `w`. */
  withinBand: (qty: number, price: number, w: number) => boolean;
}

export interface Sizing {
  equity: number;
  /**
   * Per row, 1 when `quantities` holds its allInQuantity at `equity`, as solving for the equity found
   * it: the planner need not size that row again. Valid until the next call.
   */
  sized: Uint8Array;
  quantities: Float64Array;
  /**
   * Per sized row that sells part of a long: the units cut, and the price and fee the cut was costed
   * at (NaN units otherwise). A planned sale of exactly those units costs the same: no need to ask again.
   */
  cutQty: Float64Array;
  cutPrice: Float64Array;
  cutFee: Float64Array;
}

/** What closing or cutting `qty` units of a long (sign 1) or short (sign -1) costs: the price given up plus the fee. */
function exitCost(costs: SizingCosts, instrument: number, sign: number, qty: number, price: number): number {
  if (sign > 0) {
    const px = costs.sellPrice(instrument, price, qty);
    return qty * (price - px) + costs.fee('SELL', qty, px);
  }
  const px = costs.buyPrice(instrument, price, qty);
  return qty * (px - price) + costs.fee('BUY', qty, px);
}

/** Per resized position, reused across calls: the planner runs this every session over every holding. */
class Scratch {
  /** Per resized position: its instrument number (see PlanRows.index). */
  instruments = new Int32Array(0);
  /** The row each resized position came from. */
  row = new Int32Array(0);
  /** Per row: the answer (see Sizing). */
  sized = new Uint8Array(0);
  quantities = new Float64Array(0);
  held = new Float64Array(0);
  w = new Float64Array(0);
  price = new Float64Array(0);
  /** Quantity at the marked equity, then at the latest pass for a position sized again on each pass. */
  qty = new Float64Array(0);
  exitAtMarked = new Float64Array(0);
  /** The sale price and fee of the latest exit costed for a long (see Sizing.cutQty). */
  salePrice = new Float64Array(0);
  saleFee = new Float64Array(0);
  cutQty = new Float64Array(0);
  cutPrice = new Float64Array(0);
  cutFee = new Float64Array(0);
  /** 1 while the quantity is known to be the same from the bracket's floor to the marked equity. */
  steady = new Uint8Array(0);
  readonly terms: AllInTerms = { unit: Number.NaN, rate: Number.NaN };
  /** How far below the marked equity the last solution fell, as a fraction of it. */
  lastGap = MIN_BRACKET;

  ensure(n: number): void {
    if (this.held.length >= n) return;
    const size = Math.max(n, this.held.length * 2, 64);
    this.instruments = new Int32Array(size);
    this.row = new Int32Array(size);
    this.sized = new Uint8Array(size);
    this.quantities = new Float64Array(size);
    this.held = new Float64Array(size);
    this.w = new Float64Array(size);
    this.price = new Float64Array(size);
    this.qty = new Float64Array(size);
    this.exitAtMarked = new Float64Array(size);
    this.salePrice = new Float64Array(size);
    this.saleFee = new Float64Array(size);
    this.cutQty = new Float64Array(size);
    this.cutPrice = new Float64Array(size);
    this.cutFee = new Float64Array(size);
    this.steady = new Uint8Array(size);
  }
}
const scratch = new Scratch();

/*
 * The passes live in functions of their own, each one small loop, so the compiler inlines the
 * sizing and fee calls into them (inside one large function it runs out of inlining budget, and
 * every call then boxes its numbers).
 */

/** Exit cost of resized position `r` at quantity `q`: what cutting it from its holding costs, or 0. */
function exitAt(k: Scratch, costs: SizingCosts, r: number, q: number): number {
  const cut = Math.abs(k.held[r]) - Math.abs(q);
  if (!(cut > 0)) return 0;
  if (k.held[r] < 0) return exitCost(costs, k.instruments[r], -1, cut, k.price[r]);
  // exitCost of a long, keeping its sale price and fee for the planner's budget.
  const px = costs.sellPrice(k.instruments[r], k.price[r], cut);
  const fee = costs.fee('SELL', cut, px);
  k.salePrice[r] = px;
  k.saleFee[r] = fee;
  return cut * (k.price[r] - px) + fee;
}

/**
 * Sizes each resized position at the bracket's floor and proves it steady up to the marked equity,
 * or sizes it at the marked equity; returns `fixedExits` plus the exit costs at those quantities
 * (summed in that order: the same floats as every pass before).
 */
function firstPass(k: Scratch, costs: SizingCosts, n: number, lot: number, floor: number, marked: number, fixedExits: number): number {
  const ratio = floor / marked;
  let exits = fixedExits;
  for (let r = 0; r < n; r++) {
    let q = Number.NaN;
    let steady = false;
    if (floor < marked) {
      q = allInQuantity(costs, k.instruments[r], k.w[r], floor, k.price[r], lot, k.terms);
      steady = allInAtMost(costs, k.instruments[r], k.w[r], q, marked, ratio, k.price[r], lot, k.terms);
    }
    if (!steady) q = allInQuantity(costs, k.instruments[r], k.w[r], marked, k.price[r], lot);
    k.steady[r] = steady ? 1 : 0;
    k.qty[r] = q;
    const exit = exitAt(k, costs, r, q);
    k.exitAtMarked[r] = exit;
    exits += exit;
  }
  return exits;
}

/** A later pass at equity `e`, as firstPass sums: steady positions keep their exit cost while `e` is in the bracket. */
function laterPass(k: Scratch, costs: SizingCosts, n: number, lot: number, e: number, inBracket: boolean, fixedExits: number): number {
  let exits = fixedExits;
  for (let r = 0; r < n; r++) {
    if (inBracket && k.steady[r] === 1) {
      exits += k.exitAtMarked[r];
    } else {
      k.steady[r] = 0;
      k.qty[r] = allInQuantity(costs, k.instruments[r], k.w[r], e, k.price[r], lot);
      exits += exitAt(k, costs, r, k.qty[r]);
    }
  }
  return exits;
}

/**
 * The equity weights are sized from: marked equity less what the closing and reducing legs that go
 * first will cost. A reducing leg's size depends on that equity in turn, so the two are solved as a
 * fixed point, starting from the marked equity and only ever shrinking.
 *
 * The passes land a little below the marked equity, inside a narrow bracket (twice as deep as the
 * last solution fell: a run's sessions are alike). A position's all-in quantity only grows with the
 * equity, so one sized at the bracket's floor whose ceiling at the marked equity is that same
 * quantity keeps it, and its exit cost, on every pass: only the few positions whose quantity steps
 * inside the bracket are sized again. The passes give the very floats that sizing every position on
 * every pass would; a pass that falls below the floor sizes everything again.
 */
export function sizingEquity(s: SizingInput): Sizing {
  const marked = Math.max(0, s.equity);
  const k = scratch;
  const rows = s.rows;
  k.ensure(rows.count);
  const { instruments, row, held, w, price, qty, sized, quantities, cutQty, cutPrice, cutFee } = k;
  sized.fill(0, 0, rows.count);
  cutQty.fill(Number.NaN, 0, rows.count);
  const answer = (equity: number): Sizing => ({ equity, sized, quantities, cutQty, cutPrice, cutFee });
  let n = 0;
  // Fixed exit costs of the positions closed outright; the rest follow the equity.
  let fixedExits = 0;
  for (let j = 0; j < rows.count; j++) {
    const position = rows.held[j];
    if (position === 0) continue;
    const weight = rows.target[j];
    const px = rows.price[j];
    if (weight !== 0 && Math.sign(weight) === Math.sign(position) && (weight > 0 || s.shorts)) {
      if (!s.withinBand(position, px, weight)) {
        instruments[n] = rows.index[j];
        row[n] = j;
        held[n] = position;
        w[n] = weight;
        price[n] = px;
        n++;
      }
    } else {
      fixedExits += exitCost(s.costs, rows.index[j], Math.sign(position), Math.abs(position), px);
    }
  }
  if (n === 0) return answer(Math.max(0, marked - fixedExits));

  // Fractional quantities move with any change of equity: no position keeps its size.
  const floor = s.lot > 0 ? marked * (1 - Math.max(MIN_BRACKET, 2 * k.lastGap)) : marked;
  let e = Math.max(0, marked - firstPass(k, s.costs, n, s.lot, floor, marked, fixedExits));
  let converged = e === marked;
  for (let round = 1; round < SIZING_ROUNDS && !converged; round++) {
    const next = Math.max(0, marked - laterPass(k, s.costs, n, s.lot, e, e >= floor, fixedExits));
    converged = next === e;
    e = next;
  }
  if (marked > 0 && e < marked) k.lastGap = (marked - e) / marked;
  // Without convergence the last pass's equity was never sized at: the planner sizes from scratch.
  if (converged) {
    for (let r = 0; r < n; r++) {
      const j = row[r];
      sized[j] = 1;
      quantities[j] = qty[r];
      const cut = held[r] - qty[r];
      if (held[r] > 0 && cut > 0) {
        cutQty[j] = cut;
        cutPrice[j] = k.salePrice[r];
        cutFee[j] = k.saleFee[r];
      }
    }
  }
  return answer(e);
}
