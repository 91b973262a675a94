import { describe, expect, it } from 'vitest';
import { levelBefore, scaleCurve, stitchCurves } from './stitch';

describe('stitchCurves', () => {
  it('compounds each run on from where the previous ended, opening at the initial cash', () => {
    // Run 1: +10 % then -10 % on 100; run 2: +50 % on 100, and its first session already -20 %.
    const a = { ts: [10, 11], equity: [110, 99] };
    const b = { ts: [12, 13], equity: [80, 150] };
    const c = stitchCurves([a, b], 100, 9);
    expect(c.ts).toEqual([9, 10, 11, 12, 13]);
    expect(c.equity.map((e) => Math.round(e * 1e9) / 1e9)).toEqual([100, 110, 99, 79.2, 148.5]);
  });

  it('keeps a gap between runs (a step longer than the out-of-sample) without inventing points, and skips empty runs', () => {
    const c = stitchCurves([{ ts: [5], equity: [200] }, { ts: [], equity: [] }, { ts: [20], equity: [50] }], 100, 1);
    expect(c).toEqual({ ts: [1, 5, 20], equity: [100, 200, 100] });
  });

  it('with no run is its opening point alone', () => {
    expect(stitchCurves([], 1000, 7)).toEqual({ ts: [7], equity: [1000] });
  });

  it('refuses runs that overlap in time', () => {
    expect(() => stitchCurves([{ ts: [5, 6], equity: [1, 1] }, { ts: [6, 7], equity: [1, 1] }], 1, 0)).toThrow(/overlaps/);
  });
});

describe('levelBefore and scaleCurve', () => {
  const curve = { ts: [10, 20, 30], equity: [100, 120, 90] };

  it('reads the curve at its last point before a time, or the given level before it starts', () => {
    expect([levelBefore(curve, 5, 100), levelBefore(curve, 10, 100), levelBefore(curve, 25, 100), levelBefore(curve, 99, 100)]).toEqual([100, 100, 120, 90]);
  });

  it('rescales a run to have started from another level', () => {
    expect(scaleCurve({ ts: Float64Array.from([1, 2]), equity: Float64Array.from([100, 110]) }, 100, 50)).toEqual({ ts: [1, 2], equity: [50, 55] });
  });
});
