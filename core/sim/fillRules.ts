import type { SimulatorConfig } from '../config/simulatorSchema';
import type { OrderType, Side, TimeInForce } from '../domain/enums';
import { costFraction } from './executionCosts';
import { fillableQuantity } from './fillQuantity';
import { roundToTick } from '../domain/priceTick';

/**
 * The order types matched here. A trailing order is matched as the STOP or STOP_LIMIT it is at the
 * moment, at its current stop (see trailing.ts); the caller ratchets the stop between bars.
 */
export const MATCH_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const satisfies readonly OrderType[];
export type MatchType = (typeof MATCH_TYPES)[number];

export interface MatchOrder {
  side: Side;
  type: MatchType;
  timeInForce: TimeInForce;
  limitPrice: number | null;
  stopPrice: number | null;
  remaining: number;
  triggered: boolean;
}

export interface MatchBar {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface MatchContext {
  sim: SimulatorConfig;
  /** 'decision': evaluated at the close of the bar the order was decided on (fill_timing same_close): only the
   *  close price exists for us, the bar's earlier range is in the past. 'bar': a whole later bar (open..close). */
  phase: 'decision' | 'bar';
  /** Units this order may take from this bar (participation cap minus what other orders already took);
   *  Infinity when volume constraints are off. The caller computes it. */
  capacity: number;
  /** NaN when unknown -> no impact term. */
  sigmaDaily: number;
  adv20: number;
  rng: () => number;
  /** The instrument's price increment: fills print on its multiples. 0 leaves prices unrounded. */
  tickSize: number;
}

/** quantity 0 means no fill; price and referencePrice are then NaN. */
export interface MatchResult {
  quantity: number;
  price: number;
  referencePrice: number;
  /** The order's trigger state after this bar (stops and stop-limits); passes through for the other types. */
  triggered: boolean;
}

/*
 * The rules are written once, for a buyer. A sell is matched in a mirrored price space where every price
 * is multiplied by s = -1: there "lower is better" holds for both sides, the bar's best price is -high and
 * its worst is -low, and a cost still moves the price up. Results are mirrored back on the way out.
 */

/**
 * Where the current matchOrder call puts its result: the caller's reusable object, or (undefined) a
 * fresh one. Set at every call; matching is synchronous, so no other call can see it.
 */
let into: MatchResult | undefined;

function result(quantity: number, price: number, referencePrice: number, triggered: boolean): MatchResult {
  if (!into) return { quantity, price, referencePrice, triggered };
  into.quantity = quantity;
  into.price = price;
  into.referencePrice = referencePrice;
  into.triggered = triggered;
  return into;
}

function noFill(triggered: boolean): MatchResult {
  return result(0, Number.NaN, Number.NaN, triggered);
}

/** roundToTick in the mirrored space: the allowed range is loT..hiT there, and flips back for a sell. */
function tickT(priceT: number, s: 1 | -1, loT: number, hiT: number, tick: number): number {
  if (!(tick > 0)) return priceT;
  return s === 1 ? roundToTick(priceT, loT, hiT, tick) : -roundToTick(-priceT, -hiT, -loT, tick);
}

/**
 * A market-like execution at reference `refT` (mirrored space): costs added, then capped by the bar's worst
 * price (like backtrader's slip_match, costs cannot push a fill outside what the bar traded) and by `capT`,
 * the order's limit (Infinity for none), then rounded to the tick within those bounds.
 */
function costed(
  refT: number,
  capT: number,
  s: 1 | -1,
  bestT: number,
  worstT: number,
  qty: number,
  ctx: MatchContext,
  triggered: boolean,
): MatchResult {
  if (qty === 0) return noFill(triggered);
  const raw = refT + Math.abs(refT) * costFraction(ctx.sim, qty, ctx.sigmaDaily, ctx.adv20);
  const inBar = raw > worstT ? worstT : raw < bestT ? bestT : raw;
  const hiT = worstT > capT ? capT : worstT;
  const priceT = tickT(inBar > capT ? capT : inBar, s, bestT, hiT, ctx.tickSize);
  return result(qty, s * priceT, s * refT, triggered);
}

/**
 * A resting limit taken out by the market: fills at the limit, no spread or slippage. A limit off the tick
 * grid prints at the tick on the trader's side of it, within the bar.
 */
function passive(limitT: number, s: 1 | -1, bestT: number, qty: number, ctx: MatchContext, triggered: boolean): MatchResult {
  if (qty === 0) return noFill(triggered);
  const priceT = tickT(limitT, s, bestT, limitT, ctx.tickSize);
  return result(qty, s * priceT, s * limitT, triggered);
}

/** A limit order working over a whole bar (mirrored space). */
function limitOverBar(
  limitT: number,
  openT: number,
  bestT: number,
  worstT: number,
  s: 1 | -1,
  qty: number,
  ctx: MatchContext,
  triggered: boolean,
): MatchResult {
  if (openT <= limitT) return costed(openT, limitT, s, bestT, worstT, qty, ctx, triggered);
  if (bestT < limitT) return passive(limitT, s, bestT, qty, ctx, triggered);
  if (bestT === limitT && ctx.sim.limit_fill === 'touch' && qty > 0 && ctx.rng() < ctx.sim.limit_fill_prob) {
    return passive(limitT, s, bestT, qty, ctx, triggered);
  }
  return noFill(triggered);
}

/** Orders that can only see one price of the bar: the open (AT_OPEN), the close (AT_CLOSE, decision phase). */
function matchAtPoint(
  o: MatchOrder,
  pointT: number,
  limitT: number,
  stopT: number,
  s: 1 | -1,
  bestT: number,
  worstT: number,
  qty: number,
  ctx: MatchContext,
): MatchResult {
  switch (o.type) {
    case 'MARKET':
      return costed(pointT, Number.POSITIVE_INFINITY, s, bestT, worstT, qty, ctx, o.triggered);
    case 'LIMIT':
      return pointT <= limitT ? costed(pointT, limitT, s, bestT, worstT, qty, ctx, o.triggered) : noFill(o.triggered);
    case 'STOP':
      return o.triggered || pointT >= stopT
        ? costed(pointT, Number.POSITIVE_INFINITY, s, bestT, worstT, qty, ctx, true)
        : noFill(false);
    case 'STOP_LIMIT':
      if (!(o.triggered || pointT >= stopT)) return noFill(false);
      return pointT <= limitT ? costed(pointT, limitT, s, bestT, worstT, qty, ctx, true) : noFill(true);
  }
}

function matchOverBar(
  o: MatchOrder,
  bar: MatchBar,
  limitT: number,
  stopT: number,
  s: 1 | -1,
  bestT: number,
  worstT: number,
  qty: number,
  ctx: MatchContext,
): MatchResult {
  const openT = s * bar.open;
  switch (o.type) {
    case 'MARKET': {
      const timing = ctx.sim.fill_timing;
      const ref =
        timing === 'next_open' ? bar.open : timing === 'vwap' ? (bar.high + bar.low + bar.close) / 3 : bar.close;
      return costed(s * ref, Number.POSITIVE_INFINITY, s, bestT, worstT, qty, ctx, o.triggered);
    }
    case 'LIMIT':
      return limitOverBar(limitT, openT, bestT, worstT, s, qty, ctx, o.triggered);
    case 'STOP':
      if (o.triggered || openT >= stopT) {
        return costed(openT, Number.POSITIVE_INFINITY, s, bestT, worstT, qty, ctx, true);
      }
      return worstT >= stopT
        ? costed(stopT, Number.POSITIVE_INFINITY, s, bestT, worstT, qty, ctx, true)
        : noFill(false);
    case 'STOP_LIMIT':
      // Triggered before the bar's first trade: the whole bar is available to the limit.
      if (o.triggered || openT >= stopT) return limitOverBar(limitT, openT, bestT, worstT, s, qty, ctx, true);
      if (worstT < stopT) return noFill(false);
      if (limitT >= stopT) return costed(stopT, limitT, s, bestT, worstT, qty, ctx, true);
      // Limit below the stop: the bar's low may have come before the trigger, so only a close back at or
      // below the limit proves the price was there after it.
      return s * bar.close <= limitT ? passive(limitT, s, bestT, qty, ctx, true) : noFill(true);
  }
}

function requirePrice(value: number | null, what: string, type: MatchType): number {
  if (value === null || !Number.isFinite(value)) {
    throw new Error(`matchOrder: ${type} order needs a finite ${what}, got ${value}`);
  }
  return value;
}

/**
 * Matches one working order against one bar and reports what can fill there and at what price.
 * Pure: expiry (DAY/IOC/FOK), fills bookkeeping and slippage accounting are the caller's.
 * AT_OPEN orders cannot fill in the decision phase: that bar's open is already in the past.
 */
/** `out`, when given, is filled and returned instead of a new object (the broker's hot path reuses one). */
export function matchOrder(o: MatchOrder, bar: MatchBar, ctx: MatchContext, out?: MatchResult): MatchResult {
  into = out;
  if (!(o.remaining > 0) || !Number.isFinite(o.remaining)) {
    throw new Error(`matchOrder: remaining must be a positive finite quantity, got ${o.remaining}`);
  }
  if (!(bar.low <= bar.high) || Number.isNaN(bar.open) || Number.isNaN(bar.close)) {
    throw new Error(
      `matchOrder: invalid bar O=${bar.open} H=${bar.high} L=${bar.low} C=${bar.close} (needs low <= high, no NaN)`,
    );
  }
  if (Number.isNaN(ctx.capacity)) throw new Error('matchOrder: capacity is NaN (use Infinity for no cap)');
  const s: 1 | -1 = o.side === 'BUY' ? 1 : -1;
  const limitT =
    o.type === 'LIMIT' || o.type === 'STOP_LIMIT' ? s * requirePrice(o.limitPrice, 'limitPrice', o.type) : Number.NaN;
  const stopT =
    o.type === 'STOP' || o.type === 'STOP_LIMIT' ? s * requirePrice(o.stopPrice, 'stopPrice', o.type) : Number.NaN;
  const bestT = s === 1 ? bar.low : -bar.high;
  const worstT = s === 1 ? bar.high : -bar.low;
  const qty = fillableQuantity(o.remaining, ctx.capacity, bar.volume, ctx.sim);

  if (ctx.phase === 'decision') {
    if (o.timeInForce === 'AT_OPEN') return noFill(o.triggered);
    return matchAtPoint(o, s * bar.close, limitT, stopT, s, bestT, worstT, qty, ctx);
  }
  if (o.timeInForce === 'AT_OPEN') return matchAtPoint(o, s * bar.open, limitT, stopT, s, bestT, worstT, qty, ctx);
  if (o.timeInForce === 'AT_CLOSE') return matchAtPoint(o, s * bar.close, limitT, stopT, s, bestT, worstT, qty, ctx);
  return matchOverBar(o, bar, limitT, stopT, s, bestT, worstT, qty, ctx);
}
