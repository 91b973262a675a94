import type { SimulatorConfig } from '../../config/simulatorSchema';
import type { TimeInForce } from '../../domain/enums';
import { matchOrder, type MatchContext, type MatchOrder, type MatchResult } from '../../sim/fillRules';
import { rollingStats, type RollingStats } from '../../sim/marketStats';
import { DEFAULT_TICK_SIZE } from '../../sim/tickSize';
import type { FakeOrder, Instrument } from '../model';
import type { Market } from './market';
import { matchTerms } from './trailingOrders';

/**
 * Offers an order its instrument's current bar by the simulator's rules (core/sim/fillRules
 * matchOrder, with its spread, slippage, impact and participation cap), keeping what each bar has
 * already traded: every order of an instrument shares its bar's participation budget.
 */
export class BarMatcher {
  /** Units taken from each instrument's current bar. */
  private readonly used: Float64Array;
  private readonly stats: (RollingStats | null)[];

  constructor(
    private readonly market: Market,
    private readonly sim: SimulatorConfig,
    private readonly rng: () => number,
  ) {
    this.used = new Float64Array(market.instruments.length);
    this.stats = market.instruments.map(() => null);
  }

  /** A new bar of `inst`: its whole budget is available again. */
  newBar(inst: Instrument): void {
    this.used[inst.index] = 0;
  }

  /** `qty` of `inst` traded on its current bar. */
  take(inst: Instrument, qty: number): void {
    this.used[inst.index] += qty;
  }

  /** What the order gets now (`decision`: at the current price) or on the current bar; null before the instrument's first bar. */
  match(o: FakeOrder, phase: 'decision' | 'bar'): MatchResult | null {
    const inst = o.instrument;
    const bar = this.market.bar(inst);
    if (!bar) return null;
    const sim = this.sim;
    const volumeCap = sim.use_volume_constraints
      ? Math.max(0, Math.floor(sim.max_participation_rate * bar.volume - this.used[inst.index]))
      : Number.POSITIVE_INFINITY;
    // An iceberg shows only its display size: no more of it trades on one bar.
    const capacity = Math.min(volumeCap, o.displaySize ?? Number.POSITIVE_INFINITY);
    const mo: MatchOrder = {
      ...matchTerms(o),
      side: o.action,
      timeInForce: o.tif satisfies TimeInForce,
      remaining: o.totalQuantity - o.filled,
      triggered: o.triggered,
    };
    const ctx: MatchContext = { sim, phase, capacity, sigmaDaily: Number.NaN, adv20: Number.NaN, rng: this.rng, tickSize: sim.tick_size ?? DEFAULT_TICK_SIZE };
    const barIndex = this.market.barIndex(inst);
    if (sim.impact_k > 0 && barIndex > 0) {
      // Known before this bar: statistics up to the previous one.
      const st = this.statsFor(inst);
      ctx.sigmaDaily = st.sigma[barIndex - 1];
      ctx.adv20 = st.adv[barIndex - 1];
    }
    return matchOrder(mo, bar, ctx);
  }

  /** The series grew (a market fed live): statistics over them are worked out again when next needed. */
  marketGrew(): void {
    this.stats.fill(null);
  }

  private statsFor(inst: Instrument): RollingStats {
    let s = this.stats[inst.index];
    if (!s) {
      const series = this.market.series[inst.index];
      s = rollingStats(series.close, series.volume, 20);
      this.stats[inst.index] = s;
    }
    return s;
  }
}
