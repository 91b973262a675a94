import { afterEach, describe, expect, it } from 'vitest';
import { seriesFromBars } from '../../data/seriesFromBars';
import { startRig, type IbRig } from './testing/ibRig';

let rig: IbRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const MIN = 60_000;
const t0 = Date.UTC(2024, 2, 4, 14, 30);
/** 400 minute bars (start-stamped) of a rising price, with a gap of an hour after the 200th (a halt). */
const minutes = seriesFromBars(
  'AAA',
  Array.from({ length: 400 }, (_, i) => {
    const ts = t0 + (i < 200 ? i : i + 60) * MIN;
    const p = 100 + i / 10;
    return { ts, open: p, high: p + 0.5, low: p - 0.25, close: p + 0.05, volume: 100 + i };
  }),
  60,
);
const LAST = minutes.length - 1;

describe('IbBroker intraday history', () => {
  it('downloads the last bars at the session size, folded from TWS bars as the live stream folds its own', async () => {
    rig = await startRig({ fake: { series: [minutes, { ...minutes, symbol: 'BBB' }], startBar: LAST } });
    const ones = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 60, bars: 50 });
    expect(ones.barSeconds).toBe(60);
    expect([...ones.ts]).toEqual([...minutes.ts.subarray(LAST - 49)]);
    expect([...ones.close]).toEqual([...minutes.close.subarray(LAST - 49)]);

    const fives = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 300, bars: 30 });
    expect(fives.length).toBe(30);
    expect(fives.barSeconds).toBe(300);
    // Every bucket starts on a 5-minute boundary, ascending; the last is the one holding the last minute.
    for (const ts of fives.ts) expect(ts % (5 * MIN)).toBe(0);
    expect(fives.ts.at(-1)).toBe(Math.floor(minutes.ts[LAST] / (5 * MIN)) * 5 * MIN);
    const k = fives.length - 2;
    const inBucket = [...minutes.ts.keys()].filter((i) => minutes.ts[i] >= fives.ts[k] && minutes.ts[i] < fives.ts[k] + 5 * MIN);
    expect(inBucket.length).toBe(5);
    expect([fives.open[k], fives.high[k], fives.low[k], fives.close[k], fives.volume[k]]).toEqual([
      minutes.open[inBucket[0]],
      Math.max(...inBucket.map((i) => minutes.high[i])),
      Math.min(...inBucket.map((i) => minutes.low[i])),
      minutes.close[inBucket[4]],
      inBucket.reduce((s, i) => s + minutes.volume[i], 0),
    ]);
  });

  it('walks back past what one request reaches, and answers what there is when TWS has fewer bars', async () => {
    rig = await startRig({ fake: { series: [minutes, { ...minutes, symbol: 'BBB' }], startBar: LAST } });
    const all = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 60, bars: 10_000 });
    expect(all.length).toBe(minutes.length);
    expect([...all.ts]).toEqual([...minutes.ts]);
  });

  it('walks back past a weekend: a window with nothing in it moves back by its own length', async () => {
    // 100 minutes on a Friday, 100 on the Monday after: the day-long windows between them answer nothing.
    const friday = Date.UTC(2024, 2, 1, 15, 0);
    const monday = Date.UTC(2024, 2, 4, 15, 0);
    const days = seriesFromBars(
      'AAA',
      Array.from({ length: 200 }, (_, i) => ({ ts: (i < 100 ? friday : monday) + (i % 100) * MIN, open: 50, high: 51, low: 49, close: 50 + i / 100, volume: 10 })),
      60,
    );
    rig = await startRig({ fake: { series: [days, { ...days, symbol: 'BBB' }], startBar: 199 } });
    const got = await rig.broker.downloadIntradayHistory('AAA', { barSeconds: 60, bars: 150 });
    expect(got.length).toBe(150);
    expect([...got.ts]).toEqual([...days.ts.subarray(50)]);
  });

  it('refuses a size IB cannot build bars of, naming it', async () => {
    rig = await startRig({ fake: { series: [minutes, { ...minutes, symbol: 'BBB' }], startBar: LAST } });
    await expect(rig.broker.downloadIntradayHistory('AAA', { barSeconds: 7, bars: 10 })).rejects.toThrow(/7 s bars/);
    await expect(rig.broker.downloadIntradayHistory('AAA', { barSeconds: 60, bars: 0 })).rejects.toThrow(/bars must be a positive integer/);
  });
});
