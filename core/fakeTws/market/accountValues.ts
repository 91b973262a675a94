import type { AccountConfig } from '../../config/simulatorSchema';
import type { Portfolio } from '../../engine/portfolio';
import type { Instrument } from '../model';
import type { PortfolioLine } from '../wire/serverMessages';
import type { Market } from './market';

export interface AccountValue {
  tag: string;
  value: string;
  currency: string;
}

const money = (v: number): string => v.toFixed(2);

/**
 * The account's values under IB's tag names (account summary and account updates share them).
 * Margin figures follow the simulator's account config: initial margin = gross / max leverage,
 * maintenance margin = gross x maintenance_margin.
 */
export function accountValues(p: Portfolio, account: AccountConfig): AccountValue[] {
  const s = p.accountState();
  const initMargin = s.grossExposure / account.max_leverage;
  const maintMargin = s.grossExposure * account.maintenance_margin;
  const excess = s.equity - maintMargin;
  const usd = (tag: string, v: number): AccountValue => ({ tag, value: money(v), currency: 'USD' });
  return [
    { tag: 'AccountType', value: 'INDIVIDUAL', currency: '' },
    usd('NetLiquidation', s.equity),
    usd('TotalCashValue', s.cash),
    usd('SettledCash', s.cash),
    usd('CashBalance', s.cash),
    usd('AccruedCash', 0),
    usd('BuyingPower', s.buyingPower),
    usd('EquityWithLoanValue', s.equity),
    usd('GrossPositionValue', s.grossExposure),
    usd('InitMarginReq', initMargin),
    usd('MaintMarginReq', maintMargin),
    usd('AvailableFunds', s.equity - initMargin),
    usd('ExcessLiquidity', excess),
    { tag: 'Cushion', value: s.equity > 0 ? (excess / s.equity).toFixed(4) : '0', currency: '' },
    { tag: 'Leverage', value: s.leverage.toFixed(4), currency: '' },
    usd('RealizedPnL', s.realizedPnl),
    usd('UnrealizedPnL', s.unrealizedPnl),
  ];
}

/** One portfolio line per traded instrument (closed positions included, with 0 units). */
export function portfolioLines(p: Portfolio, market: Market, traded: readonly Instrument[]): PortfolioLine[] {
  return traded.map((inst) => {
    const i = inst.index;
    const qty = p.qty[i];
    const px = market.last(inst);
    return {
      inst,
      position: qty,
      marketPrice: px,
      marketValue: qty * px,
      averageCost: p.avgCost[i],
      unrealizedPnl: qty * (px - p.avgCost[i]),
      realizedPnl: p.realized[i],
    };
  });
}
