import type { AccountState, Position } from '../../domain/portfolio';
import type { BrokerAccountSummary } from '../../service/trading/tradingBroker';
import type { AlpacaAccount, AlpacaPosition } from './schemas';

/** The account as Alpaca reports it (GET /v2/account and /v2/positions): Alpaca is the authority. */
export class AlpacaAccountBook {
  private account: AlpacaAccount | null = null;
  private positions = new Map<string, Position>();

  update(account: AlpacaAccount, positions: readonly AlpacaPosition[]): void {
    this.account = account;
    this.positions = new Map(
      positions
        .filter((p) => Math.abs(p.qty) > 1e-12)
        .map((p) => {
          // Alpaca sends a short position's qty negative; some answers give it unsigned with side "short".
          const quantity = p.side === 'short' && p.qty > 0 ? -p.qty : p.qty;
          const marketPrice = p.current_price ?? p.avg_entry_price;
          return [
            p.symbol,
            {
              instrument: p.symbol,
              quantity,
              avgCost: p.avg_entry_price,
              marketPrice,
              marketValue: p.market_value ?? quantity * marketPrice,
              unrealizedPnl: p.unrealized_pl ?? quantity * (marketPrice - p.avg_entry_price),
              realizedPnl: 0,
            },
          ];
        }),
    );
  }

  allPositions(): Position[] {
    return [...this.positions.values()].map((p) => ({ ...p }));
  }

  /** Signed quantities by symbol. */
  quantities(): Map<string, number> {
    return new Map([...this.positions.values()].map((p) => [p.instrument, p.quantity]));
  }

  state(commissions: number): AccountState {
    const positions = [...this.positions.values()];
    const gross = positions.reduce((s, p) => s + Math.abs(p.marketValue), 0);
    const equity = this.account?.equity ?? 0;
    return {
      cash: this.account?.cash ?? 0,
      equity,
      grossExposure: gross,
      netExposure: positions.reduce((s, p) => s + p.marketValue, 0),
      leverage: equity > 0 ? gross / equity : 0,
      buyingPower: this.account?.buying_power ?? 0,
      realizedPnl: 0,
      unrealizedPnl: positions.reduce((s, p) => s + p.unrealizedPnl, 0),
      commissions,
    };
  }

  /** Null until Alpaca reported the account; day P&L against Alpaca's previous-close equity. */
  summary(): BrokerAccountSummary | null {
    const a = this.account;
    if (!a) return null;
    return { netLiquidation: a.equity, cash: a.cash, buyingPower: a.buying_power, dayPnl: a.last_equity == null ? null : a.equity - a.last_equity };
  }
}
