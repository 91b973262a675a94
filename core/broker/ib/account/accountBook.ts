import type { AccountState, Position } from '../../../domain/portfolio';
import type { IbAccountValueMsg, IbPortfolioMsg, IbPositionMsg } from '../parsing/schemas';
import type { IbAccountSummary } from '../types';

/** A money value in the account's base currency: IB sends "BASE" rows beside per-currency ones. */
function preferred(currency: string, existing: string | undefined): boolean {
  return currency === 'BASE' || existing === undefined || existing !== 'BASE';
}

/**
 * The account as TWS reports it: account values (reqAccountUpdates), positions (reqPositions) and
 * portfolio lines (prices and P&L per position). TWS is the authority; nothing is derived from fills.
 */
export class AccountBook {
  private readonly values = new Map<string, { value: string; currency: string }>();
  private readonly positions = new Map<string, Position>();
  /** The first net liquidation seen on the current (local) calendar day. */
  private dayStart: { day: string; value: number } | null = null;
  private accountId: string | null = null;

  constructor(
    private readonly commissions: () => number,
    private readonly now: () => number,
  ) {}

  /** Returns true when the value changed. */
  setValue(msg: IbAccountValueMsg): boolean {
    const prev = this.values.get(msg.key);
    if (!preferred(msg.currency, prev?.currency)) return false;
    if (prev && prev.value === msg.value && prev.currency === msg.currency) return false;
    this.values.set(msg.key, { value: msg.value, currency: msg.currency });
    this.accountId = msg.account;
    const netLiq = this.value('NetLiquidation');
    const day = new Date(this.now()).toDateString();
    if (msg.key === 'NetLiquidation' && netLiq !== null && this.dayStart?.day !== day) this.dayStart = { day, value: netLiq };
    return true;
  }

  /**
   * The summary the trader sees; null until TWS reported the account. Day P&L is against IB's
   * previous-day equity when TWS sends it, else against the first net liquidation seen today.
   */
  summary(): IbAccountSummary | null {
    const netLiquidation = this.value('NetLiquidation');
    if (netLiquidation === null || this.accountId === null) return null;
    const previous = this.value('PreviousDayEquityWithLoanValue');
    const start = previous ?? (this.dayStart?.day === new Date(this.now()).toDateString() ? this.dayStart.value : null);
    return {
      account: this.accountId,
      netLiquidation,
      cash: this.value('TotalCashValue') ?? 0,
      buyingPower: this.value('BuyingPower') ?? 0,
      dayPnl: start === null ? null : netLiquidation - start,
      currency: this.values.get('NetLiquidation')?.currency ?? '',
      at: this.now(),
    };
  }

  value(key: string): number | null {
    const v = this.values.get(key);
    if (!v) return null;
    const n = Number(v.value);
    return Number.isFinite(n) ? n : null;
  }

  /** A position report: quantity and cost are absolute; a flat position is removed. */
  setPosition(msg: IbPositionMsg): boolean {
    const symbol = msg.contract.symbol;
    const prev = this.positions.get(symbol);
    if (msg.pos === 0) return this.positions.delete(symbol);
    const avgCost = msg.avgCost ?? prev?.avgCost ?? 0;
    if (prev && prev.quantity === msg.pos && prev.avgCost === avgCost) return false;
    const marketPrice = prev?.marketPrice ?? avgCost;
    this.positions.set(symbol, this.priced(symbol, msg.pos, avgCost, marketPrice, prev?.realizedPnl ?? 0));
    return true;
  }

  /** A portfolio line: the position with its market price and P&L as TWS computed them. */
  setPortfolio(msg: IbPortfolioMsg): boolean {
    const symbol = msg.contract.symbol;
    if (msg.position === 0) return this.positions.delete(symbol);
    const prev = this.positions.get(symbol);
    const avgCost = msg.averageCost ?? prev?.avgCost ?? 0;
    const p = this.priced(symbol, msg.position, avgCost, msg.marketPrice ?? prev?.marketPrice ?? avgCost, msg.realizedPNL ?? prev?.realizedPnl ?? 0);
    if (msg.marketValue !== undefined) p.marketValue = msg.marketValue;
    if (msg.unrealizedPNL !== undefined) p.unrealizedPnl = msg.unrealizedPNL;
    if (prev && JSON.stringify(prev) === JSON.stringify(p)) return false;
    this.positions.set(symbol, p);
    return true;
  }

  /** Replaces every position with a full report (the reconciliation's), keeping known prices. */
  replacePositions(report: readonly IbPositionMsg[]): void {
    const old = new Map(this.positions);
    this.positions.clear();
    for (const msg of report) {
      const prev = old.get(msg.contract.symbol);
      if (msg.pos === 0) continue;
      const avgCost = msg.avgCost ?? prev?.avgCost ?? 0;
      this.positions.set(msg.contract.symbol, this.priced(msg.contract.symbol, msg.pos, avgCost, prev?.marketPrice ?? avgCost, prev?.realizedPnl ?? 0));
    }
  }

  allPositions(): Position[] {
    return [...this.positions.values()].map((p) => ({ ...p }));
  }

  state(): AccountState {
    const positions = [...this.positions.values()];
    const gross = this.value('GrossPositionValue') ?? positions.reduce((s, p) => s + Math.abs(p.marketValue), 0);
    const equity = this.value('NetLiquidation') ?? 0;
    return {
      cash: this.value('TotalCashValue') ?? 0,
      equity,
      grossExposure: gross,
      netExposure: positions.reduce((s, p) => s + p.marketValue, 0),
      leverage: equity > 0 ? gross / equity : 0,
      buyingPower: this.value('BuyingPower') ?? 0,
      realizedPnl: this.value('RealizedPnL') ?? positions.reduce((s, p) => s + p.realizedPnl, 0),
      unrealizedPnl: this.value('UnrealizedPnL') ?? positions.reduce((s, p) => s + p.unrealizedPnl, 0),
      commissions: this.commissions(),
    };
  }

  private priced(instrument: string, quantity: number, avgCost: number, marketPrice: number, realizedPnl: number): Position {
    return {
      instrument,
      quantity,
      avgCost,
      marketPrice,
      marketValue: quantity * marketPrice,
      unrealizedPnl: quantity * (marketPrice - avgCost),
      realizedPnl,
    };
  }
}
