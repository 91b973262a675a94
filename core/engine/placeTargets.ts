import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import type { Side } from '../domain/enums';
import { roundToTick } from '../domain/priceTick';
import type { Targets } from '../strategy/types';
import { planOrders, type PlanCosts } from './planner';
import type { PlannedOrders, PlanningVenue } from './planningVenue';

function everyKey(m: ReadonlyMap<string, number>, ok: (key: string) => boolean): boolean {
  for (const k of m.keys()) if (!ok(k)) return false;
  return true;
}

/**
 * Sizing prices by instrument number at this moment, NaN for an instrument that does not trade now:
 * an array (the session's opens or closes), read in place, so marking and sizing call no function per instrument.
 */
export type PriceAt = ArrayLike<number>;

/**
 * Turns a target portfolio into market orders, sent to `sink`. The portfolio is first marked at the
 * sizing prices, so weights are sized from the equity the account really has at this price. Only
 * instruments that trade now are planned; the planner prices buys and sells with the simulator's
 * spread and slippage and the commission model, so an all-in target cannot overdraw cash.
 * With `only`, just those instruments are planned (targets that waited for a bar).
 * Returns the targets of the instruments that do not trade now (0 for a holding the targets drop),
 * or null when every one of them trades.
 */
export function placeTargets(
  broker: PlanningVenue,
  sink: PlannedOrders,
  targets: Targets,
  priceAt: PriceAt,
  sim: SimulatorConfig,
  planner: PlannerConfig,
  only?: ReadonlySet<string>,
): Map<string, number> | null {
  const p = broker.portfolio;
  p.markFrom(priceAt);
  const pricing = planPricingOf(broker, (sim.spread_bps / 2 + sim.slippage_bps) / 1e4).at(priceAt);
  const priceOf = pricing.priceOf;
  const pending = broker.pendingQuantities();
  // Usually every instrument trades this session and nothing needs filtering out.
  const trades = (inst: string): boolean => Number.isFinite(priceOf(inst)) && (only === undefined || only.has(inst));
  const allTrade =
    only === undefined &&
    (broker.allTrading() || (everyKey(targets.values, trades) && everyKey(p.positions, trades) && everyKey(pending, trades)));
  const keep = (m: ReadonlyMap<string, number>): Map<string, number> => new Map([...m].filter(([inst]) => trades(inst)));
  const planned = planOrders({
    targets: allTrade ? targets : { kind: targets.kind, values: keep(targets.values) },
    positions: allTrade ? p.positions : keep(p.positions),
    pending: allTrade ? pending : keep(pending),
    prices: priceOf,
    equity: p.equity,
    cash: p.cash,
    planner,
    account: sim.account,
    costs: pricing,
    indexOf: pricing.indexOf,
    positionAt: allTrade ? (i) => p.qty[i] : undefined,
  });
  for (const o of planned) sink.submitOrderAt(o, o.instrumentNumber);
  return allTrade || only !== undefined ? null : waitingTargets(targets, [p.positions, pending], trades);
}

/** The targets of instruments that cannot trade now, with 0 for those held or pending but not targeted. */
function waitingTargets(
  targets: Targets,
  others: readonly ReadonlyMap<string, number>[],
  trades: (inst: string) => boolean,
): Map<string, number> | null {
  const waiting = new Map<string, number>();
  for (const [inst, v] of targets.values) if (!trades(inst)) waiting.set(inst, v);
  for (const m of others) for (const inst of m.keys()) if (!trades(inst) && !waiting.has(inst)) waiting.set(inst, 0);
  return waiting.size > 0 ? waiting : null;
}

/**
 * The price a market fill at reference `ref` and cost-adjusted `raw` will print on the `tick` grid, or a
 * bound on it that never flatters the account (`away` = Math.ceil for a buy, Math.floor for a sell). The
 * broker prints the nearest tick, moved inside the bar when it falls outside. With the reference on the
 * grid (and so the bar's range around it), the nearest tick of `raw` cannot fall outside on the costly
 * side: it is exactly what prints, or a buy prints lower. With the reference off the grid, whether the
 * nearest tick lies inside the bar depends on the bar's low or high, unknown when the order is sized:
 * the tick beyond `raw` bounds what can print.
 */
