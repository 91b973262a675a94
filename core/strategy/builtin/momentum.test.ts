import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsOn, dailyBars, plain, runSessions } from '../testView';
import { monthKey } from './calendar';
import { momentum } from './momentum';

const DATES = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02', '2024-03-01'];

describe('momentum', () => {
  it('ranks by trailing return on the first session of each month only, holding the top N equally', () => {
    const data = {
      A: barsOn(DATES, [10, 10, 10, 11, 12, 5]), // Feb 1: 11/10-1 = +10%
      B: barsOn(DATES, [10, 10, 10, 13, 13, 13]), // +30%
      C: barsOn(DATES, [10, 10, 10, 9, 9, 30]), // -10%
      D: barsOn(DATES.slice(2), [10, 50, 50, 50]), // only 2 bars on Feb 1: too short for lookback 2
    };
    const fn = momentum.create(momentum.params.parse({ lookback: 2, top: 2 }), {
      symbols: ['A', 'B', 'C', 'D'],
      baseDir: '.',
    });
    const out = runSessions(fn, data).map((s) => plain(s.targets));
    expect(out).toEqual([
      { kind: 'weight', values: {} }, // first call is a new month, but nobody has 3 bars yet
      null,
      null,
      { kind: 'weight', values: { B: 0.5, A: 0.5 } },
      null,
      // Mar 1 against Feb 1 (2 bars back): C +233%, B 0%, D 0%, A -55%; the B/D tie keeps universe order
      { kind: 'weight', values: { C: 0.5, B: 0.5 } },
    ]);
  });

  it('fixes rebalance to monthly', () => {
    expect(momentum.params.parse({})).toEqual({ lookback: 126, top: 10, rebalance: 'monthly', weight: 1 });
    expect(momentum.params.safeParse({ rebalance: 'weekly' }).success).toBe(false);
  });

  it('decides only on the first session of a month, whatever the prices do', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 200, maxLength: 200 }), { minLength: 1, maxLength: 4 }), (paths) => {
        const data = Object.fromEntries(paths.map((p, i) => [`S${i}`, dailyBars('2023-12-20', p)]));
        const fn = momentum.create(momentum.params.parse({ lookback: 5, top: 2 }), { symbols: Object.keys(data), baseDir: '.' });
        let lastMonth: number | null = null;
        for (const { asOf, targets } of runSessions(fn, data)) {
          const firstOfMonth = monthKey(asOf) !== lastMonth;
          lastMonth = monthKey(asOf);
          expect(targets !== null).toBe(firstOfMonth);
        }
      }),
      { numRuns: 30 },
    );
  });
});
