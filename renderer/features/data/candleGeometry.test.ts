import { describe, expect, it } from 'vitest';
import { indexAt, layoutCandles, linearScale, niceStep, niceTicks, priceDomain, stepDecimals, timeTicks, type Candle, type ChartFrame } from './candleGeometry';

const frame: ChartFrame = { left: 0, right: 100, priceTop: 0, priceBottom: 200, volumeTop: 220, volumeBottom: 300 };
const candle = (open: number, high: number, low: number, close: number, volume: number, ts = 0): Candle => ({ ts, open, high, low, close, volume });

describe('scales and ticks', () => {
  it('maps a domain linearly, a flat one to the middle', () => {
    const y = linearScale(10, 20, 200, 0);
    expect(y(10)).toBe(200);
    expect(y(20)).toBe(0);
    expect(y(15)).toBe(100);
    expect(linearScale(5, 5, 0, 100)(5)).toBe(50);
  });

  it('pads the price range around the lowest low and highest high', () => {
    const [lo, hi] = priceDomain([candle(10, 12, 9, 11, 1), candle(11, 19, 10, 18, 1)], 0.1);
    expect(lo).toBeCloseTo(8);
    expect(hi).toBeCloseTo(20);
    const [flo, fhi] = priceDomain([candle(50, 50, 50, 50, 0)]);
    expect(flo).toBeLessThan(50);
    expect(fhi).toBeGreaterThan(50);
    expect(priceDomain([])).toEqual([0, 1]);
  });

  it('picks round steps and ticks inside the range', () => {
    expect(niceStep(0, 100, 5)).toBe(20);
    expect(niceStep(95.96, 109.08, 6)).toBe(2.5);
    expect(niceTicks(95.96, 109.08, 6)).toEqual([97.5, 100, 102.5, 105, 107.5]);
    expect(niceTicks(0.101, 0.149, 5)).toEqual([0.11, 0.12, 0.13, 0.14]);
    expect(stepDecimals(2.5)).toBe(1);
    expect(stepDecimals(0.01)).toBe(2);
    expect(stepDecimals(20)).toBe(0);
  });
});

describe('candle layout', () => {
  const candles = [candle(100, 110, 90, 105, 1000), candle(105, 106, 95, 96, 500), candle(100, 100, 100, 100, 0)];
  const shapes = layoutCandles(candles, frame, [90, 110]);

  it('puts each candle in the middle of its slot, bodies narrower than the slot', () => {
    [100 / 6, 50, 500 / 6].forEach((x, i) => expect(shapes[i].x).toBeCloseTo(x));
    for (const s of shapes) {
      expect(s.bodyWidth).toBeLessThan(100 / 3);
      expect(s.bodyX + s.bodyWidth / 2).toBeCloseTo(s.x);
    }
  });

  it('draws the body between open and close and the wick from high to low', () => {
    const [up, down, doji] = shapes;
    expect(up.up).toBe(true);
    expect(up.wickTop).toBe(0);
    expect(up.wickBottom).toBe(200);
    expect(up.bodyTop).toBe(50); // close 105
    expect(up.bodyHeight).toBe(50); // down to open 100
    expect(down.up).toBe(false);
    expect(down.bodyTop).toBe(50); // open 105
    expect(down.bodyHeight).toBe(90); // down to close 96
    expect(doji.bodyHeight).toBe(1);
  });

  it('scales volume bars to the largest volume in the volume panel', () => {
    expect(shapes[0].volumeTop).toBe(220);
    expect(shapes[0].volumeHeight).toBe(80);
    expect(shapes[1].volumeHeight).toBe(40);
    expect(shapes[2].volumeHeight).toBe(0);
  });

  it('finds the candle under the pointer, none outside the plot', () => {
    expect(indexAt(frame, 3, 0)).toBe(0);
    expect(indexAt(frame, 3, 50)).toBe(1);
    expect(indexAt(frame, 3, 99.9)).toBe(2);
    expect(indexAt(frame, 3, 100)).toBeNull();
    expect(indexAt(frame, 3, -1)).toBeNull();
    expect(indexAt(frame, 0, 10)).toBeNull();
  });
});

describe('time ticks', () => {
  const days = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i * 86_400_000);

  it('places calendar ticks on the first candle of each period', () => {
    // 2004-08-19 onwards, daily for about 3 years: yearly ticks on the first bar of 2005, 2006, 2007.
    const stamps = days(Date.UTC(2004, 7, 19), 1000);
    const ticks = timeTicks(stamps, 4);
    expect(ticks.map((t) => t.label)).toEqual(['2005', '2006', '2007']);
    for (const t of ticks) expect(new Date(stamps[t.index]).getUTCFullYear()).toBe(Number(t.label));
    expect(new Date(stamps[ticks[0].index - 1]).getUTCFullYear()).toBe(2004);
  });

  it('labels candles within one day by their UTC time', () => {
    const stamps = Array.from({ length: 60 }, (_, i) => Date.UTC(2006, 0, 2, 9, 1 + i));
    const ticks = timeTicks(stamps, 6);
    expect(ticks[0]).toEqual({ index: 0, label: '09:01' });
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(timeTicks([], 5)).toEqual([]);
  });
});
