import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Targets } from '../types';
import { EMPTY_PORTFOLIO, dailyBars, plain, runSessions, sessionsOf, testView, type TestBar } from '../testView';
import { smaCross, type SmaCrossParams } from './smaCross';

const ctx = (symbols: string[]) => ({ symbols, baseDir: '.' });

// fast=2, slow=4. SMA2 vs SMA4 by bar:
// 3: 10.5<11.5 | 4: 9.5<10.5 | 5: 9.5<10 | 6: 9.5=9.5 (equality: no cross) | 7: 10.5>10 (cross up)
// 8: 10>9.75 | 9: 7<8.75 (cross down)
const PATH = [13, 12, 11, 10, 9, 10, 9, 12, 8, 6];

function decisions(params: Partial<SmaCrossParams>, data: Record<string, TestBar[]>) {
  const fn = smaCross.create(smaCross.params.parse(params), ctx(Object.keys(data)));
  return runSessions(fn, data).map((s) => plain(s.targets));
}

describe('sma-cross', () => {
  it('goes long on the bar after the equality bar, not on it, and flat on the cross down (long_only)', () => {
    const out = decisions({ fast: 2, slow: 4 }, { A: dailyBars('2024-01-01', PATH) });
    const expected = PATH.map(() => null as ReturnType<typeof plain>);
    expected[7] = { kind: 'weight', values: { A: 1 } };
    expected[9] = { kind: 'weight', values: {} };
    expect(out).toEqual(expected);
  });

  it('flips to short on the cross down in long_short, splitting the weight across symbols', () => {
    const falling = PATH.map((_, i) => 100 - i);
    const out = decisions(
      { fast: 2, slow: 4, mode: 'long_short', weight: 2 },
      { A: dailyBars('2024-01-01', PATH), B: dailyBars('2024-01-01', falling) },
    );
    expect(out[6]).toBeNull();
    expect(out[7]).toEqual({ kind: 'weight', values: { A: 1 } });
    expect(out[9]).toEqual({ kind: 'weight', values: { A: -1 } });
    expect(out.filter((o) => o !== null)).toHaveLength(2);
  });

  it('rejects fast >= slow with a clear message', () => {
    const res = smaCross.params.safeParse({ fast: 20, slow: 20 });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0].message).toMatch(/fast must be less than slow/);
    expect(smaCross.params.parse({})).toEqual({ fast: 10, slow: 20, mode: 'long_only', weight: 1 });
  });

  it('matches a naive recomputation on random paths, even when some sessions are skipped', () => {
    const sma = (h: number[], end: number, n: number) => h.slice(end - n, end).reduce((a, b) => a + b, 0) / n;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 1100, size: 'max' }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1100, maxLength: 1100 }),
        (closes, fast, extra, longShort, skip) => {
          const slow = fast + extra;
          const mode = longShort ? 'long_short' : 'long_only';
          const data = { A: dailyBars('2000-01-01', closes) };
          const fn = smaCross.create({ fast, slow, mode, weight: 1 }, ctx(['A']));
          let position = 0;
          sessionsOf(data).forEach((asOf, i) => {
            if (skip[i] && i < closes.length - 1) return;
            const got: Targets | null = fn(asOf, testView(data, asOf, i), EMPTY_PORTFOLIO);
            let next = position;
            const n = i + 1;
            if (n >= slow + 1) {
              const prev = Math.sign(sma(closes, n - 1, fast) - sma(closes, n - 1, slow));
              const now = Math.sign(sma(closes, n, fast) - sma(closes, n, slow));
              if (prev <= 0 && now > 0) next = 1;
              else if (prev >= 0 && now < 0) next = longShort ? -1 : 0;
            }
            if (next === position) expect(got).toBeNull();
            else expect(got?.values.get('A') ?? 0).toBe(next);
            position = next;
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
