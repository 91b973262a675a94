import { describe, expect, it } from 'vitest';
import { runScenarios, scenarioName } from './scenarios';
import { parametricVarEs } from './valueAtRisk';

const book = [
  { symbol: 'AAA', quantity: 100, price: 10 },
  { symbol: 'BBB', quantity: -20, price: 25 },
];
const returns = [0.01, -0.02, 0.015, -0.005, 0.002];

describe('runScenarios', () => {
  it('applies a market shock one-for-one to every position, shorts gaining', () => {
    const [r] = runScenarios([{ kind: 'market', shockPct: -10 }], book, 2000, returns);
    expect(r.pnl).toBeCloseTo(-100 + 50, 10);
    expect(r.pnlPct).toBeCloseTo(-0.025, 12);
    expect(r.name).toBe('Market −10 %');
  });

  it('moves only the named symbol in a symbol shock', () => {
    const [r] = runScenarios([{ kind: 'symbol', symbol: 'BBB', shockPct: 20 }], book, 2000, returns);
    expect(r.pnl).toBeCloseTo(-100, 10);
  });

  it('reports the 99 % 1-day VaR under scaled volatility as the volatility shock loss', () => {
    const [r] = runScenarios([{ kind: 'volatility', factor: 2 }], book, 2000, returns);
    expect(r.pnl).toBeCloseTo(-parametricVarEs(returns, 0.99, 1, 2).var * 2000, 10);
    expect(r.pnl).toBeLessThan(-parametricVarEs(returns, 0.99).var * 2000);
  });

  it('names scenarios readably and rejects a bad factor', () => {
    expect(scenarioName({ kind: 'symbol', symbol: 'X', shockPct: 5 })).toBe('X +5 %');
    expect(() => runScenarios([{ kind: 'volatility', factor: 0 }], book, 2000, returns)).toThrow(/factor must be positive, got 0/);
  });
});
