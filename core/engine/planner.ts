import type { Side } from '../domain/enums';
import type { OrderRequest } from '../domain/order';
import { shortsAllowed, type AccountConfig, type PlannerConfig } from '../config/simulatorSchema';
import type { Targets } from '../strategy/types';
import { allInQuantity } from './plannerSizing';
import { PlanRows } from './planRows';
import { sizingEquity, type Sizing } from './sizingEquity';
import { fitBuysToBudget, roundDownToLot, type BuyCost } from './plannerBudget';

/**
 * Expected execution prices (after spread, slippage and impact) and commission, as the broker would
 * charge; an instrument is known by the number PlanInput.indexOf gives it.
 */
export interface PlanCosts {
  buyPrice(instrument: number, price: number, qty: number): number;
  sellPrice(instrument: number, price: number, qty: number): number;
  fee(side: Side, qty: number, price: number): number;
}

export interface PlanInput {
  /** The whole portfolio: instruments absent from it target 0. */
  targets: Targets;
  /** Current signed quantities. */
  positions: ReadonlyMap<string, number>;
  /** Signed remaining quantity of working orders, already on the way. */
  pending: ReadonlyMap<string, number>;
  /** Sizing price per unit (the execution reference price, or the decision close). */
  prices: (instrument: string) => number;
  /** Equity with every position marked at the sizing prices. */
  equity: number;
  cash: number;
  planner: PlannerConfig;
  costs: PlanCosts;
  account: AccountConfig;
  /**
   * The number `costs` knows an instrument by, asked once per instrument and plan (a broker's
   * instrument number, say); without it, instruments are numbered in the order the plan meets them.
   */
  indexOf?: (instrument: string) => number;
  /**
   * With indexOf: the signed position of an instrument by that number, 0 when flat. The targets'
   * holdings are read here instead of from `positions` (a symbol lookup fewer per instrument).
   */
  positionAt?: (index: number) => number;
}

export type PlanAction = 'OPEN_LONG' | 'OPEN_SHORT' | 'CLOSE' | 'INCREASE' | 'REDUCE';

/** A DAY market order the planner wants placed, tagged with why; it goes to a broker as it is. */
export interface PlannedOrder extends OrderRequest {
  type: 'MARKET';
  timeInForce: 'DAY';
  /** Always positive. */
  quantity: number;
  action: PlanAction;
  /** The number PlanInput.indexOf gave the instrument (a broker that numbers it so need not look it up). */
  instrumentNumber: number;
}

/** One shared, frozen metadata object per action: millions of orders need no copies of it. */
const ACTION_METADATA: Readonly<Record<PlanAction, Readonly<Record<string, unknown>>>> = Object.freeze({
  OPEN_LONG: Object.freeze({ action: 'OPEN_LONG' }),
  OPEN_SHORT: Object.freeze({ action: 'OPEN_SHORT' }),
  CLOSE: Object.freeze({ action: 'CLOSE' }),
  INCREASE: Object.freeze({ action: 'INCREASE' }),
  REDUCE: Object.freeze({ action: 'REDUCE' }),
});

/** Quantity targets size from no equity. */
const NO_SIZING: Sizing = {
  equity: 0,
  sized: new Uint8Array(0),
  quantities: new Float64Array(0),
  cutQty: new Float64Array(0),
  cutPrice: new Float64Array(0),
  cutFee: new Float64Array(0),
};
/** Reused by every plan (see PlanRows). */
const planRows = new PlanRows();

/** Quantities this small are float noise, not orders. */
const QTY_EPS = 1e-9;

/**
 * Turns a target portfolio into orders: target minus (position + pending), classified, split across
 * zero, lot-rounded toward zero, filtered by the minimums and the rebalance band, with buys shrunk
 * to what the account can pay for after its sells. Weights are sized all-in (see allInQuantity)
 * from the equity left once the closing and reducing legs are paid for (see sizingEquity).
 * Result order: CLOSE/REDUCE, then the other sells, then the other buys.
 */
