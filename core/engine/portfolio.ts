import type { AccountConfig } from '../config/simulatorSchema';
import { type AccountState, type HeldPositions, type Position, positionOf } from '../domain/portfolio';
import type { PortfolioView } from '../strategy/types';
import { HeldQuantities } from './heldQuantities';

/**
 * Cash and positions of one account, indexed by instrument number for speed. Equity is always
 * cash + sum(quantity x mark); a fill moves cash by its value and commission.
 */
export class Portfolio implements PortfolioView {
  cash: number;
  commissions = 0;
  realizedTotal = 0;
  readonly qty: Float64Array;
  readonly avgCost: Float64Array;
  readonly mark: Float64Array;
  readonly realized: Float64Array;
  private readonly held = new Set<number>();
  /** Running sums over held positions, kept in step with every fill and mark so equity is O(1). */
  private value = 0;
  private gross = 0;
  private readonly positionsView: HeldQuantities;

  constructor(
    readonly instruments: readonly string[],
    initialCash: number,
    readonly account: AccountConfig,
  ) {
    this.cash = initialCash;
    const n = instruments.length;
    this.qty = new Float64Array(n);
    this.avgCost = new Float64Array(n);
    this.mark = new Float64Array(n).fill(Number.NaN);
    this.realized = new Float64Array(n);
    this.positionsView = new HeldQuantities(instruments, this.qty, this.held);
  }

  /** Applies a fill: signedQty > 0 buys. Realizes P&L on the part that reduces a position. */
  applyFill(i: number, signedQty: number, price: number, commission: number): void {
    if (Number.isNaN(this.mark[i])) this.mark[i] = price;
    this.unvalue(i);
    const before = this.qty[i];
    const after = before + signedQty;
    this.cash -= signedQty * price + commission;
    this.commissions += commission;
    if (before === 0 || Math.sign(before) === Math.sign(signedQty)) {
      this.avgCost[i] = (this.avgCost[i] * before + price * signedQty) / after;
    } else {
      const closed = Math.min(Math.abs(signedQty), Math.abs(before));
      const pnl = closed * (price - this.avgCost[i]) * Math.sign(before);
      this.realized[i] += pnl;
      this.realizedTotal += pnl;
      if (Math.abs(signedQty) > Math.abs(before)) this.avgCost[i] = price;
      else if (after === 0) this.avgCost[i] = 0;
    }
    this.qty[i] = after;
    this.revalue(i);
    if (after === 0) this.held.delete(i);
    else if (before === 0) this.held.add(i);
  }

  /**
   * Takes a broker's figures as they are (a live venue's mirror of its account): the cash, and each
   * instrument's quantity, average cost and realized P&L; instruments `holdings` leaves out are flat.
   */
  syncTo(cash: number, holdings: ReadonlyMap<number, Pick<Position, 'quantity' | 'avgCost' | 'realizedPnl'>>): void {
    this.cash = cash;
    this.realizedTotal = 0;
    this.held.clear();
    for (let i = 0; i < this.qty.length; i++) {
      const h = holdings.get(i);
      this.qty[i] = h?.quantity ?? 0;
      this.avgCost[i] = h?.avgCost ?? 0;
      this.realized[i] = h?.realizedPnl ?? 0;
      this.realizedTotal += this.realized[i];
      if (this.qty[i] !== 0) this.held.add(i);
    }
    this.resum();
  }

  /**
   * Marks every instrument that `closeOf` prices (NaN: keep the last mark), then recomputes the
   * running sums from scratch, so rounding cannot accumulate across sessions.
   */
  markAll(closeOf: (i: number) => number): void {
    for (let i = 0; i < this.mark.length; i++) {
      const px = closeOf(i);
      if (!Number.isNaN(px)) this.mark[i] = px;
    }
    this.resum();
  }

  /** markAll from prices by instrument number, read in place (the backtest's session arrays). */
  markFrom(prices: ArrayLike<number>): void {
    for (let i = 0; i < this.mark.length; i++) {
      const px = prices[i];
      if (!Number.isNaN(px)) this.mark[i] = px;
    }
    this.resum();
  }

  private resum(): void {
    this.value = 0;
    this.gross = 0;
    for (const i of this.held) this.revalue(i);
  }

  private unvalue(i: number): void {
    const v = this.qty[i] * this.mark[i];
    if (v !== 0) {
      this.value -= v;
      this.gross -= Math.abs(v);
    }
  }

  private revalue(i: number): void {
    const v = this.qty[i] * this.mark[i];
    if (v !== 0) {
      this.value += v;
      this.gross += Math.abs(v);
    }
  }

  get positions(): ReadonlyMap<string, number> {
    return this.positionsView;
  }

  heldIndices(): Iterable<number> {
    return this.held;
  }

  positionValue(i: number): number {
    return this.qty[i] === 0 ? 0 : this.qty[i] * this.mark[i];
  }

  get equity(): number {
    return this.cash + this.value;
  }

  grossExposure(): number {
    return this.gross;
  }

  netExposure(): number {
    return this.value;
  }

  /** What new exposure the account can still take: cash for a cash account, leverage headroom for margin. */
  buyingPower(): number {
    if (this.account.type === 'cash') return Math.max(0, this.cash);
    return Math.max(0, this.equity * this.account.max_leverage - this.grossExposure());
  }

  position(i: number): Position {
    return positionOf(this.instruments[i], this.qty[i], this.avgCost[i], this.mark[i], this.realized[i]);
  }

  /** Fills `into` with the positions held now, in the order of the instrument numbers `order`. */
  collectHeld(order: readonly number[], into: HeldPositions): void {
    let k = 0;
    for (const i of order) {
      if (this.qty[i] === 0) continue;
      into.instruments[k] = this.instruments[i];
      into.quantity[k] = this.qty[i];
      into.avgCost[k] = this.avgCost[i];
      into.marketPrice[k] = this.mark[i];
      into.realizedPnl[k] = this.realized[i];
      k++;
    }
    into.count = k;
  }

  accountState(): AccountState {
    const equity = this.equity;
    const gross = this.grossExposure();
    let unrealized = 0;
    for (const i of this.held) unrealized += this.qty[i] * (this.mark[i] - this.avgCost[i]);
    return {
      cash: this.cash,
      equity,
      grossExposure: gross,
      netExposure: this.netExposure(),
      leverage: equity > 0 ? gross / equity : gross > 0 ? Number.POSITIVE_INFINITY : 0,
      buyingPower: this.buyingPower(),
      realizedPnl: this.realizedTotal,
      unrealizedPnl: unrealized,
      commissions: this.commissions,
    };
  }
}
