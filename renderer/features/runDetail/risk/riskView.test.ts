import { describe, expect, it } from 'vitest';
import { fmtSigned, parseScenario, rollingRows, varRows } from './riskView';

const fig = (method: 'historical' | 'parametric', confidence: number, horizonDays: number, v: number) => ({
  method, confidence, horizonDays, var: v, es: v * 1.2, varMoney: v * 1000, esMoney: v * 1200,
});

describe('varRows', () => {
  it('puts each method and confidence on a row with its 1-day and 10-day figures', () => {
    const rows = varRows([fig('parametric', 0.99, 10, 4), fig('historical', 0.99, 1, 2), fig('historical', 0.95, 1, 1), fig('historical', 0.95, 10, 3), fig('parametric', 0.99, 1, 5)]);
    expect(rows.map((r) => r.label)).toEqual(['Historical 95 %', 'Historical 99 %', 'Parametric (normal) 99 %']);
    expect(rows[0].oneDay?.var).toBe(1);
    expect(rows[0].tenDay?.var).toBe(3);
    expect(rows[1].tenDay).toBeNull();
    expect(rows[2].tenDay?.var).toBe(4);
  });
});

describe('parseScenario', () => {
  it('reads market, symbol and volatility shocks, accepting a typographic minus', () => {
    expect(parseScenario({ kind: 'market', symbol: '', value: '−15' })).toEqual({ scenario: { kind: 'market', shockPct: -15 } });
    expect(parseScenario({ kind: 'symbol', symbol: ' AAPL ', value: '5' })).toEqual({ scenario: { kind: 'symbol', symbol: 'AAPL', shockPct: 5 } });
    expect(parseScenario({ kind: 'volatility', symbol: '', value: '3' })).toEqual({ scenario: { kind: 'volatility', factor: 3 } });
  });

  it('says what is wrong with a bad draft', () => {
    expect(parseScenario({ kind: 'market', symbol: '', value: 'abc' })).toEqual({ error: '"abc" is not a number' });
    expect(parseScenario({ kind: 'market', symbol: '', value: '' })).toEqual({ error: '"" is not a number' });
    expect(parseScenario({ kind: 'market', symbol: '', value: '-150' })).toEqual({ error: 'the shock must be between −100 % and +1000 %' });
    expect(parseScenario({ kind: 'volatility', symbol: '', value: '0' })).toEqual({ error: 'the volatility factor must be above 0 and at most 100' });
    expect(parseScenario({ kind: 'symbol', symbol: ' ', value: '5' })).toEqual({ error: 'name the symbol to shock' });
  });
});

describe('rollingRows', () => {
  it('turns fractions into percent for the charts', () => {
    expect(rollingRows([{ ts: 5, volatility: 0.2, sharpe: null, drawdown: -0.05 }])).toEqual([{ t: 5, volatilityPct: 20, sharpe: null, drawdownPct: -5 }]);
  });
});

describe('fmtSigned', () => {
  it('writes losses with the typographic minus, whole unless asked', () => {
    expect(fmtSigned(-5000.4)).toBe('−5,000');
    expect(fmtSigned(1234.6)).toBe('1,235');
    expect(fmtSigned(null)).toBe('—');
    expect(fmtSigned(-0.5, 2)).toBe('−0.50');
  });
});
