import type { BrokerInterface } from '../broker/BrokerInterface';
import type { SimulatorConfig } from '../config/simulatorSchema';
import type { Order } from '../domain/order';
import type { Position } from '../domain/portfolio';
import { SymbolIndex } from '../domain/symbolIndex';
import type { PlanningVenue } from '../engine/planningVenue';
import { Portfolio } from '../engine/portfolio';
import { createCommissionModel, type CommissionModel } from '../sim/commission';
import { tickSizeFor } from '../sim/tickSize';
import type { SessionMarket } from './sessionMarket';

/**
 * A live broker's account as the planner sees it: a mirror of its cash and positions in the
 * session's instruments, marked at the session's closes, refreshed before each decision. Working
 * orders are the broker's; the session's own are those `ours` picks out.
 */
export class LiveVenue implements PlanningVenue {
  readonly portfolio: Portfolio;
  readonly commission: CommissionModel;
  readonly instrumentCount: number;
  private readonly index: SymbolIndex;
  private readonly ticks: Float64Array;

  constructor(
    private readonly broker: BrokerInterface,
    private readonly market: SessionMarket,
    sim: SimulatorConfig,
    private readonly ours: (o: Order) => boolean,
  ) {
    const symbols = market.series.map((s) => s.symbol);
    this.portfolio = new Portfolio(symbols, 0, sim.account);
    this.commission = createCommissionModel(sim.commission);
    this.instrumentCount = symbols.length;
    this.index = new SymbolIndex(symbols);
    this.ticks = Float64Array.from(market.series, (s) => tickSizeFor(s, sim.tick_size));
  }

  /** Takes the broker's cash and positions, marked at the latest closes. */
  sync(): void {
    const holdings = new Map<number, Position>();
    for (const p of this.broker.getPositions()) {
      const i = this.index.lookup(p.instrument);
      if (i >= 0 && p.quantity !== 0) holdings.set(i, p);
    }
    this.portfolio.syncTo(this.broker.getAccountState().cash, holdings);
    this.portfolio.markFrom(this.market.tm.lastClose);
  }

  indexOf(symbol: string): number {
    const i = this.index.lookup(symbol);
    if (i < 0) throw new Error(`"${symbol}" is not one of the session's instruments`);
    return i;
  }

  tickSizeOf(inst: number): number {
    return this.ticks[inst];
  }

  allTrading(): boolean {
    return this.market.tm.tradingCount === this.instrumentCount;
  }

  /** Signed quantity still to fill of the session's working orders, per instrument. */
  pendingQuantities(): Map<string, number> {
    const out = new Map<string, number>();
    for (const o of this.working()) {
      const left = (o.quantity - o.filledQuantity) * (o.side === 'BUY' ? 1 : -1);
      out.set(o.instrument, (out.get(o.instrument) ?? 0) + left);
    }
    return out;
  }

  /** The broker records its own reason for a cancel; the session records why it replaced its orders. */
  cancelAll(): void {
    for (const o of this.working()) this.broker.cancelOrder(o.id);
  }

  /** The session's orders that still work (or wait for a parent). */
  working(): Order[] {
    return this.broker.getOpenOrders().filter((o) => this.ours(o) && this.index.lookup(o.instrument) >= 0);
  }
}