export function planOrders(input: PlanInput): PlannedOrder[] {
  requireFinite('equity', input.equity);
  requireFinite('cash', input.cash);
  const priceOf = checkedPrices(input.prices);
  const { targets, positions, pending, planner } = input;
  const weights = targets.kind === 'weight';
  const withinBand = bandCheck(planner, input.equity);
  const rows = planRows.gather(targets.values, positions, pending, weights, priceOf, input.indexOf, input.positionAt);
  const sizing = weights
    ? sizingEquity({ rows, equity: input.equity, costs: input.costs, lot: planner.lot_size, shorts: shortsAllowed(input.account), withinBand })
    : NO_SIZING;
  const legs = planLegs(input, rows, sizing, withinBand, priceOf);
  const fitted = fitLegs(input, rows, sizing, legs);
  return emitLegs(legs, fitted, planner, priceOf);
}

/** Every instrument's orders toward its target, sorted into reducing legs, other sells and other buys. */
interface Legs {
  // Each leg with the row it came from: its costs are asked by the row's instrument number.
  reducing: PlannedOrder[];
  reducingRows: number[];
  openingSells: PlannedOrder[];
  sellRows: number[];
  openingBuys: PlannedOrder[];
  buyRows: number[];
  /** A margin account's headroom: the gross exposure left once every sell and cover has filled. */
  grossAfterSells: number;
  /** Longs summing to at most the equity are not meant to borrow: their buys are held to the cash. */
  longWeights: number;
}

function planLegs(
  input: PlanInput,
  rows: PlanRows,
  sizing: Sizing,
  withinBand: (qty: number, price: number, w: number) => boolean,
  priceOf: (instrument: string) => number,
): Legs {
  const { planner } = input;
  const margin = input.account.type !== 'cash';
  const shorts = shortsAllowed(input.account);
  const weights = input.targets.kind === 'weight';
  const out: Legs = { reducing: [], reducingRows: [], openingSells: [], sellRows: [], openingBuys: [], buyRows: [], grossAfterSells: 0, longWeights: 0 };
  // Reused for every instrument: slots for the one or two orders that move it toward its target.
  const legs: PlannedOrder[] = [];
  for (let k = 0; k < rows.count; k++) {
    const instrument = rows.instruments[k];
    const target = rows.target[k];
    const now = rows.held[k] + rows.pending[k];
    if (target > 0) out.longWeights += target;
    // Sizing a weight, the band and the margin headroom all need the price: looked up once, at gather.
    const px = weights && target !== 0 ? rows.price[k] : Number.NaN;
    let n = 0;
    if (!(weights && now !== 0 && Math.sign(now) === Math.sign(target) && withinBand(now, px, target))) {
      let wanted: number;
      if (!weights) wanted = quantityTarget(input, instrument, target, shorts);
      else if (sizing.sized[k] === 1) wanted = sizing.quantities[k];
      else wanted = weightQuantity(input, instrument, rows.index[k], target, px, sizing.equity, shorts);
      n = legsFor(instrument, rows.index[k], now, wanted, planner.lot_size, legs);
    }
    let change = 0;
    if (n > 0 && !underMinimums(n === 1 ? legs[0].quantity : legs[0].quantity + legs[1].quantity, instrument, planner, priceOf)) {
      for (let i = 0; i < n; i++) {
        const o = legs[i];
        if (o.action === 'CLOSE' || o.action === 'REDUCE') {
          out.reducing.push(o);
          out.reducingRows.push(k);
        } else if (o.side === 'SELL') {
          out.openingSells.push(o);
          out.sellRows.push(k);
        } else {
          out.openingBuys.push(o);
          out.buyRows.push(k);
          continue;
        }
        change += o.side === 'BUY' ? o.quantity : -o.quantity;
      }
    }
    const after = Math.abs(now + change);
    if (margin && after > QTY_EPS) out.grossAfterSells += after * (Number.isNaN(px) ? priceOf(instrument) : px);
  }
  return out;
}

