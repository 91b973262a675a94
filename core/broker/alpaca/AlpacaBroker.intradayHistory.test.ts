import { afterEach, describe, expect, it } from 'vitest';
import { barAt, type Bar, type BarSeries } from '../../data/BarSeries';
import { seriesFromBars } from '../../data/seriesFromBars';
import { alpacaTimeframe } from './alpacaHistory';
import { startAlpacaRig, type AlpacaRig } from './testing/alpacaRig';

const MIN = 60_000;
/** Two days of one-minute bars, 13:00 to 15:59 UTC, a week apart (so the download walks back a window). */
const DAYS = [Date.UTC(2024, 2, 4, 13), Date.UTC(2024, 2, 12, 13)];
const PER_DAY = 180;
const minutes: Bar[] = Array.from({ length: 2 * PER_DAY }, (_, i) => {
  const open = 100 + (i % 50);
  return { ts: DAYS[Math.floor(i / PER_DAY)] + (i % PER_DAY) * MIN, open, high: open + 2 + (i % 3), low: open - 1 - (i % 2), close: open + 1, volume: 100 + i };
});
const day2 = (hour: number, minute: number) => Date.UTC(2024, 2, 12, hour, minute);
/** The replay's index of day 2's bar at 14:mm. */
const day2At14 = (minute: number) => PER_DAY + 60 + minute;

let rig: AlpacaRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** A connected adapter on a fake Alpaca replaying the minute bars, its current bar day 2's 14:mm. */
async function startAt(minute: number): Promise<AlpacaRig> {
  const r = await startAlpacaRig({ fake: { series: [seriesFromBars('AAA', minutes, 60)], startBar: day2At14(minute) }, connect: false });
  await r.broker.connect(r.target());
  return r;
}

const barsOf = (s: BarSeries): Bar[] => Array.from({ length: s.length }, (_, i) => barAt(s, i));

describe('AlpacaBroker intraday history', () => {
  it('folds minute bars into the session size, stamped at their start, without the bucket still forming', async () => {
    rig = await startAt(32);
    const five = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 300, bars: 20 });
    expect(five.barSeconds).toBe(300);
    // Day 2's 14:30 bucket has 14:30 to 14:32 so far: left out. The last 20 reach back into day 1.
    expect(Array.from(five.ts)).toEqual([
      Date.UTC(2024, 2, 4, 15, 50),
      Date.UTC(2024, 2, 4, 15, 55),
      ...Array.from({ length: 18 }, (_, k) => day2(13, 0) + k * 5 * MIN),
    ]);

    rig.fake.step(2);
    const done = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 300, bars: 3 });
    expect(Array.from(done.ts)).toEqual([day2(14, 20), day2(14, 25), day2(14, 30)]);
    // The minutes 14:30 to 14:34: opens 120..124, highs up to 127, lows down to 119, volumes 370..374.
    expect(barAt(done, 2)).toEqual({ ts: day2(14, 30), open: 120, high: 127, low: 119, close: 125, volume: 1860 });

    const all = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 300, bars: 1000 });
    expect(all.length).toBe(36 + 19);
    expect(all.ts[0]).toBe(DAYS[0]);
  });

  it('folds Alpaca bars coarser than a minute into a size no Alpaca timeframe has (90 minutes from 45)', async () => {
    rig = await startAt(34);
    const s = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 5400, bars: 3 });
    const d1 = (hour: number, minute: number) => Date.UTC(2024, 2, 4, hour, minute);
    // Epoch-aligned 90-minute buckets: day 2's 13:30 is still forming; its 12:00 holds the day's first half hour.
    expect(Array.from(s.ts)).toEqual([d1(13, 30), d1(15, 0), day2(12, 0)]);
    const inside = minutes.filter((b) => b.ts >= d1(13, 30) && b.ts < d1(15, 0));
    expect(barsOf(s)[0]).toEqual({
      ts: d1(13, 30),
      open: inside[0].open,
      high: Math.max(...inside.map((b) => b.high)),
      low: Math.min(...inside.map((b) => b.low)),
      close: inside[inside.length - 1].close,
      volume: inside.reduce((v, b) => v + b.volume, 0),
    });
  });

  it('refuses sizes Alpaca cannot build and bad counts, naming them, and downloads only when connected', async () => {
    rig = await startAlpacaRig({ connect: false });
    await expect(rig.broker.downloadIntradayHistory('AAA', { barSeconds: 300, bars: 10 })).rejects.toThrow('not connected to Alpaca');
    await rig.broker.connect(rig.target());
    const refused = (barSeconds: number, bars = 10) => expect(rig?.broker.downloadIntradayHistory('AAA', { barSeconds, bars })).rejects;
    await refused(30).toThrow('Alpaca cannot build 30 s bars: its bars are whole minutes, at least one');
    await refused(90).toThrow('Alpaca cannot build 90 s bars');
    await refused(7).toThrow(/divides it, got 7 s/);
    await refused(86_400).toThrow(/under a day .*got 86400 s/);
    await refused(0).toThrow(/got 0 s/);
    await refused(300, 0).toThrow('bars must be a positive integer, got 0');
    await refused(300, 2.5).toThrow('bars must be a positive integer, got 2.5');
  });
});

describe('alpacaTimeframe', () => {
  it('is the largest Alpaca timeframe dividing the size', () => {
    const tf = (s: number) => alpacaTimeframe(s)?.timeframe ?? null;
    expect([60, 300, 3600, 5400, 7200, 43_200].map(tf)).toEqual(['1Min', '5Min', '1Hour', '45Min', '2Hour', '12Hour']);
    expect([30, 90].map(tf)).toEqual([null, null]);
  });
});
