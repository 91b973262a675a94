import { describe, expect, it } from 'vitest';
import type { Bar } from '../data/BarSeries';
import { BarSets, type Timers } from './barSets';

const bar = (ts: number, close: number): Bar => ({ ts, open: close, high: close, low: close, close, volume: 1 });

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    set: (fn) => (pending.set(++next, fn), next),
    clear: (h) => pending.delete(h as number),
    fire: () => [...pending.values()].forEach((fn) => fn()),
  };
}

describe('BarSets', () => {
  it('gives a session out once every symbol has its bar, in stamp order', () => {
    const out: [number, string[]][] = [];
    const sets = new BarSets(['A', 'B'], 1000, (ts, bars) => out.push([ts, [...bars.keys()].sort()]), manualTimers());
    sets.add('A', bar(1, 10));
    sets.add('A', bar(2, 11));
    expect(out).toEqual([]);
    sets.add('B', bar(2, 20));
    // Session 2 complete: session 1 (only A) goes out first.
    expect(out).toEqual([
      [1, ['A']],
      [2, ['A', 'B']],
    ]);
  });

  it('gives a session out without a silent symbol after the grace time, and drops the late bar of that symbol', () => {
    const out: number[] = [];
    const timers = manualTimers();
    const sets = new BarSets(['A', 'B'], 1000, (ts) => out.push(ts), timers);
    sets.add('A', bar(5, 10));
    timers.fire();
    expect(out).toEqual([5]);
    sets.add('B', bar(5, 20));
    expect(out).toEqual([5]);
    expect(sets.late).toBe(1);
  });
});
