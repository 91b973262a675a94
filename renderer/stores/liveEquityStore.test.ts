import { describe, expect, it } from 'vitest';
import { appendLive, thinSeries, useLiveEquity } from './liveEquityStore';

describe('live equity', () => {
  it('appends batches in order', () => {
    const a = appendLive(undefined, [1, 2], [10, 11]);
    const b = appendLive(a, [3], [12]);
    expect(b).toEqual({ ts: [1, 2, 3], equity: [10, 11, 12] });
  });

  it('thins a long series but keeps the first and last points', () => {
    const ts = Array.from({ length: 25 }, (_, i) => i);
    const out = appendLive(undefined, ts, ts.map((t) => t * 2), 10);
    expect(out.ts.length).toBeLessThanOrEqual(10);
    expect(out.ts[0]).toBe(0);
    expect(out.ts[out.ts.length - 1]).toBe(24);
    expect(out.equity).toEqual(out.ts.map((t) => t * 2));
    expect([...out.ts].sort((x, y) => x - y)).toEqual(out.ts);
  });

  it('thins to at most the asked number of points, in order, keeping both ends', () => {
    const ts = Array.from({ length: 1001 }, (_, i) => i);
    const out = thinSeries({ ts, equity: ts }, 100);
    expect(out.ts.length).toBeLessThanOrEqual(100);
    expect(out.ts.length).toBeGreaterThan(50);
    expect(out.ts[0]).toBe(0);
    expect(out.ts[out.ts.length - 1]).toBe(1000);
    expect(out.equity).toEqual(out.ts);
    const short = { ts: [1, 2], equity: [3, 4] };
    expect(thinSeries(short, 100)).toBe(short);
  });

  it('seeding keeps only the live points after the recorded ones', () => {
    const { append, seed } = useLiveEquity.getState();
    append('j1', [3, 4, 5], [30, 40, 50]);
    seed('j1', { ts: [1, 2, 3, 4], equity: [10, 20, 30, 40] });
    expect(useLiveEquity.getState().byJob.j1).toEqual({ ts: [1, 2, 3, 4, 5], equity: [10, 20, 30, 40, 50] });
  });

  it('dismissing forgets one job only', () => {
    const { append, dismiss } = useLiveEquity.getState();
    append('keep', [1], [1]);
    append('drop', [1], [1]);
    dismiss('drop');
    expect(Object.keys(useLiveEquity.getState().byJob)).toContain('keep');
    expect(Object.keys(useLiveEquity.getState().byJob)).not.toContain('drop');
  });
});
