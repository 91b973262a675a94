import { describe, expect, it } from 'vitest';
import { AccountBook } from './accountBook';

const value = (key: string, v: string, currency = 'USD') => ({ key, value: v, currency, account: 'DU1' });

describe('AccountBook', () => {
  it('prefers BASE values and builds the account state from TWS values', () => {
    const a = new AccountBook(() => 2.5, () => Date.UTC(2026, 0, 5, 15));
    a.setValue(value('NetLiquidation', '1000', 'BASE'));
    expect(a.setValue(value('NetLiquidation', '900', 'EUR'))).toBe(false);
    a.setValue(value('TotalCashValue', '400'));
    a.setValue(value('BuyingPower', '2000'));
    a.setValue(value('GrossPositionValue', '600'));
    expect(a.state()).toMatchObject({ cash: 400, equity: 1000, buyingPower: 2000, grossExposure: 600, leverage: 0.6, commissions: 2.5 });
  });

  it('computes day P&L against the first net liquidation of the day, or IB\'s previous-day equity', () => {
    let now = Date.UTC(2026, 0, 5, 15);
    const a = new AccountBook(() => 0, () => now);
    expect(a.summary()).toBeNull();
    a.setValue(value('NetLiquidation', '1000'));
    a.setValue(value('NetLiquidation', '1030'));
    expect(a.summary()).toMatchObject({ account: 'DU1', netLiquidation: 1030, dayPnl: 30 });
    now += 86_400_000;
    expect(a.summary()?.dayPnl).toBeNull();
    a.setValue(value('PreviousDayEquityWithLoanValue', '1010'));
    expect(a.summary()?.dayPnl).toBe(20);
  });

  it('tracks positions from position and portfolio reports, dropping flat ones', () => {
    const a = new AccountBook(() => 0, () => 0);
    a.setPosition({ account: 'DU1', contract: { symbol: 'AAA' }, pos: 10, avgCost: 9 });
    a.setPortfolio({ contract: { symbol: 'AAA' }, position: 10, marketPrice: 11, marketValue: 110, averageCost: 9, unrealizedPNL: 20, realizedPNL: 1 });
    expect(a.allPositions()).toEqual([{ instrument: 'AAA', quantity: 10, avgCost: 9, marketPrice: 11, marketValue: 110, unrealizedPnl: 20, realizedPnl: 1 }]);
    a.replacePositions([{ account: 'DU1', contract: { symbol: 'BBB' }, pos: -2, avgCost: 5 }]);
    expect(a.allPositions().map((p) => [p.instrument, p.quantity])).toEqual([['BBB', -2]]);
    a.setPosition({ account: 'DU1', contract: { symbol: 'BBB' }, pos: 0 });
    expect(a.allPositions()).toEqual([]);
  });
});