/** What each reducing leg (a cover can be cut by the cash budget) and each buy may trade. */
function fitLegs(input: PlanInput, rows: PlanRows, sizing: Sizing, legs: Legs): { reducing: number[]; buys: number[] } {
  const { reducing, reducingRows, openingSells, sellRows, openingBuys, buyRows } = legs;
  const margin = input.account.type !== 'cash';
  const cost = buyCost(input.costs, rows);
  const lot = input.planner.lot_size;
  const fittedReducing = reducing.map((o) => o.quantity);
  const headroom = Math.max(0, input.equity) * input.account.max_leverage - legs.grossAfterSells;
  const buyQty = openingBuys.map((o) => o.quantity);
  if (margin && !(input.targets.kind === 'weight' && legs.longWeights <= 1 + 1e-9)) {
    return { reducing: fittedReducing, buys: fitBuysToBudget(buyRows, buyQty, headroom, lot, cost) };
  }
  // Covering shorts reduces risk, so covers are paid for before any new long (a margin account always covers).
  const covers: number[] = [];
  const coverRows: number[] = [];
  reducing.forEach((o, i) => {
    if (o.side === 'BUY') {
      covers.push(i);
      coverRows.push(reducingRows[i]);
    }
  });
  const budget = cashBudget(input, rows, sizing, reducing, reducingRows, openingSells, sellRows, cost);
  const wantedCovers = covers.map((i) => reducing[i].quantity);
  const coverQty = margin ? wantedCovers : fitBuysToBudget(coverRows, wantedCovers, budget, lot, cost);
  let spent = 0;
  covers.forEach((i, c) => {
    fittedReducing[i] = coverQty[c];
    spent += cost(coverRows[c], coverQty[c]);
  });
  const buys = fitBuysToBudget(buyRows, buyQty, margin ? Math.min(headroom, budget - spent) : budget - spent, lot, cost);
  return { reducing: fittedReducing, buys };
}

/** The plan: the legs at their fitted quantities, reducing legs first, then other sells, then buys. */
function emitLegs(
  legs: Legs,
  fitted: { reducing: number[]; buys: number[] },
  planner: PlannerConfig,
  priceOf: (instrument: string) => number,
): PlannedOrder[] {
  const result: PlannedOrder[] = [];
  // Instruments whose cover the budget cut: still short, so their long leg must wait (made when first needed).
  let stillShort: Set<string> | null = null;
  const emit = (o: PlannedOrder, quantity: number): void => {
    if (quantity === o.quantity) {
      if (!(o.action === 'OPEN_LONG' && stillShort?.has(o.instrument))) result.push(o);
      return;
    }
    if (o.action === 'CLOSE') (stillShort ??= new Set()).add(o.instrument);
    if (quantity <= QTY_EPS || underMinimums(quantity, o.instrument, planner, priceOf)) return;
    if (o.action === 'OPEN_LONG' && stillShort?.has(o.instrument)) return;
    result.push(order(o.instrument, o.instrumentNumber, o.side, quantity, o.action === 'CLOSE' ? 'REDUCE' : o.action));
  };
  for (let i = 0; i < legs.reducing.length; i++) emit(legs.reducing[i], fitted.reducing[i]);
  for (const o of legs.openingSells) emit(o, o.quantity);
  for (let i = 0; i < legs.openingBuys.length; i++) emit(legs.openingBuys[i], fitted.buys[i]);
  return result;
}

/** Units a weight target asks for, sized all-in; a cash account or allow_short: false opens no shorts. */
function weightQuantity(
  input: PlanInput,
  instrument: string,
  index: number,
  w: number,
  price: number,
  equity: number,
  shorts: boolean,
): number {
  if (!Number.isFinite(w)) requireFinite(`target for ${instrument}`, w);
  if (w === 0 || (w < 0 && !shorts)) return 0;
  return allInQuantity(input.costs, index, w, equity, price, input.planner.lot_size);
}

function quantityTarget(input: PlanInput, instrument: string, value: number, shorts: boolean): number {
  if (!Number.isFinite(value)) requireFinite(`target for ${instrument}`, value);
  return roundTowardZero(shorts ? value : Math.max(0, value), input.planner.lot_size);
}

/**
 * Whether a held (or pending) quantity at `price` sits within the rebalance band of weight `w`:
 * |weight now - w| <= min(rebalance_band, rebalance_band_relative x |w|).
 */
function bandCheck(planner: PlannerConfig, equity: number): (qty: number, price: number, w: number) => boolean {
  const band = planner.rebalance_band;
  const relative = planner.rebalance_band_relative;
  if (band <= 0 || relative <= 0 || !(equity > 0)) return () => false;
  return (qty, price, w) => Math.abs((qty * price) / equity - w) <= Math.min(band, relative * Math.abs(w));
}

/**
 * Writes to `out` the orders that take `current` toward the lot-rounded `target`, returning how many
 * (0 to 2). Going flat trades the exact
 * position (no odd-lot dust left behind); crossing zero is a CLOSE then an OPEN; otherwise the
 * change itself is rounded toward zero to whole lots.
 */
