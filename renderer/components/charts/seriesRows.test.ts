import { describe, expect, it } from 'vitest';
import { equityPoints, pointAt, pricePoints, splitMarkers, thinMarkers } from './seriesRows';

describe('series rows', () => {
  it('zips the equity arrays point by point, keeping a missing benchmark as null', () => {
    const points = equityPoints({ ts: [1, 2], equity: [100, 90], benchmark: [100, null], drawdownPct: [0, -10] });
    expect(points).toEqual([
      { t: 1, equity: 100, benchmark: 100, drawdownPct: 0 },
      { t: 2, equity: 90, benchmark: null, drawdownPct: -10 },
    ]);
  });

  it('zips prices', () => {
    expect(pricePoints({ ts: [5, 6], close: [10.5, 11] })).toEqual([
      { t: 5, close: 10.5 },
      { t: 6, close: 11 },
    ]);
  });

  it('splits fills into buys and sells', () => {
    const { buys, sells } = splitMarkers([
      { ts: 1, side: 'BUY', price: 10, quantity: 5 },
      { ts: 2, side: 'SELL', price: 12, quantity: 5 },
      { ts: 3, side: 'BUY', price: 11, quantity: 2 },
    ]);
    expect(buys.map((b) => b.t)).toEqual([1, 3]);
    expect(sells).toEqual([{ t: 2, price: 12, quantity: 5, count: 1 }]);
  });

  it('reads the clicked point from recharts’ active index in either form', () => {
    const pts = [{ t: 10 }, { t: 20 }];
    expect(pointAt(pts, 1)).toEqual({ t: 20 });
    expect(pointAt(pts, '0')).toEqual({ t: 10 });
    expect(pointAt(pts, 2)).toBeNull();
    expect(pointAt(pts, undefined)).toBeNull();
    expect(pointAt(pts, '1.5')).toBeNull();
  });
});

describe('thinMarkers', () => {
  const daily = Array.from({ length: 1000 }, (_, i) => ({ t: i, price: 10 + (i % 2), quantity: 1, count: 1 }));

  it('keeps at most one mark per bucket and accounts for every fill', () => {
    const thin = thinMarkers(daily, [0, 999], 100);
    expect(thin.length).toBeLessThanOrEqual(100);
    expect(thin.reduce((s, m) => s + m.count, 0)).toBe(1000);
    expect(thin.reduce((s, m) => s + m.quantity, 0)).toBe(1000);
  });

  it('prices a bucket at its volume-weighted price and dates it by its first fill', () => {
    const thin = thinMarkers(
      [
        { t: 0, price: 10, quantity: 1, count: 1 },
        { t: 1, price: 20, quantity: 3, count: 1 },
        { t: 50, price: 5, quantity: 2, count: 1 },
      ],
      [0, 100],
      2,
    );
    expect(thin).toEqual([
      { t: 0, price: 17.5, quantity: 4, count: 2 },
      { t: 50, price: 5, quantity: 2, count: 1 },
    ]);
  });

  it('leaves a sparse list alone', () => {
    expect(thinMarkers(daily.slice(0, 10), [0, 999], 100)).toEqual(daily.slice(0, 10));
  });
});
