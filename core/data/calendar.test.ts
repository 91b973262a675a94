import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BarSeries } from './BarSeries';
import { mergeCalendars, sliceSeries } from './calendar';

function series(symbol: string, stamps: readonly number[], withAdj = false): BarSeries {
  const ts = Float64Array.from(stamps);
  const price = Float64Array.from(stamps, (_, i) => 100 + i);
  return {
    symbol,
    barSeconds: 86_400,
    length: ts.length,
    ts,
    open: price,
    high: price,
    low: price,
    close: price,
    volume: Float64Array.from(stamps, (_, i) => i),
    ...(withAdj ? { adjClose: Float64Array.from(stamps, (_, i) => 50 + i) } : {}),
  };
}

const ascendingStamps = fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

describe('mergeCalendars', () => {
  it('is the sorted unique union of every series timestamps', () => {
    fc.assert(
      fc.property(fc.array(ascendingStamps, { maxLength: 9 }), (stampLists) => {
        const merged = mergeCalendars(stampLists.map((s, i) => series(`S${i}`, s)));
        const expected = [...new Set(stampLists.flat())].sort((a, b) => a - b);
        expect(Array.from(merged)).toEqual(expected);
      }),
    );
  });

  it('returns a copy when every series shares one ts array', () => {
    const shared = series('A', [1, 2, 3]);
    const merged = mergeCalendars([shared, { ...shared, symbol: 'B' }]);
    expect(Array.from(merged)).toEqual([1, 2, 3]);
    expect(merged).not.toBe(shared.ts);
  });

  it('is empty for no series', () => {
    expect(mergeCalendars([]).length).toBe(0);
  });
});

describe('sliceSeries', () => {
  const s = series('A', [10, 20, 30, 40, 50], true);

  it('keeps bars within the inclusive range as views of the same buffers', () => {
    const cut = sliceSeries(s, 20, 40);
    expect(Array.from(cut.ts)).toEqual([20, 30, 40]);
    expect(Array.from(cut.close)).toEqual([101, 102, 103]);
    expect(Array.from(cut.adjClose ?? [])).toEqual([51, 52, 53]);
    expect(cut.length).toBe(3);
    expect(cut.close.buffer).toBe(s.close.buffer);
    expect(cut.symbol).toBe('A');
  });

  it('handles bounds between stamps, beyond the ends and inverted ranges', () => {
    expect(Array.from(sliceSeries(s, 15, 35).ts)).toEqual([20, 30]);
    expect(Array.from(sliceSeries(s, -Infinity, Infinity).ts)).toEqual([10, 20, 30, 40, 50]);
    expect(sliceSeries(s, 41, 49).length).toBe(0);
    expect(sliceSeries(s, 40, 20).length).toBe(0);
    expect(sliceSeries(series('B', [1, 2]), 0, 5).adjClose).toBeUndefined();
  });

  it('matches a filter of the stamps for any range', () => {
    fc.assert(
      fc.property(ascendingStamps, fc.integer({ min: -10, max: 510 }), fc.integer({ min: -10, max: 510 }), (stamps, from, to) => {
        const cut = sliceSeries(series('X', stamps), from, to);
        expect(Array.from(cut.ts)).toEqual(stamps.filter((t) => t >= from && t <= to));
        expect(cut.length).toBe(cut.ts.length);
      }),
    );
  });

  it('rejects NaN bounds naming the series', () => {
    expect(() => sliceSeries(s, Number.NaN, 5)).toThrow(/sliceSeries\(A\)/);
  });
});
