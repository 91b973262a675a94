import type { UTCTimestamp } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { ascendingUnique, candleSeries, fillMarkers, lineSeries, markersAt, seriesMarkers, snapMarkers, toUtc, tradeMarkers } from './lwSeries';

const t = (n: number): UTCTimestamp => n as UTCTimestamp;
const DAY = 86_400_000;
const COLOURS = { up: 'green', down: 'red', accent: 'gold' };

describe('lightweight-charts series shaping', () => {
  it('converts engine milliseconds to whole UTC seconds', () => {
    expect(toUtc(Date.UTC(2020, 0, 2))).toBe(1_577_923_200);
    expect(toUtc(1_999)).toBe(1);
  });

  it('sorts rows by time and keeps the last row of a repeated time', () => {
    const rows = [
      { time: t(3), value: 30 },
      { time: t(1), value: 10 },
      { time: t(3), value: 31 },
      { time: t(2), value: 20 },
    ];
    expect(ascendingUnique(rows)).toEqual([
      { time: t(1), value: 10 },
      { time: t(2), value: 20 },
      { time: t(3), value: 31 },
    ]);
  });

  it('builds candles and direction-coloured volume from bars', () => {
    const bars = [
      { ts: 0, open: 10, high: 12, low: 9, close: 11, volume: 100 },
      { ts: DAY, open: 11, high: 11.5, low: 8, close: 9, volume: 250 },
    ];
    const s = candleSeries(bars, COLOURS, false);
    expect(s.candles).toEqual([
      { time: 0, open: 10, high: 12, low: 9, close: 11 },
      { time: 86_400, open: 11, high: 11.5, low: 8, close: 9 },
    ]);
    expect(s.volume.map((v) => [v.value, v.color])).toEqual([
      [100, 'green'],
      [250, 'red'],
    ]);
    expect(s.hidden).toBe(0);
  });

  it('drops bars at or below zero on a log scale and counts them, keeping them on a linear one', () => {
    const bars = [
      { ts: 0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 1 },
      { ts: DAY, open: 0.2, high: 0.3, low: -0.1, close: 0.1, volume: 1 },
      { ts: 2 * DAY, open: 0.1, high: 0.2, low: 0.05, close: 0.15, volume: 1 },
    ];
    const log = candleSeries(bars, COLOURS, true);
    expect(log.candles.map((c) => c.time)).toEqual([0, 2 * 86_400]);
    expect(log.volume).toHaveLength(2);
    expect(log.hidden).toBe(1);
    expect(candleSeries(bars, COLOURS, false).candles).toHaveLength(3);
  });

  it('skips null values as gaps and non-positive ones on a log scale', () => {
    const { line, hidden } = lineSeries([0, 1000, 2000, 3000], [5, null, 0, 7], true);
    expect(line).toEqual([
      { time: 0, value: 5 },
      { time: 3, value: 7 },
    ]);
    expect(hidden).toBe(1);
    expect(lineSeries([0, 1000, 2000], [5, null, 0], false).line).toHaveLength(2);
  });

  it('marks a long round trip with a buy entry and a sell exit carrying the P&L', () => {
    const marks = tradeMarkers([
      { id: 'T2', direction: 'SHORT', quantity: 5, entryTs: 5000, entryPrice: 20, exitTs: null, exitPrice: null, pnl: null },
      { id: 'T1', direction: 'LONG', quantity: 10, entryTs: 1000, entryPrice: 10, exitTs: 3000, exitPrice: 12, pnl: 19.5 },
    ]);
    expect(marks.map((m) => [m.id, m.time, m.side, m.kind, m.price, m.pnl])).toEqual([
      ['T1:entry', 1, 'BUY', 'entry', 10, null],
      ['T1:exit', 3, 'SELL', 'exit', 12, 19.5],
      ['T2:entry', 5, 'SELL', 'entry', 20, null],
    ]);
  });

  it('marks fills in time order with unique ids', () => {
    const marks = fillMarkers([
      { ts: 4000, side: 'SELL', price: 11, quantity: 3 },
      { ts: 2000, side: 'BUY', price: 10, quantity: 3 },
    ]);
    expect(marks.map((m) => [m.id, m.time, m.side])).toEqual([
      ['fill-1', 2, 'BUY'],
      ['fill-0', 4, 'SELL'],
    ]);
  });

  it('draws buys below as up arrows, sells above as down arrows, the selected trade larger in the accent colour', () => {
    const marks = tradeMarkers([{ id: 'T1', direction: 'LONG', quantity: 1, entryTs: 1000, entryPrice: 10, exitTs: 2000, exitPrice: 9, pnl: -1 }]);
    const plain = seriesMarkers(marks, COLOURS, null);
    expect(plain.map((m) => [m.position, m.shape, m.color, m.size])).toEqual([
      ['belowBar', 'arrowUp', 'green', 1],
      ['aboveBar', 'arrowDown', 'red', 1],
    ]);
    const picked = seriesMarkers(marks, COLOURS, 'T1');
    expect(picked.map((m) => [m.color, m.size])).toEqual([
      ['gold', 2],
      ['gold', 2],
    ]);
  });

  it('selects a bare fill by its own id', () => {
    const marks = fillMarkers([
      { ts: 1000, side: 'BUY', price: 1, quantity: 1 },
      { ts: 2000, side: 'SELL', price: 1, quantity: 1 },
    ]);
    expect(seriesMarkers(marks, COLOURS, 'fill-1').map((m) => m.size)).toEqual([1, 2]);
  });

  it('snaps marks onto the next drawn time, the last one past the end', () => {
    const marks = fillMarkers([
      { ts: 1000, side: 'BUY', price: 1, quantity: 1 },
      { ts: 2500, side: 'SELL', price: 1, quantity: 1 },
      { ts: 9000, side: 'BUY', price: 1, quantity: 1 },
    ]);
    expect(snapMarkers(marks, [1, 3, 5]).map((m) => m.time)).toEqual([1, 3, 5]);
    expect(snapMarkers(marks, [])).toEqual([]);
  });

  it('finds every mark on one time', () => {
    const marks = fillMarkers([
      { ts: 1000, side: 'BUY', price: 1, quantity: 1 },
      { ts: 2000, side: 'BUY', price: 2, quantity: 1 },
      { ts: 2000, side: 'SELL', price: 3, quantity: 1 },
    ]);
    expect(markersAt(marks, 2).map((m) => m.price).sort()).toEqual([2, 3]);
    expect(markersAt(marks, 5)).toEqual([]);
  });
});
