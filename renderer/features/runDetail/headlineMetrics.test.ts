import { describe, expect, it } from 'vitest';
import { headlineMetrics } from './headlineMetrics';

const metrics = {
  totalReturnPct: 462.28,
  cagrPct: 22.44,
  annualVolatilityPct: 30.02,
  sharpe: 0.824,
  sortino: 1.255,
  maxDrawdownPct: -34.13,
  maxDrawdownDurationDays: 830,
  closedTrades: 93,
  openTrades: 1,
  winRatePct: 52.69,
  profitFactor: 1.653,
  exposureTimePct: 97.1,
  commissions: 10678.21,
  finalEquity: 56227.7,
  buyAndHoldReturnPct: 703.46,
  annualReturnPct: 23.1,
  alphaPct: 4.2,
  beta: 0.61,
  avgDrawdownPct: -6.5,
  avgDrawdownDurationDays: 41.4,
  expectancy: 419.89,
  expectancyPct: 1.234,
  kelly: 0.21,
};

describe('headlineMetrics', () => {
  it('formats every headline figure from the engine metrics', () => {
    const byId = Object.fromEntries(headlineMetrics(metrics).map((h) => [h.id, h]));
    expect(byId.totalReturnPct).toMatchObject({ value: '+462.28 %', tone: 'pos', raw: 462.28 });
    expect(byId.sharpe.value).toBe('0.824');
    expect(byId.maxDrawdownPct).toMatchObject({ value: '−34.13 %', sub: '830 days', tone: 'neg' });
    expect(byId.closedTrades).toMatchObject({ value: '93', sub: '+1 open' });
    expect(byId.winRatePct.value).toBe('52.7 %');
    expect(byId.finalEquity.value).toBe('56,227.70');
    expect(byId.buyAndHoldReturnPct.value).toBe('+703.46 %');
    expect(byId.annualReturnPct).toMatchObject({ value: '+23.10 %', tone: 'pos' });
    expect(byId.alphaPct.value).toBe('+4.20 %');
    expect(byId.beta.value).toBe('0.610');
    expect(byId.avgDrawdownPct).toMatchObject({ value: '−6.50 %', sub: '41 days', tone: 'neg' });
    expect(byId.expectancy).toMatchObject({ value: '419.89', sub: '+1.23 % a trade', tone: 'pos' });
    expect(byId.kelly).toMatchObject({ value: '0.210', tone: 'pos' });
    expect(Object.keys(byId)).toHaveLength(19);
  });

  it('shows undefined ratios and a run without metrics as dashes, never NaN', () => {
    const none = headlineMetrics({ ...metrics, sharpe: null, profitFactor: null });
    expect(none.find((h) => h.id === 'sharpe')).toMatchObject({ value: '—', raw: null, tone: '' });
    expect(headlineMetrics(null).every((h) => h.value === '—' && h.raw === null)).toBe(true);
  });

  it('marks a profit factor below one as a loss', () => {
    expect(headlineMetrics({ profitFactor: 0.8 }).find((h) => h.id === 'profitFactor')?.tone).toBe('neg');
  });
});
