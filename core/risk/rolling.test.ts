import { describe, expect, it } from 'vitest';
import { rollingRisk } from './rolling';
import { worstWindow } from './worstWindows';

describe('rollingRisk', () => {
  const ts = [1, 2, 3, 4, 5];
  const equity = [100, 110, 99, 108.9, 108.9];

  it('computes trailing volatility, Sharpe and drawdown per window', () => {
    const out = rollingRisk(ts, equity, 2);
    expect(out.map((p) => p.ts)).toEqual([3, 4, 5]);
    // Window ending at ts 3: returns +10 %, −10 %; σ = √0.02, mean 0.
    expect(out[0].volatility).toBeCloseTo(Math.sqrt(0.02) * Math.sqrt(252), 10);
    expect(out[0].sharpe).toBeCloseTo(0, 12);
    expect(out[0].drawdown).toBeCloseTo(-0.1, 12);
    // Window ending at ts 5: −10 %, +10 %... then 0: returns [+10 %, 0]; no drawdown below its start.
    expect(out[2].drawdown).toBeCloseTo(0, 12);
    expect(out[2].sharpe).toBeCloseTo((0.05 / Math.sqrt(0.005)) * Math.sqrt(252), 8);
  });

  it('gives nothing for a curve no longer than the window, and rejects a window under 2', () => {
    expect(rollingRisk([1, 2], [100, 101], 2)).toEqual([]);
    expect(() => rollingRisk(ts, equity, 1)).toThrow(/at least 2, got 1/);
  });
});

describe('worstWindow', () => {
  const ts = [10, 20, 30, 40, 50];
  const equity = [100, 95, 97, 80, 90];

  it('finds the worst close-to-close return over n sessions, with its dates', () => {
    expect(worstWindow(ts, equity, 1)).toEqual({ days: 1, fromTs: 30, toTs: 40, return: 80 / 97 - 1 });
    expect(worstWindow(ts, equity, 3)).toMatchObject({ days: 3, fromTs: 10, toTs: 40 });
    expect(worstWindow(ts, equity, 3)?.return).toBeCloseTo(-0.2, 12);
  });

  it('is null when the curve is shorter than the window', () => {
    expect(worstWindow(ts, equity, 5)).toBeNull();
  });
});
