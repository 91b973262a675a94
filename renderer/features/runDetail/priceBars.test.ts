import { describe, expect, it } from 'vitest';
import { candleSeries, fillMarkers, snapMarkers } from '../../components/charts/lwSeries';
import { mergedNote, runCandles } from './priceBars';

const DAY = 86_400_000;
const prices = {
  ts: [DAY, 2 * DAY, 3 * DAY],
  open: [10, 11, 9],
  high: [12, 11.5, 10],
  low: [9.5, 10.5, 8],
  close: [11, 10.8, 9.5],
  volume: [1000, 1500, 0],
};

describe('runCandles', () => {
  it('turns the engine’s columns into one candle per stamp', () => {
    expect(runCandles(prices)).toEqual([
      { ts: DAY, open: 10, high: 12, low: 9.5, close: 11, volume: 1000 },
      { ts: 2 * DAY, open: 11, high: 11.5, low: 10.5, close: 10.8, volume: 1500 },
      { ts: 3 * DAY, open: 9, high: 10, low: 8, close: 9.5, volume: 0 },
    ]);
  });

  it('stops at the shortest column instead of inventing values', () => {
    expect(runCandles({ ...prices, volume: [1000, 1500] })).toHaveLength(2);
  });

  it('feeds candles and volume coloured by direction, with the trades’ marks on the candles’ stamps', () => {
    const { candles, volume } = candleSeries(runCandles(prices), { up: 'green', down: 'red' }, false);
    expect(candles.map((c) => c.close)).toEqual([11, 10.8, 9.5]);
    expect(volume.map((v) => v.color)).toEqual(['green', 'red', 'green']);
    // A fill between two merged candles' stamps is drawn on the candle that holds it, the next one.
    const marks = snapMarkers(fillMarkers([{ ts: DAY + 3_600_000, side: 'BUY', price: 10.7, quantity: 5 }]), candles.map((c) => c.time));
    expect(marks.map((m) => m.time)).toEqual([(2 * DAY) / 1000]);
  });
});

describe('mergedNote', () => {
  it('says how many bars a candle holds, only when it is more than one', () => {
    expect(mergedNote(1)).toBeNull();
    expect(mergedNote(5)).toBe('1 candle = 5 bars, merged to fit the chart; zoom in for detail');
  });
});