function printBound(ref: number, raw: number, tick: number, away: (x: number) => number): number {
  if (!(tick > 0)) return raw;
  const nearest = roundToTick(raw, -Infinity, Infinity, tick);
  if (roundToTick(ref, -Infinity, Infinity, tick) === ref) return nearest;
  const perUnit = 1 / tick;
  const whole = Math.round(perUnit);
  // Snapped to a millionth of a tick first, so float noise cannot push a price on the grid to the next tick.
  if (Math.abs(perUnit - whole) < 1e-9 * perUnit) return away(Math.round(raw * whole * 1e6) / 1e6) / whole;
  return away(Math.round((raw / tick) * 1e6) / 1e6) * tick;
}

/**
 * The planner's prices and fees for one broker: sizing prices by symbol, and the price a fill will
 * print on the tick grid (see printBound). One object per broker and markup, kept across sessions
 * so its methods stay the same functions to the compiler; `at` points it at this moment's prices.
 * Print prices are remembered by instrument number with the reference they came from: the sizing
 * passes ask for the same instrument's buy and sell price several times a session, and each answer
 * depends only on that reference, the markup and the instrument's tick.
 */
class PlanPricing implements PlanCosts {
  private readonly buyRef: Float64Array;
  private readonly buyAt: Float64Array;
  private readonly sellRef: Float64Array;
  private readonly sellAt: Float64Array;
  private priceAt: PriceAt = [];
  private lastInst = '';
  private lastIndex = -1;

  constructor(
    private readonly broker: PlanningVenue,
    readonly markup: number,
  ) {
    const n = broker.instrumentCount;
    this.buyRef = new Float64Array(n).fill(Number.NaN);
    this.buyAt = new Float64Array(n);
    this.sellRef = new Float64Array(n).fill(Number.NaN);
    this.sellAt = new Float64Array(n);
  }

  at(priceAt: PriceAt): this {
    this.priceAt = priceAt;
    this.lastInst = '';
    this.lastIndex = -1;
    return this;
  }

  /** Sizing price of `inst` now, NaN when it does not trade (an unknown symbol throws, in indexOf). */
  readonly priceOf = (inst: string): number => this.priceAt[this.indexOf(inst)];

  /**
   * Instrument number of `inst`. The planner asks for one instrument's number and price in a row:
   * remembering the last answer halves the symbol lookups of a session.
   */
  readonly indexOf = (inst: string): number => {
    if (inst !== this.lastInst) {
      this.lastIndex = this.broker.indexOf(inst);
      this.lastInst = inst;
    }
    return this.lastIndex;
  };

  buyPrice(i: number, ref: number): number {
    if (this.buyRef[i] !== ref) {
      this.buyAt[i] = printBound(ref, ref * (1 + this.markup), this.broker.tickSizeOf(i), Math.ceil);
      this.buyRef[i] = ref;
    }
    return this.buyAt[i];
  }

  sellPrice(i: number, ref: number): number {
    if (this.sellRef[i] !== ref) {
      this.sellAt[i] = printBound(ref, ref * (1 - this.markup), this.broker.tickSizeOf(i), Math.floor);
      this.sellRef[i] = ref;
    }
    return this.sellAt[i];
  }

  fee(side: Side, qty: number, price: number): number {
    return this.broker.commission.freshFee(side, qty, price);
  }
}

/** One per broker and markup (a run's simulator settings, so in practice one per run). */
const pricingByBroker = new WeakMap<PlanningVenue, PlanPricing>();

function planPricingOf(broker: PlanningVenue, markup: number): PlanPricing {
  let pricing = pricingByBroker.get(broker);
  if (pricing === undefined || pricing.markup !== markup) {
    pricing = new PlanPricing(broker, markup);
    pricingByBroker.set(broker, pricing);
  }
  return pricing;
}
