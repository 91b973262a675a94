import type { Bar, BarSeries } from '../../data/BarSeries';
import { barAt } from '../../data/BarSeries';

/** How many consecutive bars downsampleBars merges into one candle: 1 when they fit. */
export function barsPerCandle(length: number, maxPoints: number): number {
  return Math.max(1, Math.ceil(length / Math.max(1, Math.floor(maxPoints))));
}

/**
 * At most `maxPoints` bars for a chart: runs of k = ceil(length / maxPoints) consecutive bars merged the way
 * a candle would be (first open, max high, min low, last close, summed volume, stamped at the run's last
 * bar), so no extreme is lost. Below the limit (or with an infinite one) the bars come back unchanged.
 */
export function downsampleBars(series: BarSeries, maxPoints: number): Bar[] {
  const n = series.length;
  const k = barsPerCandle(n, maxPoints);
  const out: Bar[] = [];
  for (let from = 0; from < n; from += k) {
    const bar = barAt(series, from);
    const to = Math.min(n, from + k);
    for (let i = from + 1; i < to; i++) {
      if (series.high[i] > bar.high) bar.high = series.high[i];
      if (series.low[i] < bar.low) bar.low = series.low[i];
      bar.volume += series.volume[i];
    }
    bar.close = series.close[to - 1];
    bar.ts = series.ts[to - 1];
    out.push(bar);
  }
  return out;
}
