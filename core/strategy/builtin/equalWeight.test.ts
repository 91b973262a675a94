import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsOn, dailyBars, runSessions } from '../testView';
import { isoWeekKey, monthKey } from './calendar';
import { equalWeight } from './equalWeight';

// Wed..Fri, Mon (B missing), Tue, the next Tue, Wed 31st, Thu Feb 1st, then an ISO week spanning New Year.
const DATES = ['2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-16', '2024-01-31',
  '2024-02-01', '2024-12-30', '2025-01-02'];
const B_DATES = DATES.filter((d) => d !== '2024-01-08');
const data = { A: barsOn(DATES, DATES.map(() => 10)), B: barsOn(B_DATES, B_DATES.map(() => 20)) };

function decidedOn(rebalance: 'daily' | 'weekly' | 'monthly') {
  const fn = equalWeight.create(equalWeight.params.parse({ rebalance }), { symbols: ['A', 'B'], baseDir: '.' });
  return runSessions(fn, data)
    .filter((s) => s.targets)
    .map((s) => [new Date(s.asOf).toISOString().slice(0, 10), Object.fromEntries(s.targets!.values)]);
}

describe('equal-weight', () => {
  it('rebalances on the first session of each ISO week, over the symbols trading that session', () => {
    expect(decidedOn('weekly')).toEqual([
      ['2024-01-03', { A: 0.5, B: 0.5 }],
      ['2024-01-08', { A: 1 }],
      ['2024-01-16', { A: 0.5, B: 0.5 }],
      ['2024-01-31', { A: 0.5, B: 0.5 }],
      ['2024-12-30', { A: 0.5, B: 0.5 }],
    ]);
  });

  it('rebalances on the first session of each month', () => {
    expect(decidedOn('monthly').map((d) => d[0])).toEqual(['2024-01-03', '2024-02-01', '2024-12-30', '2025-01-02']);
  });

  it('rebalances every session when daily', () => {
    expect(decidedOn('daily')).toHaveLength(DATES.length);
  });

  it('rebalances once per trading day, at its first bar, when daily on intraday bars', () => {
    const stamps = ['2024-01-03T09:31', '2024-01-03T09:32', '2024-01-03T16:00', '2024-01-04T09:31', '2024-01-04T09:32'];
    const minutes = stamps.map((s) => ({ ts: Date.parse(`${s}:00Z`), close: 10 }));
    const fn = equalWeight.create(equalWeight.params.parse({ rebalance: 'daily' }), { symbols: ['A'], baseDir: '.' });
    const decided = runSessions(fn, { A: minutes }).filter((s) => s.targets).map((s) => new Date(s.asOf).toISOString());
    expect(decided).toEqual(['2024-01-03T09:31:00.000Z', '2024-01-04T09:31:00.000Z']);
  });

  it('decides only on the first session of each calendar period, whatever the prices do', () => {
    const keyOf = { weekly: isoWeekKey, monthly: monthKey } as const;
    fc.assert(
      fc.property(fc.constantFrom('weekly', 'monthly' as const), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 120, maxLength: 120 }), (rebalance, closes) => {
        const fn = equalWeight.create(equalWeight.params.parse({ rebalance }), { symbols: ['A', 'B'], baseDir: '.' });
        const series = { A: dailyBars('2024-01-01', closes), B: dailyBars('2024-01-01', closes.map((c) => 101 - c)) };
        let last: number | null = null;
        for (const { asOf, targets } of runSessions(fn, series)) {
          const key = keyOf[rebalance](asOf);
          expect(targets === null ? null : Object.fromEntries(targets.values)).toEqual(key === last ? null : { A: 0.5, B: 0.5 });
          last = key;
        }
      }),
      { numRuns: 20 },
    );
  });
});
