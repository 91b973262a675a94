import type { SimulatorConfig } from '../../config/simulatorSchema';
import type { TimeInForce } from '../../domain/enums';
import type { Market } from '../../fakeTws/market/market';
import { matchOrder, type MatchContext, type MatchOrder, type MatchType } from '../../sim/fillRules';
import { rollingStats, type RollingStats } from '../../sim/marketStats';
import { tickSizeFor } from '../../sim/tickSize';
import type { AlpacaTif, FakeAlpacaOrder } from '../model';

const MATCH_TIF: Record<AlpacaTif, TimeInForce> = { day: 'DAY', gtc: 'GTC', ioc: 'IOC', fok: 'FOK', opg: 'AT_OPEN', cls: 'AT_CLOSE' };

/**
 * One order against one instrument's current bar, by the backtests' rules (core/sim matchOrder: spread,
 * slippage, impact, participation cap, tick rounding). A trailing stop is matched as a stop at its
 * stop as it stood before the bar (trailingStops.ts ratchets it after). Returns the fill (quantity 0
 * for none) and whether a stop has now triggered.
 */
export class Matcher {
  /** Units taken from each instrument's current bar: all orders of a symbol share its participation cap. */
  readonly used: Float64Array;
  private readonly stats: (RollingStats | null)[];
  private readonly ticks: number[];

  constructor(
    private readonly market: Market,
    private readonly sim: SimulatorConfig,
    private readonly rng: () => number,
  ) {
    this.used = new Float64Array(market.instruments.length);
    this.stats = market.instruments.map(() => null);
    this.ticks = market.series.map((s) => tickSizeFor(s, sim.tick_size));
  }

  match(o: FakeAlpacaOrder, phase: 'decision' | 'bar'): { quantity: number; price: number; triggered: boolean } {
    const inst = this.market.instruments[o.asset.index];
    const bar = this.market.bar(inst);
    const remaining = o.qty - o.filledQty;
    if (!bar || !(remaining > 1e-12)) return { quantity: 0, price: Number.NaN, triggered: o.triggered };
    const sim = this.sim;
    const capacity = sim.use_volume_constraints
      ? Math.max(0, Math.floor(sim.max_participation_rate * bar.volume - this.used[inst.index]))
      : Number.POSITIVE_INFINITY;
    const type: MatchType = o.type === 'trailing_stop' ? 'STOP' : o.type === 'market' ? 'MARKET' : o.type === 'limit' ? 'LIMIT' : o.type === 'stop' ? 'STOP' : 'STOP_LIMIT';
    const mo: MatchOrder = {
      side: o.side === 'buy' ? 'BUY' : 'SELL',
      type,
      timeInForce: MATCH_TIF[o.tif],
      limitPrice: o.limitPrice,
      stopPrice: o.stopPrice,
      remaining,
      triggered: o.triggered,
    };
    const ctx: MatchContext = {
      sim,
      phase,
      capacity,
      sigmaDaily: Number.NaN,
      adv20: Number.NaN,
      rng: this.rng,
      tickSize: this.ticks[inst.index],
    };
    const barIndex = this.market.barIndex(inst);
    if (sim.impact_k > 0 && barIndex > 0) {
      // Known before this bar: statistics up to the previous one.
      const st = this.statsFor(inst.index);
      ctx.sigmaDaily = st.sigma[barIndex - 1];
      ctx.adv20 = st.adv[barIndex - 1];
    }
    const m = matchOrder(mo, bar, ctx);
    if (m.quantity > 0) this.used[inst.index] += m.quantity;
    return { quantity: m.quantity, price: m.price, triggered: m.triggered };
  }

  /** A new bar: the participation budget of the instruments that moved starts again. */
  newBar(index: number): void {
    this.used[index] = 0;
  }

  private statsFor(index: number): RollingStats {
    let s = this.stats[index];
    if (!s) {
      const series = this.market.series[index];
      s = rollingStats(series.close, series.volume, 20);
      this.stats[index] = s;
    }
    return s;
  }
}
