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

  it('trades a symbol only on its own cross: the others keep the weight they hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 60, maxLength: 60 }), { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        (paths, longShort) => {
          const data = Object.fromEntries(paths.map((p, i) => [`S${i}`, dailyBars('2020-01-01', p)]));
          const symbols = Object.keys(data);
          const mode = longShort ? 'long_short' : 'long_only';
          const fn = smaCross.create({ fast: 2, slow: 5, mode, weight: 1 }, ctx(symbols));
          const alone = symbols.map((s) => smaCross.create({ fast: 2, slow: 5, mode, weight: 1 }, ctx([s])));
          // Targets are filled at the decision close, exactly: a held symbol keeps its quantity only if its weight is kept.
          let cash = 1000;
          let bust = false;
          const qty = new Map<string, number>();
          sessionsOf(data).forEach((asOf, i) => {
            const view = testView(data, asOf, i);
            const value = (s: string) => (qty.get(s) ?? 0) * view.close(s, 0);
            const equity = symbols.reduce((e, s) => e + value(s), cash);
            // A short can lose more than the equity; weights of a bust portfolio mean nothing.
            bust ||= equity <= 0;
            if (bust) return;
            const got = fn(asOf, view, { cash, equity, positions: new Map(qty) });
            const ownSignal = new Set(symbols.filter((s, k) => alone[k](asOf, testView({ [s]: data[s] }, asOf, i), EMPTY_PORTFOLIO) !== null));
            if (!got) {
              expect(ownSignal.size).toBe(0);
              return;
            }
            for (const s of symbols) {
              const next = ((got.values.get(s) ?? 0) * equity) / view.close(s, 0);
              if (!ownSignal.has(s)) expect(next).toBeCloseTo(qty.get(s) ?? 0, 9);
              cash -= (next - (qty.get(s) ?? 0)) * view.close(s, 0);
              qty.set(s, next);
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps the weight a symbol holds on another symbol's cross, and targets it afresh when it is not held as it should be", () => {
    const later = [20, 20, 20, 20, 20, 20, 20, 19, 25, 25];
    const data = { A: dailyBars('2024-01-01', PATH), B: dailyBars('2024-01-01', later) };
    const sessions = sessionsOf(data);
    // A crosses up on bar 7; B crosses up on bar 8 (SMA2 22 > SMA4 21) while A is still long.
    const onBCross = (positions: Map<string, number>, equity: number) => {
      const fn = smaCross.create({ fast: 2, slow: 4, mode: 'long_only', weight: 1 }, ctx(['A', 'B']));
      const before = { cash: 1000, equity: 1000, positions: new Map<string, number>() };
      const decided = sessions.slice(0, 9).map((ts, i) => plain(fn(ts, testView(data, ts, i), i < 8 ? before : { cash: 0, equity, positions })));
      expect(decided.slice(0, 8).filter((d) => d !== null)).toEqual([{ kind: 'weight', values: { A: 0.5 } }]);
      return decided[8];
    };
    // 40 A at bar 8's close of 8, in 1000 of equity: A keeps 0.32, B gets its share.
    expect(onBCross(new Map([['A', 40]]), 1000)).toEqual({ kind: 'weight', values: { A: 0.32, B: 0.5 } });
    // A's buy never filled, or it is held on the wrong side, or there is no equity to weigh it against: its full share again.
    expect(onBCross(new Map(), 1000)).toEqual({ kind: 'weight', values: { A: 0.5, B: 0.5 } });
    expect(onBCross(new Map([['A', -40]]), 1000)).toEqual({ kind: 'weight', values: { A: 0.5, B: 0.5 } });
    expect(onBCross(new Map([['A', 40]]), 0)).toEqual({ kind: 'weight', values: { A: 0.5, B: 0.5 } });
  });
});
