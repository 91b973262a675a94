import { describe, expect, it } from 'vitest';
import type { Bar } from './BarSeries';
import { streamedBuckets } from './streamedBuckets';

const MIN = 60_000;
const t0 = Date.UTC(2024, 2, 4, 14, 30);
const bar = (minute: number, open: number, high: number, low: number, close: number, volume = 10): Bar => ({ ts: t0 + minute * MIN, open, high, low, close, volume });

describe('streamedBuckets', () => {
  it('folds start-stamped bars into epoch-aligned buckets stamped at their start', () => {
    const out = streamedBuckets([bar(0, 10, 11, 9, 10.5), bar(1, 10.5, 12, 10, 11), bar(4, 11, 11.5, 10.8, 11.2), bar(5, 11.2, 13, 11, 12.5, 7)], 300, t0 + 10 * MIN);
    expect(out).toEqual([
      { ts: t0, open: 10, high: 12, low: 9, close: 11.2, volume: 30 },
      { ts: t0 + 5 * MIN, open: 11.2, high: 13, low: 11, close: 12.5, volume: 7 },
    ]);
  });

  it('leaves out the bucket still forming, which the live stream gives out once complete', () => {
    const bars = [bar(0, 10, 11, 9, 10), bar(5, 10, 10, 10, 10), bar(6, 10, 10, 10, 10)];
    expect(streamedBuckets(bars, 300, t0 + 9 * MIN).map((b) => b.ts)).toEqual([t0]);
    expect(streamedBuckets(bars, 300, t0 + 10 * MIN).map((b) => b.ts)).toEqual([t0, t0 + 5 * MIN]);
  });

  it('refuses bars out of order, naming them', () => {
    expect(() => streamedBuckets([bar(5, 1, 1, 1, 1), bar(0, 1, 1, 1, 1)], 60, t0 + 60 * MIN)).toThrow(/out of order: 2024-03-04T14:30:00.000Z after 2024-03-04T14:35:00.000Z/);
  });
});
