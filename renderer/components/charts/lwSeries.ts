import type { CandlestickData, HistogramData, LineData, SeriesMarker, UTCTimestamp } from 'lightweight-charts';

/**
 * Shaping of engine series for lightweight-charts, which wants times in UTC seconds, strictly
 * ascending and unique, and cannot draw a non-positive value on a log scale.
 */

/** Engine epoch milliseconds to the chart's UTC seconds. */
export const toUtc = (ms: number): UTCTimestamp => Math.floor(ms / 1000) as UTCTimestamp;

/** Chart seconds back to epoch milliseconds. */
export const fromUtc = (t: UTCTimestamp): number => t * 1000;

/**
 * Rows sorted by time with one row per time: the library throws on a repeated or descending time.
 * Two rows in the same second keep the later one (the latest value of that second).
 */
export function ascendingUnique<T extends { time: UTCTimestamp }>(rows: readonly T[]): T[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = rows[i].time > rows[i - 1].time;
  if (sorted) return [...rows];
  const ordered = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.time - b.row.time || a.i - b.i);
  const out: T[] = [];
  for (const { row } of ordered) {
    if (out.length > 0 && out[out.length - 1].time === row.time) out[out.length - 1] = row;
    else out.push(row);
  }
  return out;
}

export interface Ohlcv {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface CandleSeries {
  candles: CandlestickData<UTCTimestamp>[];
  volume: HistogramData<UTCTimestamp>[];
  /** Bars left out because a log scale cannot place them (a price at or below zero). */
  hidden: number;
}

/** Candles and their volume bars (coloured by the candle's direction); with `log`, bars priced at or below zero are dropped. */
export function candleSeries(bars: readonly Ohlcv[], colours: { up: string; down: string }, log: boolean): CandleSeries {
  const kept = log ? bars.filter((b) => b.low > 0 && b.open > 0 && b.high > 0 && b.close > 0) : bars;
  const candles = ascendingUnique(kept.map((b) => ({ time: toUtc(b.ts), open: b.open, high: b.high, low: b.low, close: b.close })));
  const volume = ascendingUnique(
    kept.map((b) => ({ time: toUtc(b.ts), value: Math.max(0, b.volume), color: b.close >= b.open ? colours.up : colours.down })),
  );
  return { candles, volume, hidden: bars.length - kept.length };
}

/** One value per time for a line; with `log`, values at or below zero are dropped. Null values are gaps. */
export function lineSeries(ts: readonly number[], values: readonly (number | null)[], log: boolean): { line: LineData<UTCTimestamp>[]; hidden: number } {
  const rows: LineData<UTCTimestamp>[] = [];
  let hidden = 0;
  for (let i = 0; i < ts.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (log && v <= 0) {
      hidden++;
      continue;
    }
    rows.push({ time: toUtc(ts[i]), value: v });
  }
  return { line: ascendingUnique(rows), hidden };
}

export interface ChartMarker {
  /** Unique on the chart; the library reports it back when the pointer is over the mark. */
  id: string;
  /** The trade the mark belongs to, for selecting its row; null for a bare fill. */
  tradeId: string | null;
  time: UTCTimestamp;
  side: 'BUY' | 'SELL';
  kind: 'entry' | 'exit' | 'fill';
  quantity: number;
  price: number;
  /** Realised P&L of the trade, on its exit mark only. */
  pnl: number | null;
}

/** One mark per fill, in time order. */
export function fillMarkers(fills: readonly { ts: number; side: 'BUY' | 'SELL'; price: number; quantity: number }[]): ChartMarker[] {
  return fills
    .map((f, i) => ({ id: `fill-${i}`, tradeId: null, time: toUtc(f.ts), side: f.side, kind: 'fill' as const, quantity: f.quantity, price: f.price, pnl: null }))
    .sort((a, b) => a.time - b.time);
}

export interface TradeForMarkers {
  id: string;
  direction: 'LONG' | 'SHORT';
  quantity: number;
  entryTs: number;
  entryPrice: number;
  exitTs: number | null;
  exitPrice: number | null;
  pnl: number | null;
}

/** An entry mark and (once closed) an exit mark per round trip: a long enters with a buy and exits with a sell. */
export function tradeMarkers(trades: readonly TradeForMarkers[]): ChartMarker[] {
  const out: ChartMarker[] = [];
  for (const t of trades) {
    const enter = t.direction === 'LONG' ? 'BUY' : 'SELL';
    const leave = t.direction === 'LONG' ? 'SELL' : 'BUY';
    out.push({ id: `${t.id}:entry`, tradeId: t.id, time: toUtc(t.entryTs), side: enter, kind: 'entry', quantity: t.quantity, price: t.entryPrice, pnl: null });
    if (t.exitTs !== null && t.exitPrice !== null) {
      out.push({ id: `${t.id}:exit`, tradeId: t.id, time: toUtc(t.exitTs), side: leave, kind: 'exit', quantity: t.quantity, price: t.exitPrice, pnl: t.pnl });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

/** What clicking a mark selects: its trade, or the mark itself for a bare fill. */
export const selectionId = (m: ChartMarker): string => m.tradeId ?? m.id;

/** The library's marks: buys as up arrows below the bar, sells as down arrows above it; the selected trade's larger in the accent colour. */
export function seriesMarkers(
  markers: readonly ChartMarker[],
  colours: { up: string; down: string; accent: string },
  selectedTradeId: string | null,
): SeriesMarker<UTCTimestamp>[] {
  return markers.map((m) => {
    const selected = selectedTradeId !== null && selectionId(m) === selectedTradeId;
    const buy = m.side === 'BUY';
    return {
      id: m.id,
      time: m.time,
      position: buy ? 'belowBar' : 'aboveBar',
      shape: buy ? 'arrowUp' : 'arrowDown',
      color: selected ? colours.accent : buy ? colours.up : colours.down,
      size: selected ? 2 : 1,
    };
  });
}

/**
 * Moves each mark onto the first drawn time at or after it (the last one past the end): a downsampled
 * or merged series does not draw every session, and a mark must sit on a drawn bar. `times` ascending.
 */
export function snapMarkers(markers: readonly ChartMarker[], times: readonly number[]): ChartMarker[] {
  if (times.length === 0) return [];
  const out: ChartMarker[] = [];
  let j = 0;
  for (const m of markers) {
    while (j < times.length - 1 && times[j] < m.time) j++;
    const time = (m.time <= times[j] ? times[j] : times[times.length - 1]) as UTCTimestamp;
    out.push(time === m.time ? m : { ...m, time });
  }
  return out;
}

/** The marks on one time, for the tooltip when the pointer is over a bar rather than a mark. */
export function markersAt(markers: readonly ChartMarker[], time: number): ChartMarker[] {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  const out: ChartMarker[] = [];
  for (let i = lo; i < markers.length && markers[i].time === time; i++) out.push(markers[i]);
  return out;
}
