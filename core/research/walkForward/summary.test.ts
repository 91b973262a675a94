import { describe, expect, it } from 'vitest';
import { summarise, type WindowOutcome } from './summary';

/** A one-session window k (in-sample session k + 1, out-of-sample k + 2) with given equities and annual returns. */
function outcome(k: number, fast: number, inEquity: number, outEquity: number, inAnnual: number, outAnnual: number, pbo: number | null = null, dsr: number | null = null): WindowOutcome {
  return {
    overfitting:
      pbo === null
        ? null
        : {
            pbo: { pbo, partitions: 16, splits: 12870, probabilityOfLoss: 0.1, reading: '' },
            deflatedSharpe: { dsr, sharpeAnnualised: 1, expectedMaxSharpeAnnualised: 0.5, trials: 10, skew: 0, kurtosis: 3, observations: 100, reading: '' },
          },
    window: { index: k, inSampleStart: k + 1, inSampleEnd: k + 1, outOfSampleStart: k + 2, outOfSampleEnd: k + 2 },
    params: { fast },
    inSampleObjective: 1,
    outOfSampleObjective: 0.5,
    inSample: { annual_return_pct: inAnnual },
    outOfSample: { annual_return_pct: outAnnual, closed_trades: 1 },
    inSampleCurve: { ts: [k + 1], equity: [inEquity] },
    outOfSampleCurve: { ts: [k + 2], equity: [outEquity] },
  };
}

describe('summarise', () => {
  const s = summarise([outcome(0, 10, 120, 110, 20, 10), outcome(1, 10, 130, 90, 10, 5), outcome(2, 20, 105, 100, -5, 1)], ['fast'], 100, 252);

  it('stitches the out-of-sample runs from the close before the first one', () => {
    expect(s.stitched.ts).toEqual([1, 2, 3, 4]);
    expect(s.stitched.equity.map((e) => Math.round(e * 1e9) / 1e9)).toEqual([100, 110, 99, 99]);
    expect(s.stitchedMetrics.closed_trades).toBe(3);
  });

  it('starts each in-sample curve where the stitched curve stands before it: the initial cash until it has moved', () => {
    expect(s.windows.map((w) => Math.round(w.inSampleCurve.equity[0] * 1e9) / 1e9)).toEqual([120, 130, 115.5]);
    expect(s.windows[2]).toMatchObject({ index: 2, inSampleStart: 3, outOfSampleEnd: 4, params: { fast: 20 } });
  });

  it('averages the efficiency over windows with an in-sample gain, and counts the choices', () => {
    expect(s.efficiency).toBeCloseTo((0.5 + 0.5) / 2, 12);
    expect(s.stability).toEqual([{ name: 'fast', mostChosen: 10, share: 2 / 3, distinct: 2, min: 10, max: 20 }]);
  });

  it('averages the windows\' PBO and deflated Sharpe over the windows that have them, with a reading', () => {
    const o = summarise([outcome(0, 10, 120, 110, 20, 10, 0.2, 0.9), outcome(1, 10, 130, 90, 10, 5), outcome(2, 20, 105, 100, -5, 1, 0.6, null)], ['fast'], 100, 252).overfitting;
    expect(o.meanPbo).toBeCloseTo(0.4, 12);
    expect(o.meanDsr).toBe(0.9);
    expect(o.reading).toMatch(/^Mean over windows: PBO 0\.40: /);
    expect(s.overfitting).toEqual({ meanPbo: null, meanDsr: null, reading: 'No window has enough combinations and sessions for a PBO.' });
  });

  it('without windows has an empty curve and no metrics', () => {
    expect(summarise([], ['fast'], 100, 252)).toMatchObject({ windows: [], stitched: { ts: [], equity: [] }, stitchedMetrics: {}, efficiency: null });
  });
});