function legsFor(instrument: string, number: number, current: number, target: number, lot: number, out: PlannedOrder[]): number {
  const flatNow = Math.abs(current) <= QTY_EPS;
  if (Math.abs(target) <= QTY_EPS) {
    if (flatNow) return 0;
    out[0] = leg(instrument, number, -current, 'CLOSE');
    return 1;
  }
  const crosses = !flatNow && Math.sign(target) !== Math.sign(current);
  if (flatNow || crosses) {
    const open = leg(instrument, number, target, target > 0 ? 'OPEN_LONG' : 'OPEN_SHORT');
    if (!crosses) {
      out[0] = open;
      return 1;
    }
    out[0] = leg(instrument, number, -current, 'CLOSE');
    out[1] = open;
    return 2;
  }
  const delta = roundTowardZero(target - current, lot);
  if (Math.abs(delta) <= QTY_EPS) return 0;
  out[0] = leg(instrument, number, delta, Math.sign(delta) === Math.sign(current) ? 'INCREASE' : 'REDUCE');
  return 1;
}

function leg(instrument: string, number: number, signedQty: number, action: PlanAction): PlannedOrder {
  return order(instrument, number, signedQty > 0 ? 'BUY' : 'SELL', Math.abs(signedQty), action);
}

function order(instrument: string, number: number, side: Side, quantity: number, action: PlanAction): PlannedOrder {
  return { instrument, side, type: 'MARKET', quantity, timeInForce: 'DAY', action, metadata: ACTION_METADATA[action], instrumentNumber: number };
}

function underMinimums(
  quantity: number,
  instrument: string,
  planner: PlannerConfig,
  priceOf: (i: string) => number,
): boolean {
  if (quantity + QTY_EPS < planner.min_order_quantity) return true;
  return planner.min_order_value > 0 && quantity * priceOf(instrument) < planner.min_order_value;
}

/** Cash on hand plus what selling longs brings in, less every sell's fee and what working buys will cost. */
function cashBudget(
  input: PlanInput,
  rows: PlanRows,
  sizing: Sizing,
  reducing: readonly PlannedOrder[],
  reducingRows: readonly number[],
  openingSells: readonly PlannedOrder[],
  sellRows: readonly number[],
  cost: BuyCost<number>,
): number {
  let budget = input.cash;
  for (let k = 0; k < rows.count; k++) if (rows.pending[k] > 0) budget -= cost(k, rows.pending[k]);
  const sell = (o: PlannedOrder, k: number): void => {
    // Sizing costed a cut of exactly this size already: the same price and fee.
    const costed = sizing.cutQty[k] === o.quantity;
    const price = costed ? sizing.cutPrice[k] : input.costs.sellPrice(rows.index[k], rows.priceAt(k), o.quantity);
    // A cash account does not spend short-sale proceeds: that would be leverage.
    if (o.action === 'CLOSE' || o.action === 'REDUCE') budget += o.quantity * price;
    budget -= costed ? sizing.cutFee[k] : input.costs.fee('SELL', o.quantity, price);
  };
  reducing.forEach((o, i) => {
    if (o.side === 'SELL') sell(o, reducingRows[i]);
  });
  openingSells.forEach((o, i) => sell(o, sellRows[i]));
  return budget;
}

/** What buying `qty` of row `k`'s instrument costs, fees included. */
function buyCost(costs: PlanCosts, rows: PlanRows): BuyCost<number> {
  return (k, qty) => {
    if (qty <= 0) return 0;
    const price = costs.buyPrice(rows.index[k], rows.priceAt(k), qty);
    return qty * price + costs.fee('BUY', qty, price);
  };
}

function roundTowardZero(qty: number, lot: number): number {
  return Math.sign(qty) * roundDownToLot(Math.abs(qty), lot);
}

function checkedPrices(prices: (instrument: string) => number): (instrument: string) => number {
  return (instrument) => {
    const price = prices(instrument);
    if (!(Number.isFinite(price) && price > 0)) {
      throw new Error(`planOrders: price for ${instrument} must be a positive finite number, got ${price}`);
    }
    return price;
  };
}

function requireFinite(what: string, value: number): void {
  if (!Number.isFinite(value)) throw new Error(`planOrders: ${what} must be a finite number, got ${value}`);
}
