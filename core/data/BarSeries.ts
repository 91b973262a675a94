import type { Timestamp } from '../domain/order';

/** One instrument's bars in columnar typed arrays, ascending by timestamp (ticks may share a millisecond stamp). */
export interface BarSeries {
  readonly symbol: string;
  /** Bar size in seconds when regular (86400 for daily); 0 when unknown or irregular. */
  readonly barSeconds: number;
  readonly length: number;
  /** Epoch ms (UTC) of the bar's stamp. Daily bars are stamped at 00:00 UTC of their date. */
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Yahoo-style split- and dividend-adjusted close when the source had one. */
  readonly adjClose?: Float64Array;
  /** The instrument's own price increment when the source knows it (a bar store instrument, the synthetic market); see tickSizeFor. */
  readonly tickSize?: number;
}

export interface Bar {
  ts: Timestamp;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export function barAt(series: BarSeries, i: number): Bar {
  return {
    ts: series.ts[i],
    open: series.open[i],
    high: series.high[i],
    low: series.low[i],
    close: series.close[i],
    volume: series.volume[i],
  };
}
