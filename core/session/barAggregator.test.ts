import { describe, expect, it } from 'vitest';
import type { Bar } from '../data/BarSeries';
import type { StreamBar } from '../domain/streamBar';
import { BarAggregator } from './barAggregator';

const five = (time: number, close: number, volume = 10): StreamBar => ({ time, seconds: 5, open: close, high: close + 1, low: close - 1, close, volume });

describe('BarAggregator', () => {
  it('forms one-minute bars from 5-second bars, each given out when its last slice arrives', () => {
    const out: Bar[] = [];
    const agg = new BarAggregator(60, null, (b) => out.push(b));
    const t0 = Date.UTC(2024, 0, 2, 14, 30);
    for (let k = 0; k < 12; k++) agg.push(five(t0 + k * 5000, 100 + k));
    expect(out).toEqual([{ ts: t0, open: 100, high: 112, low: 99, close: 111, volume: 120 }]);
  });

  it('closes a bucket early when the stream skips to a later one', () => {
    const out: Bar[] = [];
    const agg = new BarAggregator(60, null, (b) => out.push(b));
    const t0 = Date.UTC(2024, 0, 2, 14, 30);
    agg.push(five(t0, 100));
    agg.push(five(t0 + 120_000, 103));
    expect(out).toEqual([{ ts: t0, open: 100, high: 101, low: 99, close: 100, volume: 10 }]);
  });

  it('gives out the exchange day so far at the decision time, stamped 00:00 UTC of its date, and ignores the rest of the day', () => {
    const out: Bar[] = [];
    const agg = new BarAggregator(86_400, { hour: 15, minute: 50, timeZone: 'America/New_York' }, (b) => out.push(b));
    // 2024-07-01: New York is UTC-4, so 15:50 there is 19:50 UTC.
    agg.push(five(Date.UTC(2024, 6, 1, 13, 30), 100));
    agg.push(five(Date.UTC(2024, 6, 1, 19, 49, 50), 104));
    expect(out).toEqual([]);
    agg.push(five(Date.UTC(2024, 6, 1, 19, 49, 55), 105));
    agg.push(five(Date.UTC(2024, 6, 1, 19, 55), 150));
    expect(out).toEqual([{ ts: Date.UTC(2024, 6, 1), open: 100, high: 106, low: 99, close: 105, volume: 30 }]);
  });

  it('takes a day whose first bar comes after the decision time at once (a late start, or a replay of whole bars)', () => {
    const out: Bar[] = [];
    const agg = new BarAggregator(86_400, { hour: 15, minute: 50, timeZone: 'America/New_York' }, (b) => out.push(b));
    agg.push(five(Date.UTC(2024, 6, 1, 23, 59, 55), 100));
    agg.push(five(Date.UTC(2024, 6, 2, 23, 59, 55), 101));
    expect(out.map((b) => b.ts)).toEqual([Date.UTC(2024, 6, 1), Date.UTC(2024, 6, 2)]);
  });

  it('refuses bar sizes it cannot form', () => {
    expect(() => new BarAggregator(86_400, null, () => {})).toThrow('daily bars need a decision time');
    expect(() => new BarAggregator(7 * 86_400, null, () => {})).toThrow('longer than a day');
  });
});
