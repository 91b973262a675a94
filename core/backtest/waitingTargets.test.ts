import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { seriesFromBars } from '../data/seriesFromBars';
import type { StrategyFn, Targets } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

const DAY = 86_400_000;
const T0 = Date.parse('2021-01-04T00:00:00Z');
const SESSIONS = 20;

function bars(days: readonly number[], price: number) {
  return days.map((d) => ({ ts: T0 + d * DAY, open: price, high: price * 1.01, low: price * 0.99, close: price, volume: 1e9 }));
}

/** Sets `first` at session `at` and, when given, `second` at session `replaceAt`. */
function scripted(at: number, first: Targets, replaceAt?: number, second?: Targets): StrategyFn {
  let session = -1;
  return () => {
    session++;
    if (session === at) return first;
    if (session === replaceAt && second) return second;
    return null;
  };
}

const half: Targets = { kind: 'weight', values: new Map([['A', 0.5], ['B', 0.5]]) };
const timing = fc.constantFrom(
  { fill_timing: 'next_open', size_at: 'execution' },
  { fill_timing: 'same_close', size_at: 'execution' },
  { fill_timing: 'next_open', size_at: 'decision' },
) as fc.Arbitrary<{ fill_timing: string; size_at: string }>;

function run(missing: ReadonlySet<number>, at: number, t: { fill_timing: string; size_at: string }, replaceAt?: number) {
  const all = Array.from({ length: SESSIONS }, (_, d) => d);
  const series = [seriesFromBars('A', bars(all, 20)), seriesFromBars('B', bars(all.filter((d) => !missing.has(d)), 50))];
  const sink = new MemorySink();
  const res = runBacktest({
    series,
    strategy: scripted(at, half, replaceAt, { kind: 'weight', values: new Map([['A', 1]]) }),
    initialCash: 100_000,
    seed: 1,
    sim: simulatorSchema.parse({ fill_timing: t.fill_timing, account: { type: 'cash' } }),
    planner: plannerSchema.parse({ size_at: t.size_at }),
    strict: true,
    sink,
  });
  expect(res.status).toBe('completed');
  return sink;
}

describe('targets never vanish (property)', () => {
  it('a target for an instrument with no bar keeps working until it trades, then fills at that bar', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SESSIONS - 3 }), { maxLength: 8 }), fc.integer({ min: 0, max: 5 }), timing, (gaps, at, t) => {
        const missing = new Set(gaps);
        const sink = run(missing, at, t);
        // Where the order can first trade: the decision bar itself for same_close, else the next session.
        const from = t.fill_timing === 'same_close' ? at : at + 1;
        let firstBar = from;
        while (missing.has(firstBar)) firstBar++;
        const bFills = sink.fills.filter((f) => f.instrument === 'B');
        expect(bFills.map((f) => f.timestamp)).toEqual([T0 + firstBar * DAY]);
        expect(bFills[0].quantity).toBeGreaterThan(900);
        const waited = sink.actions.filter((a) => a.instrument === 'B').map((a) => a.action);
        // size_at: decision sizes at B's last close and its order waits in the broker; the others wait for a bar to size at.
        const waits = t.size_at === 'execution' && missing.has(from);
        expect(waited).toEqual(waits ? ['TARGET_WAITING', 'TARGET_PLACED'] : []);
      }),
      { numRuns: 150 },
    );
  });

  it('a holding the new targets drop is closed at the first bar it has', () => {
    // Half in each from session 1; at session 4 all-in A, but B has no bar on sessions 5 and 6.
    const sink = run(new Set([5, 6]), 0, { fill_timing: 'next_open', size_at: 'execution' }, 4);
    const bSells = sink.fills.filter((f) => f.instrument === 'B' && f.side === 'SELL');
    expect(bSells.map((f) => f.timestamp)).toEqual([T0 + 7 * DAY]);
    expect(sink.actions.filter((a) => a.instrument === 'B').map((a) => [a.action, a.detail.target])).toEqual([
      ['TARGET_WAITING', 0],
      ['TARGET_PLACED', 0],
    ]);
  });

  it('a newer target portfolio cancels a target still waiting, and says so', () => {
    // B has no bar on sessions 3 to 6; the target set at session 2 waits, session 4 replaces it with all-in A.
    const sink = run(new Set([3, 4, 5, 6]), 2, { fill_timing: 'next_open', size_at: 'execution' }, 4);
    expect(sink.fills.filter((f) => f.instrument === 'B')).toEqual([]);
    expect(sink.actions.filter((a) => a.instrument === 'B').map((a) => [a.action, a.detail.reason])).toEqual([
      ['TARGET_WAITING', 'no bar this session'],
      ['TARGET_CANCELLED', 'replaced by a newer target'],
    ]);
  });
});
